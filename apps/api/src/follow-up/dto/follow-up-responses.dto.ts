import { DispatchStatus } from '@app/vocabulary';
import { ApiProperty } from '@nestjs/swagger';

/** The response shapes of follow-up (recall, new versions, reminders), for the OpenAPI document and the generated client. */

export class RecallResultDto {
  @ApiProperty() dispatchId!: string;
  @ApiProperty({ enum: DispatchStatus, enumName: 'DispatchStatus' }) status!: DispatchStatus;
  @ApiProperty() recalledAt!: Date;
  @ApiProperty() reason!: string;
  @ApiProperty({ description: 'Deliveries moved to recalled by this call (0 when it repeats an earlier recall)' })
  deliveriesRecalled!: number;
  @ApiProperty({ description: 'E-mails not sent yet and cancelled' }) messagesCancelled!: number;
  @ApiProperty({ description: 'Recall notices queued' }) recallMessages!: number;
}

export class NewVersionResultDto {
  @ApiProperty() dispatchId!: string;
  @ApiProperty() version!: number;
  @ApiProperty({ enum: ['replacement', 'correction'] }) kind!: 'replacement' | 'correction';
  @ApiProperty({ type: [String], description: 'SHA-256 of the attachments in force in this version' }) attachmentsSha256!: string[];
  @ApiProperty({ description: 'Units that had acknowledged an earlier version and must acknowledge this one' }) mustReacknowledge!: number;
  @ApiProperty({ description: 'E-mails queued with the new version' }) messages!: number;
}

export class DispatchVersionDto {
  @ApiProperty() version!: number;
  @ApiProperty({ enum: ['replacement', 'correction'] }) kind!: 'replacement' | 'correction';
  @ApiProperty() note!: string;
  @ApiProperty({ type: [String] }) attachmentsSha256!: string[];
  @ApiProperty({ type: String, nullable: true }) createdByName!: string | null;
  @ApiProperty() createdAt!: Date;
}

/** Re-acknowledgement progress: the units that had acknowledged an earlier version, and how many acknowledged the current one. */
export class ReacknowledgementDto {
  @ApiProperty({ description: 'Units (not refused or recalled) that acknowledged an earlier version' }) required!: number;
  @ApiProperty({ description: 'Of those, the units that acknowledged the current version again' }) done!: number;
  @ApiProperty({ description: 'Of those, the units still to acknowledge the current version' }) awaiting!: number;
}

export class DispatchVersionsDto {
  @ApiProperty({ description: 'The version in force: 1 when published, one more per new version' }) version!: number;
  @ApiProperty({ type: [DispatchVersionDto], description: 'The new versions, latest first (version 1 is the dispatch as published)' })
  versions!: DispatchVersionDto[];
  @ApiProperty({ type: ReacknowledgementDto }) reacknowledgement!: ReacknowledgementDto;
}

export class ReminderRuleInForceDto {
  @ApiProperty({ enum: ['hours', 'working_days'] }) cadenceUnit!: 'hours' | 'working_days';
  @ApiProperty({ description: 'A reminder every this many hours / working days after the deadline' }) every!: number;
  @ApiProperty({ description: 'One reminder this many hours / working days before the deadline (0: none)' }) before!: number;
  @ApiProperty({ description: 'At most this many reminders after the deadline' }) maxAfter!: number;
  @ApiProperty({ description: 'Escalation to the unit above this many hours / working days after the deadline' }) escalateAfter!: number;
  @ApiProperty({ description: "True when the dispatch has the issuer's own rule, false when it follows its urgency's policy" })
  own!: boolean;
}

export class ReminderPlanStepDto {
  @ApiProperty({ enum: ['ack', 'forward', 'report'] }) step!: 'ack' | 'forward' | 'report';
  @ApiProperty() dueAt!: Date;
  @ApiProperty({ type: Date, nullable: true, description: 'The reminder before the deadline; null when the rule has none' })
  beforeAt!: Date | null;
  @ApiProperty({ type: [Date], description: 'The reminders after the deadline' }) afterAt!: Date[];
  @ApiProperty({ type: Date, nullable: true }) escalateAt!: Date | null;
}

export class ReminderHistoryItemDto {
  @ApiProperty() deliveryId!: string;
  @ApiProperty() unitId!: string;
  @ApiProperty() unitName!: string;
  @ApiProperty() count!: number;
  @ApiProperty() lastAt!: Date;
  @ApiProperty({ type: [String] }) steps!: string[];
  @ApiProperty({ description: 'Reminders a unit above sent by hand ("Nhắc")' }) manual!: number;
  @ApiProperty({ example: 'đã nhắc 2 lần, lần cuối 08:30 05/12' }) summary!: string;
}

export class ReminderHistoryDto {
  @ApiProperty() unitsReminded!: number;
  @ApiProperty() reminders!: number;
  @ApiProperty() escalations!: number;
  @ApiProperty() page!: number;
  @ApiProperty() limit!: number;
  @ApiProperty({ type: [ReminderHistoryItemDto] }) items!: ReminderHistoryItemDto[];
}

export class DispatchRemindersDto {
  @ApiProperty({ type: ReminderRuleInForceDto }) rule!: ReminderRuleInForceDto;
  @ApiProperty({ type: [ReminderPlanStepDto] }) plan!: ReminderPlanStepDto[];
  @ApiProperty({ type: ReminderHistoryDto }) history!: ReminderHistoryDto;
}
