import {
  DeliveryStatus,
  DispatchStatus,
  MessageKind,
  MessageStatus,
  RecipientGroup,
  RecipientPurpose,
  UnitLevel,
  UnitType,
} from '@app/vocabulary';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { AttachmentDto, DispatchDocumentDto, DispatchTaskDto, UnitRefDto } from './dispatch-document.dto.js';

/** The response shapes of the issuer's dispatch screens, for the OpenAPI document and the generated client. */

/** Counts keyed by a status value (statuses with none are left out). */
const COUNTS = (of: string) => ({
  type: 'object' as const,
  additionalProperties: { type: 'integer' },
  description: `Number of ${of} per status; a status with none is absent`,
  example: { sent: 3, acknowledged: 2 },
});

export class RecipientUnitDto {
  @ApiProperty() id!: string;
  @ApiProperty() code!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: UnitType, enumName: 'UnitType' }) type!: UnitType;
  @ApiProperty({ enum: UnitLevel, enumName: 'UnitLevel' }) level!: UnitLevel;
  @ApiProperty({ type: String, nullable: true }) parentId!: string | null;
}

export class RecipientUnitListDto {
  @ApiProperty({ type: [RecipientUnitDto] }) items!: RecipientUnitDto[];
}

/** The issuer's own reminder rule as stored (set by PUT /dispatches/:id/reminder-rule); a key left out keeps the urgency's policy. */
export class DispatchReminderRuleDto {
  @ApiPropertyOptional({ enum: ['hours', 'working_days'] }) cadenceUnit?: 'hours' | 'working_days';
  @ApiPropertyOptional({ description: 'A reminder every this many hours / working days after the deadline' }) every?: number;
  @ApiPropertyOptional({ description: 'One reminder this many hours / working days before the deadline (0: none)' }) before?: number;
  @ApiPropertyOptional({ description: 'At most this many reminders after the deadline' }) maxAfter?: number;
  @ApiPropertyOptional({ description: 'Escalate to the unit above this many hours / working days after the deadline' })
  escalateAfter?: number;
}

/** A dispatch row as stored: the document, its deadlines, reminder rule, publication and issuing unit. */
export class DispatchDto extends DispatchDocumentDto {
  @ApiProperty() issuedYear!: number;
  @ApiProperty({ type: Date, nullable: true }) ackDueAt!: Date | null;
  @ApiProperty({ type: Date, nullable: true }) forwardDueAt!: Date | null;
  @ApiProperty({ type: Date, nullable: true }) reportDueAt!: Date | null;
  @ApiProperty({ type: Number, nullable: true, description: 'Trong N ngày làm việc: resolved to ackDueAt when published' })
  ackDueWorkingDays!: number | null;
  @ApiProperty({ type: Number, nullable: true }) forwardDueWorkingDays!: number | null;
  @ApiProperty({ type: Number, nullable: true }) reportDueWorkingDays!: number | null;
  @ApiProperty({ type: String, nullable: true }) recalledBy!: string | null;
  @ApiProperty({ type: DispatchReminderRuleDto, nullable: true, description: "The issuer's own reminder rule; null: its urgency's policy" })
  reminderRule!: DispatchReminderRuleDto | null;
  @ApiProperty({ type: Date, nullable: true }) publishedAt!: Date | null;
  @ApiProperty({ type: String, nullable: true }) createdBy!: string | null;
  @ApiProperty() createdAt!: Date;
  @ApiProperty() updatedAt!: Date;
  @ApiProperty({ type: UnitRefDto, description: 'The issuing unit: recipients read this too, so only its id, code and name' })
  issuerUnit!: UnitRefDto;
}

/** GET /dispatches: one dispatch of the list, with its issuer and its deliveries counted by status. */
export class DispatchListItemDto extends DispatchDto {
  @ApiProperty(COUNTS('deliveries')) deliveryCounts!: Record<string, number>;
  @ApiProperty({ description: 'Deliveries acknowledged at any time, whatever their status now (a recall keeps the count)' })
  acknowledged!: number;
}

export class DispatchTaskRowDto extends DispatchTaskDto {
  @ApiProperty() id!: string;
  @ApiProperty() dispatchId!: string;
}

/** A current attachment of the dispatch; where the server stores it is never shown. */
export class DispatchAttachmentDto extends AttachmentDto {
  @ApiProperty() dispatchId!: string;
  @ApiProperty({ description: 'The dispatch version that added the file' }) addedInVersion!: number;
  @ApiProperty({ type: Number, nullable: true, description: 'The version that replaced it; null while it is current' })
  supersededInVersion!: number | null;
}

/** One line of "Kính gửi" / "Nơi nhận" as chosen: a unit or a group, resolved at publish. */
export class DispatchRecipientDto {
  @ApiProperty() id!: string;
  @ApiProperty() dispatchId!: string;
  @ApiProperty({ enum: RecipientPurpose, enumName: 'RecipientPurpose' }) purpose!: RecipientPurpose;
  @ApiProperty({ type: String, nullable: true }) unitId!: string | null;
  @ApiProperty({ enum: RecipientGroup, enumName: 'RecipientGroup', nullable: true }) groupKind!: RecipientGroup | null;
  @ApiProperty({ type: String, nullable: true, description: 'For a group: the unit whose territory it is taken from' })
  scopeUnitId!: string | null;
}

