import { AckMethod, DeliveryStatus, DispatchStatus, RecipientPurpose, Urgency } from '@app/vocabulary';
import { ApiProperty } from '@nestjs/swagger';
import { LinkSignupState } from '../../access/link-signup-rules.js';
import { ActivityDto } from '../../activities/dto/activity-responses.dto.js';
import { AttachmentDto, DispatchDocumentDto, DispatchTaskDto, UnitRefDto } from '../../dispatches/dto/dispatch-document.dto.js';

/** The parts of a dispatch every view shows live with the dispatches; re-exported for the delivery views. */
export { AttachmentDto, DispatchDocumentDto, DispatchTaskDto, UnitRefDto };

/** The response shapes of the delivery lifecycle, for the OpenAPI document and the generated client. */

const EDXML = { type: String, nullable: true, description: 'edXML status code of QCVN 102 (01–06); none for pending and sent' };

/** One delivery as the inbox, the delivery view and the rollout tree list it. */
export class DeliveryItemDto {
  @ApiProperty() id!: string;
  @ApiProperty() dispatchId!: string;
  @ApiProperty() unitId!: string;
  @ApiProperty() unitCode!: string;
  @ApiProperty() unitName!: string;
  @ApiProperty({ enum: RecipientPurpose, enumName: 'RecipientPurpose' }) purpose!: RecipientPurpose;
  @ApiProperty({ enum: DeliveryStatus, enumName: 'DeliveryStatus' }) status!: DeliveryStatus;
  @ApiProperty(EDXML) edxmlCode!: string | null;
  @ApiProperty({ type: String, nullable: true }) parentDeliveryId!: string | null;
  @ApiProperty({ type: String, nullable: true }) instruction!: string | null;
  @ApiProperty({ type: Date, nullable: true }) ackDueAt!: Date | null;
  @ApiProperty({ type: Date, nullable: true }) forwardDueAt!: Date | null;
  @ApiProperty({ type: Date, nullable: true }) reportDueAt!: Date | null;
  @ApiProperty({ type: Date, nullable: true, description: 'The mail server took the first e-mail' }) sentAt!: Date | null;
  @ApiProperty({ type: Date, nullable: true, description: '01: someone of the unit opened it' }) arrivedAt!: Date | null;
  @ApiProperty({ type: Date, nullable: true, description: '03: the unit confirmed receipt' }) acknowledgedAt!: Date | null;
  @ApiProperty({ enum: AckMethod, enumName: 'AckMethod', nullable: true }) ackMethod!: AckMethod | null;
  @ApiProperty({ type: String, nullable: true }) ackByName!: string | null;
  @ApiProperty({ type: String, nullable: true }) ackProxyReason!: string | null;
  @ApiProperty({ type: Date, nullable: true }) refusedAt!: Date | null;
  @ApiProperty({ type: String, nullable: true }) refusalReason!: string | null;
  @ApiProperty({ type: String, nullable: true }) refusedByName!: string | null;
  @ApiProperty({ type: Date, nullable: true }) refusalResolvedAt!: Date | null;
  @ApiProperty({ type: Date, nullable: true }) forwardedAt!: Date | null;
  @ApiProperty({ type: Date, nullable: true }) completedAt!: Date | null;
  @ApiProperty({ description: 'Past the acknowledgement deadline and not acknowledged' }) overdueAck!: boolean;
  @ApiProperty({ description: 'Past the forwarding deadline and not forwarded (only units with units below)' }) overdueForward!: boolean;
  @ApiProperty({ description: 'Past the report deadline and not completed' }) overdueReport!: boolean;
  @ApiProperty({ type: Date, nullable: true, description: 'The issuer recalled the dispatch: read-only from then on' })
  recalledAt!: Date | null;
  @ApiProperty({ type: Number, nullable: true, description: 'The dispatch version the unit last acknowledged' }) ackVersion!: number | null;
  @ApiProperty({ description: 'Acknowledged an earlier version: must acknowledge the current one again (xác nhận lại)' })
  mustReacknowledge!: boolean;
}

