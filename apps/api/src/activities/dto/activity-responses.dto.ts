import { ActivityChannel, ActivityFlag } from '@app/vocabulary';
import { ApiProperty } from '@nestjs/swagger';

export class PersonRefDto {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
}

export class EvidenceUnitDto {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
}

/** An evidence file of an activity (ActivityViews' EvidenceView). */
export class EvidenceDto {
  @ApiProperty() id!: string;
  @ApiProperty() activityId!: string;
  @ApiProperty() fileName!: string;
  @ApiProperty() contentType!: string;
  @ApiProperty() sizeBytes!: number;
  @ApiProperty() sha256!: string;
  @ApiProperty({ type: EvidenceUnitDto, nullable: true, description: 'The unit that had already submitted the byte-identical file' })
  duplicateOfUnit!: EvidenceUnitDto | null;
  @ApiProperty() createdAt!: Date;
  @ApiProperty({ description: 'Where the file is downloaded' }) url!: string;
}

export class WithdrawalDto {
  @ApiProperty() at!: Date;
  @ApiProperty({ type: PersonRefDto, nullable: true }) by!: PersonRefDto | null;
  @ApiProperty() reason!: string;
}

/** An activity as readers see it (ActivityViews' ActivityView): evidence, flags explained, withdrawal. */
export class ActivityDto {
  @ApiProperty() id!: string;
  @ApiProperty() deliveryId!: string;
  @ApiProperty() dispatchId!: string;
  @ApiProperty({ type: PersonRefDto }) unit!: PersonRefDto;
  @ApiProperty({ type: Number, nullable: true, description: 'The task of the dispatch it answers' }) taskNumber!: number | null;
  @ApiProperty({ enum: ActivityChannel, enumName: 'ActivityChannel' }) channel!: ActivityChannel;
  @ApiProperty({ example: '2023-10-25', description: 'YYYY-MM-DD' }) occurredOn!: string;
  @ApiProperty({ type: String, nullable: true }) place!: string | null;
  @ApiProperty({ type: Number, nullable: true, description: 'People reached' }) reach!: number | null;
  @ApiProperty({ type: Number, nullable: true }) quantity!: number | null;
  @ApiProperty({ type: [String] }) links!: string[];
  @ApiProperty({ type: String, nullable: true }) description!: string | null;
  @ApiProperty({ enum: ActivityFlag, enumName: 'ActivityFlag', isArray: true }) flags!: ActivityFlag[];
  @ApiProperty({ type: [String], description: 'One Vietnamese explanation per flag, in the same order' }) flagNotes!: string[];
  @ApiProperty() version!: number;
  @ApiProperty({ description: 'Earlier versions kept by corrections' }) historyCount!: number;
  @ApiProperty({ type: PersonRefDto, nullable: true }) reportedBy!: PersonRefDto | null;
  @ApiProperty({ type: WithdrawalDto, nullable: true, description: 'Withdrawn activities stay readable and count nowhere' })
  withdrawn!: WithdrawalDto | null;
  @ApiProperty({ type: [EvidenceDto] }) evidence!: EvidenceDto[];
  @ApiProperty() createdAt!: Date;
  @ApiProperty() updatedAt!: Date;
}

/** What the activities of a delivery add up to; withdrawn ones are counted apart and left out of the sums. */
export class ActivitySummaryDto {
  @ApiProperty({ description: 'Activities not withdrawn' }) active!: number;
  @ApiProperty() withdrawn!: number;
  @ApiProperty({ description: 'People reached' }) reach!: number;
  @ApiProperty() quantity!: number;
  @ApiProperty({
    type: 'object' as const,
    additionalProperties: { type: 'integer' },
    description: 'Activities per channel (ActivityChannel); a channel with none is absent',
    example: { resident_meeting: 2, loudspeaker: 1 },
  })
  byChannel!: Partial<Record<ActivityChannel, number>>;
  @ApiProperty({ description: 'Activities with at least one flag' }) flagged!: number;
}

/** GET /deliveries/:deliveryId/activities */
export class ActivityListDto {
  @ApiProperty() deliveryId!: string;
  @ApiProperty({ type: [ActivityDto], description: 'Withdrawn ones included, marked' }) items!: ActivityDto[];
  @ApiProperty({ type: ActivitySummaryDto }) summary!: ActivitySummaryDto;
}

/** The content of one version of an activity. */
export class ActivitySnapshotDto {
  @ApiProperty() version!: number;
  @ApiProperty({ type: Number, nullable: true }) taskNumber!: number | null;
  @ApiProperty({ enum: ActivityChannel, enumName: 'ActivityChannel' }) channel!: ActivityChannel;
  @ApiProperty({ example: '2023-10-25', description: 'YYYY-MM-DD' }) occurredOn!: string;
  @ApiProperty({ type: String, nullable: true }) place!: string | null;
  @ApiProperty({ type: Number, nullable: true }) reach!: number | null;
  @ApiProperty({ type: Number, nullable: true }) quantity!: number | null;
  @ApiProperty({ type: [String] }) links!: string[];
  @ApiProperty({ type: String, nullable: true }) description!: string | null;
  @ApiProperty({ enum: ActivityFlag, enumName: 'ActivityFlag', isArray: true }) flags!: ActivityFlag[];
}

export class ActivityRevisionDto {
  @ApiProperty() version!: number;
  @ApiProperty({ type: ActivitySnapshotDto }) snapshot!: ActivitySnapshotDto;
  @ApiProperty({ type: PersonRefDto, nullable: true, description: 'Who replaced this version by the next one' })
  changedBy!: PersonRefDto | null;
  @ApiProperty() changedAt!: Date;
}

/** GET /activities/:id/history: every earlier version, oldest first, and the current one. */
export class ActivityHistoryDto {
  @ApiProperty() activityId!: string;
  @ApiProperty({ type: ActivityDto }) current!: ActivityDto;
  @ApiProperty({ type: [ActivityRevisionDto] }) revisions!: ActivityRevisionDto[];
}