/** GET /dispatches/:id (and what create and update answer): the dispatch with its parts and counts. */
export class DispatchDetailDto extends DispatchDto {
  @ApiProperty({ type: [DispatchTaskRowDto] }) tasks!: DispatchTaskRowDto[];
  @ApiProperty({ type: [DispatchAttachmentDto] }) attachments!: DispatchAttachmentDto[];
  @ApiProperty({ type: [DispatchRecipientDto] }) recipients!: DispatchRecipientDto[];
  @ApiProperty(COUNTS('deliveries')) deliveryCounts!: Record<string, number>;
  @ApiProperty({ description: 'Deliveries acknowledged at any time, whatever their status now (a recall keeps the count)' })
  acknowledged!: number;
  @ApiProperty(COUNTS('e-mails')) messageCounts!: Record<string, number>;
}

export class PreviewUnitDto extends UnitRefDto {
  @ApiProperty({ enum: UnitLevel, enumName: 'UnitLevel' }) level!: UnitLevel;
  @ApiProperty({ enum: UnitType, enumName: 'UnitType' }) type!: UnitType;
  @ApiProperty({ type: [String] }) emails!: string[];
  @ApiProperty({ enum: RecipientPurpose, enumName: 'RecipientPurpose' }) purpose!: RecipientPurpose;
}

/** GET /dispatches/:id/recipients/preview: who the dispatch will reach, before publishing. */
export class RecipientPreviewDto {
  @ApiProperty({ description: 'Units reached' }) total!: number;
  @ApiProperty({ ...COUNTS('units'), description: 'Units per purpose (RecipientPurpose)' }) byPurpose!: Record<string, number>;
  @ApiProperty({ description: 'E-mail addresses of those units' }) addresses!: number;
  @ApiProperty({ type: [UnitRefDto] }) unitsWithoutEmail!: UnitRefDto[];
  @ApiProperty({ type: [PreviewUnitDto], description: 'One page of the units, in tree order' }) items!: PreviewUnitDto[];
  @ApiProperty() page!: number;
  @ApiProperty() limit!: number;
}

export class PublishResultDto {
  @ApiProperty() dispatchId!: string;
  @ApiProperty({ description: 'Deliveries written, one per recipient unit' }) deliveries!: number;
  @ApiProperty({ description: 'E-mails queued' }) messages!: number;
  @ApiProperty({ description: 'Recipient units without an e-mail address' }) unitsWithoutEmail!: number;
}

export class DispatchStateDto {
  @ApiProperty() id!: string;
  @ApiProperty({ enum: DispatchStatus, enumName: 'DispatchStatus' }) status!: DispatchStatus;
}

export class AddRecipientsResultDto {
  @ApiProperty({ description: 'New deliveries written' }) added!: number;
  @ApiProperty({ description: 'Units that already had the dispatch (skipped)' }) alreadyReceiving!: number;
  @ApiProperty({ description: 'E-mails queued' }) messages!: number;
}

export class ResendResultDto {
  @ApiProperty({ description: 'E-mails queued to the recipient unit' }) messages!: number;
}

/** One e-mail of a delivery and how far it got. */
export class DeliveryMessageDto {
  @ApiProperty() id!: string;
  @ApiProperty({ enum: MessageKind, enumName: 'MessageKind' }) kind!: MessageKind;
  @ApiProperty() to!: string;
  @ApiProperty({ enum: MessageStatus, enumName: 'MessageStatus' }) status!: MessageStatus;
  @ApiProperty() attempts!: number;
  @ApiProperty({ type: String, nullable: true }) lastError!: string | null;
  @ApiProperty({ type: String, nullable: true }) providerMessageId!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) sentAt!: string | null;
}

export class ReminderSummaryDto {
  @ApiProperty() count!: number;
  @ApiProperty({ type: String, format: 'date-time' }) lastAt!: string;
  @ApiProperty({ example: 'đã nhắc 2 lần, lần cuối 08:30 05/12' }) summary!: string;
}

/** GET /dispatches/:id/deliveries: one recipient unit's delivery with every e-mail sent to it. */
export class RolloutRowDto {
  @ApiProperty() id!: string;
  @ApiProperty() unitId!: string;
  @ApiProperty() unitCode!: string;
  @ApiProperty() unitName!: string;
  @ApiProperty({ enum: RecipientPurpose, enumName: 'RecipientPurpose' }) purpose!: RecipientPurpose;
  @ApiProperty({ enum: DeliveryStatus, enumName: 'DeliveryStatus' }) status!: DeliveryStatus;
  @ApiProperty({ type: String, nullable: true, description: 'edXML status code of QCVN 102 (01–06); none for pending and sent' })
  edxmlCode!: string | null;
  @ApiProperty({ type: String, nullable: true }) parentDeliveryId!: string | null;
  @ApiProperty({ type: Date, nullable: true }) ackDueAt!: Date | null;
  @ApiProperty({ type: Date, nullable: true }) forwardDueAt!: Date | null;
  @ApiProperty({ type: Date, nullable: true }) reportDueAt!: Date | null;
  @ApiProperty({ type: Date, nullable: true }) sentAt!: Date | null;
  @ApiProperty({ type: Date, nullable: true }) arrivedAt!: Date | null;
  @ApiProperty({ type: Date, nullable: true }) acknowledgedAt!: Date | null;
  @ApiProperty({ type: Number, nullable: true }) ackVersion!: number | null;
  @ApiProperty({ type: Date, nullable: true }) recalledAt!: Date | null;
  @ApiProperty({ description: 'Acknowledged an earlier version: must acknowledge the current one again' }) mustReacknowledge!: boolean;
  @ApiProperty({ type: ReminderSummaryDto, nullable: true, description: 'Null when never reminded' })
  reminders!: ReminderSummaryDto | null;
  @ApiProperty({ type: [DeliveryMessageDto] }) messages!: DeliveryMessageDto[];
}