export class InboxDispatchDto {
  @ApiProperty() number!: number;
  @ApiProperty() symbol!: string;
  @ApiProperty() subject!: string;
  @ApiProperty({ enum: Urgency, enumName: 'Urgency' }) urgency!: Urgency;
  @ApiProperty() issuedDate!: string;
  @ApiProperty() issuer!: string;
  @ApiProperty({ enum: DispatchStatus, enumName: 'DispatchStatus' }) status!: DispatchStatus;
  @ApiProperty() version!: number;
  @ApiProperty({ type: String, nullable: true, description: 'Thu hồi: the reason given' }) recallReason!: string | null;
}

export class InboxItemDto extends DeliveryItemDto {
  @ApiProperty({ type: InboxDispatchDto }) dispatch!: InboxDispatchDto;
}

/** GET /deliveries/:id: the delivery detail read model with the units it forwarded to and its activities. */
export class DeliveryDetailDto extends DeliveryItemDto {
  @ApiProperty({ type: DispatchDocumentDto }) dispatch!: DispatchDocumentDto;
  @ApiProperty({ type: [DispatchTaskDto] }) tasks!: DispatchTaskDto[];
  @ApiProperty({ type: [AttachmentDto] }) attachments!: AttachmentDto[];
  @ApiProperty({ type: [DeliveryItemDto] }) children!: DeliveryItemDto[];
  @ApiProperty({ type: [ActivityDto], description: 'Activities reported against it' }) activities!: ActivityDto[];
}

export class AcknowledgementDto {
  @ApiProperty() deliveryId!: string;
  @ApiProperty({ enum: DeliveryStatus, enumName: 'DeliveryStatus' }) status!: DeliveryStatus;
  @ApiProperty() acknowledgedAt!: Date;
  @ApiProperty({ enum: AckMethod, enumName: 'AckMethod' }) method!: AckMethod;
  @ApiProperty() byName!: string;
  @ApiProperty({ type: String, nullable: true }) byUserId!: string | null;
  @ApiProperty() byUnitId!: string;
  @ApiProperty({ type: String, nullable: true }) proxyReason!: string | null;
  @ApiProperty({ type: [String], description: 'SHA-256 of every attachment as it was when acknowledged' }) attachmentsSha256!: string[];
  @ApiProperty({ description: 'False when the delivery was already acknowledged and nothing changed' }) created!: boolean;
}

export class RefusalDto {
  @ApiProperty() id!: string;
  @ApiProperty({ enum: DeliveryStatus, enumName: 'DeliveryStatus' }) status!: DeliveryStatus;
  @ApiProperty() refusedAt!: Date;
  @ApiProperty() reason!: string;
  @ApiProperty() byName!: string;
  @ApiProperty({ description: 'False when the delivery was already refused and nothing changed' }) created!: boolean;
}

export class ForwardResultDto {
  @ApiProperty() dispatchId!: string;
  @ApiProperty({ description: 'New deliveries written' }) forwarded!: number;
  @ApiProperty({ description: 'Units that already had the dispatch (skipped)' }) alreadyReceiving!: number;
  @ApiProperty({ description: 'E-mails queued' }) messages!: number;
}

export class CompletionDto {
  @ApiProperty() id!: string;
  @ApiProperty({ enum: DeliveryStatus, enumName: 'DeliveryStatus' }) status!: DeliveryStatus;
  @ApiProperty() created!: boolean;
}

export class ReminderResultDto {
  @ApiProperty({ description: 'E-mails queued to the recipient unit' }) messages!: number;
}

export class ReaddressResultDto {
  @ApiProperty({ description: 'The new delivery to the right unit' }) deliveryId!: string;
  @ApiProperty() messages!: number;
}

/** GET /ack-links/:token (JSON): the delivery detail read model as the link page shows it. */
export class AckLinkDeliveryDto {
  @ApiProperty() id!: string;
  @ApiProperty({ enum: DeliveryStatus, enumName: 'DeliveryStatus' }) status!: DeliveryStatus;
  @ApiProperty({ enum: RecipientPurpose, enumName: 'RecipientPurpose' }) purpose!: RecipientPurpose;
  @ApiProperty({ type: Date, nullable: true }) arrivedAt!: Date | null;
  @ApiProperty({ type: Date, nullable: true }) ackDueAt!: Date | null;
  @ApiProperty({ type: Date, nullable: true }) forwardDueAt!: Date | null;
  @ApiProperty({ type: Date, nullable: true }) reportDueAt!: Date | null;
  @ApiProperty({ type: String, nullable: true }) instruction!: string | null;
}

export class AckLinkViewDto {
  @ApiProperty({ type: AckLinkDeliveryDto }) delivery!: AckLinkDeliveryDto;
  @ApiProperty({ type: UnitRefDto }) unit!: UnitRefDto;
  @ApiProperty({ type: DispatchDocumentDto }) dispatch!: DispatchDocumentDto;
  @ApiProperty({ type: [DispatchTaskDto] }) tasks!: DispatchTaskDto[];
  @ApiProperty({ type: [AttachmentDto] }) attachments!: AttachmentDto[];
}

export class RolloutNodeDto extends DeliveryItemDto {
  @ApiProperty() activityCount!: number;
  @ApiProperty({ type: () => [RolloutNodeDto], description: 'The deliveries it forwarded to' }) children!: RolloutNodeDto[];
}

export class RolloutTreeDto {
  @ApiProperty() dispatchId!: string;
  @ApiProperty({ description: 'More deliveries than one answer holds: ask for one branch (under)' }) truncated!: boolean;
  @ApiProperty({ type: [RolloutNodeDto] }) roots!: RolloutNodeDto[];
}

/** The delivery as the link's web page shows it: with who confirmed it, when, and its edXML code. */
export class AckLinkWorkspaceDeliveryDto extends AckLinkDeliveryDto {
  @ApiProperty(EDXML) edxmlCode!: string | null;
  @ApiProperty({ type: Date, nullable: true }) acknowledgedAt!: Date | null;
  @ApiProperty({ type: String, nullable: true }) ackByName!: string | null;
  @ApiProperty({ type: Date, nullable: true }) forwardedAt!: Date | null;
  @ApiProperty({ type: Date, nullable: true }) recalledAt!: Date | null;
  @ApiProperty({ type: Number, nullable: true }) ackVersion!: number | null;
  @ApiProperty({ description: 'Acknowledged an earlier version: must acknowledge the current one again' }) mustReacknowledge!: boolean;
}

/** A unit this delivery was passed down to, as the link page lists them: who, and whether it confirmed. */
export class LinkChildDeliveryDto {
  @ApiProperty() id!: string;
  @ApiProperty() unitName!: string;
  @ApiProperty({ enum: DeliveryStatus, enumName: 'DeliveryStatus' }) status!: DeliveryStatus;
  @ApiProperty(EDXML) edxmlCode!: string | null;
  @ApiProperty({ type: Date, nullable: true }) acknowledgedAt!: Date | null;
}

export class AckLinkWorkspaceDto extends AckLinkViewDto {
  @ApiProperty({ type: AckLinkWorkspaceDeliveryDto }) declare delivery: AckLinkWorkspaceDeliveryDto;
  @ApiProperty({ type: [LinkChildDeliveryDto], description: 'The units it was passed down to' }) children!: LinkChildDeliveryDto[];
  @ApiProperty({ type: [ActivityDto], description: 'Activities reported against it' }) activities!: ActivityDto[];
  @ApiProperty() canForward!: boolean;
  @ApiProperty({
    enum: LinkSignupState,
    enumName: 'LinkSignupState',
    description: 'available: the page offers "Tạo tài khoản cho đơn vị"; otherwise why not',
  })
  accountSignup!: LinkSignupState;
}
