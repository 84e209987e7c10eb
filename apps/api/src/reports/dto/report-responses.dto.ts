import type {
  BlockingUnit,
  ChannelFigures,
  DashboardDispatch,
  DispatchReport,
  LevelFigures,
  RollupNode,
  ScorecardRow,
  VersionProgress,
} from '@app/reports';
import { DeliveryStatus, DispatchStatus, REPORT_LEVELS, type ReportLevel, UnitLevel, UnitType, Urgency } from '@app/vocabulary';
import { ApiExtraModels, ApiProperty, ApiPropertyOptional, getSchemaPath } from '@nestjs/swagger';

/**
 * The response shapes of the reports, for the OpenAPI document and the generated client. Each
 * implements the type libs/reports reads, so the compiler keeps the two in step.
 */

const LEVEL = { enum: [...REPORT_LEVELS], enumName: 'ReportLevel', description: 'The level the recipient was snapshotted under' };
const STATUS = { enum: DeliveryStatus, enumName: 'DeliveryStatus' };
const DATE_TIME = (nullable: boolean, description?: string) => ({ type: String, format: 'date-time', nullable, description });
const SHARE = (of: string) => ({ description: `Share of ${of}, 0–1 (4 decimals)` });
const COUNTS = (description: string) => ({ type: 'object' as const, additionalProperties: { type: 'integer' }, description });

export class ReportDispatchDto {
  @ApiProperty() id!: string;
  @ApiProperty() number!: number;
  @ApiProperty() symbol!: string;
  @ApiProperty({ description: 'YYYY-MM-DD' }) issuedDate!: string;
  @ApiProperty() issuedPlace!: string;
  @ApiProperty() subject!: string;
  @ApiProperty({ type: String, nullable: true }) headerAuthority!: string | null;
  @ApiProperty() headerIssuer!: string;
  @ApiProperty() signerName!: string;
  @ApiProperty({ type: String, nullable: true }) signerRank!: string | null;
  @ApiProperty({ type: String, nullable: true }) signerTitle!: string | null;
  @ApiProperty(DATE_TIME(true)) publishedAt!: string | null;
}

export class LevelFiguresDto implements LevelFigures {
  @ApiProperty(LEVEL) level!: ReportLevel;
  @ApiProperty() total!: number;
  @ApiProperty({ description: 'Deliveries whose mail went out ("Đã gửi")' }) reached!: number;
  @ApiProperty() acknowledged!: number;
  @ApiProperty({ description: 'Acknowledged by the acknowledgement deadline' }) onTime!: number;
  @ApiProperty({ description: 'Acknowledged late, or overdue and not acknowledged' }) late!: number;
  @ApiProperty() refused!: number;
  @ApiProperty(SHARE('total')) reachedShare!: number;
  @ApiProperty(SHARE('total')) acknowledgedShare!: number;
  @ApiProperty(SHARE('total')) onTimeShare!: number;
}

export class AckTimeDto {
  @ApiProperty({ type: Number, nullable: true, description: 'Median hours from sending to acknowledgement' }) medianHours!: number | null;
  @ApiProperty({ type: Number, nullable: true }) p90Hours!: number | null;
}

/** A unit holding the dispatch up: overdue to acknowledge or to forward, with the units waiting below it. */
export class BlockingUnitDto implements BlockingUnit {
  @ApiProperty() deliveryId!: string;
  @ApiProperty() unitId!: string;
  @ApiProperty() unitCode!: string;
  @ApiProperty() unitName!: string;
  @ApiProperty(LEVEL) level!: ReportLevel;
  @ApiProperty(STATUS) status!: DeliveryStatus;
  @ApiProperty() overdueAck!: boolean;
  @ApiProperty() overdueForward!: boolean;
  @ApiProperty(DATE_TIME(true)) ackDueAt!: string | null;
  @ApiProperty(DATE_TIME(true)) forwardDueAt!: string | null;
  @ApiProperty({ description: 'Active units below it that have not received the dispatch because of it' }) waitingBelow!: number;
}

/** Activities per outreach channel (byChannel) or per numbered task (byTask). */
export class ChannelFiguresDto implements ChannelFigures {
  @ApiProperty({ description: 'The channel, or the task number' }) key!: string;
  @ApiProperty() units!: number;
  @ApiProperty() activities!: number;
  @ApiProperty({ description: 'People reached' }) reach!: number;
  @ApiProperty() quantity!: number;
  @ApiProperty(SHARE('the acting units')) coverage!: number;
}

export class ReportActivityFiguresDto {
  @ApiProperty({ description: 'Units asked to act (purpose action or coordinate)' }) actingUnits!: number;
  @ApiProperty() unitsWithActivity!: number;
  @ApiProperty(SHARE('the acting units')) coverage!: number;
  @ApiProperty() activities!: number;
  @ApiProperty() totalReach!: number;
  @ApiProperty() totalQuantity!: number;
  @ApiProperty({ type: [ChannelFiguresDto] }) byChannel!: ChannelFiguresDto[];
  @ApiProperty({ type: [ChannelFiguresDto] }) byTask!: ChannelFiguresDto[];
}

export class RollupBelowDto {
  @ApiProperty() total!: number;
  @ApiProperty() acknowledged!: number;
  @ApiProperty() refused!: number;
  @ApiProperty() overdue!: number;
  @ApiProperty() withActivity!: number;
}

/** A province or district delivery with the figures of the deliveries below it. */
export class RollupNodeDto implements RollupNode {
  @ApiProperty() deliveryId!: string;
  @ApiProperty() unitCode!: string;
  @ApiProperty() unitName!: string;
  @ApiProperty(LEVEL) level!: ReportLevel;
  @ApiProperty(STATUS) status!: DeliveryStatus;
  @ApiProperty(DATE_TIME(true)) acknowledgedAt!: string | null;
  @ApiProperty() overdue!: boolean;
  @ApiProperty() activities!: number;
  @ApiProperty({ type: RollupBelowDto }) below!: RollupBelowDto;
}

export class VersionProgressDto implements VersionProgress {
  @ApiProperty({ description: 'The current version (1 until a văn bản thay thế / đính chính)' }) version!: number;
  @ApiProperty({ description: 'Units that acknowledged any version' }) acknowledged!: number;
  @ApiProperty({ description: 'Units that acknowledged the current version' }) acknowledgedCurrent!: number;
  @ApiProperty({ description: 'Units that acknowledged an earlier version and must acknowledge again' }) awaitingReacknowledgement!: number;
}

/** GET /dispatches/:id/report: the compliance report of a dispatch, over what the reader may see. */
export class DispatchReportDto implements DispatchReport {
  @ApiProperty({ type: ReportDispatchDto }) dispatch!: ReportDispatchDto;
  @ApiProperty(DATE_TIME(false)) generatedAt!: string;
  @ApiProperty() total!: number;
  @ApiProperty(COUNTS('Deliveries per delivery status')) byStatus!: Record<string, number>;
  @ApiProperty(COUNTS('Deliveries per recipient purpose')) byPurpose!: Record<string, number>;
  @ApiProperty({ type: [LevelFiguresDto] }) levels!: LevelFiguresDto[];
  @ApiProperty({ type: AckTimeDto }) ackTime!: AckTimeDto;
  @ApiProperty({ type: [BlockingUnitDto], description: 'The first blocking units, most units waiting first' }) blocking!: BlockingUnitDto[];
  @ApiProperty() blockingTotal!: number;
  @ApiProperty({ type: ReportActivityFiguresDto }) activity!: ReportActivityFiguresDto;
  @ApiProperty({ type: [RollupNodeDto] }) tree!: RollupNodeDto[];
  @ApiProperty({ enum: ['dispatch', 'own-branch'], description: "own-branch: an officer's report covers their own branch only" })
  scope!: 'dispatch' | 'own-branch';
  @ApiProperty({ type: VersionProgressDto }) versions!: VersionProgressDto;
}

export class DashboardLevelDto {
  @ApiProperty() total!: number;
  @ApiProperty() reached!: number;
  @ApiProperty(SHARE('total')) reachedShare!: number;
}

/** GET /reports/dashboard: a dispatch in scope with its rollout figures. */
@ApiExtraModels(DashboardLevelDto)
export class DashboardRowDto implements Omit<DashboardDispatch, 'count'> {
  @ApiProperty() id!: string;
  @ApiProperty() number!: number;
  @ApiProperty() symbol!: string;
  @ApiProperty() subject!: string;
  @ApiProperty({ enum: Urgency, enumName: 'Urgency' }) urgency!: Urgency;
  @ApiProperty({ enum: DispatchStatus, enumName: 'DispatchStatus' }) status!: DispatchStatus;
  @ApiProperty({ description: 'YYYY-MM-DD' }) issuedDate!: string;
  @ApiProperty(DATE_TIME(true)) publishedAt!: string | null;
  @ApiProperty() issuerUnitId!: string;
  @ApiProperty() issuerName!: string;
  @ApiProperty({ description: 'Deliveries' }) total!: number;
  @ApiProperty(SHARE('total')) acknowledgedRate!: number;
  @ApiProperty(SHARE('total')) onTimeRate!: number;
  @ApiProperty(SHARE('the acting units')) activityCoverage!: number;
  @ApiProperty({ description: 'Units holding the dispatch up' }) blocking!: number;
  @ApiProperty({
    type: 'object',
    additionalProperties: { $ref: getSchemaPath(DashboardLevelDto) },
    description: 'Per report level (province, district, commune, commune_police)',
  })
  levels!: Record<string, DashboardLevelDto>;
}

export class ScorecardRowDto implements ScorecardRow {
  @ApiProperty() unitId!: string;
  @ApiProperty() unitCode!: string;
  @ApiProperty() unitName!: string;
  @ApiProperty({ enum: UnitLevel, enumName: 'UnitLevel' }) level!: UnitLevel;
  @ApiProperty({ enum: UnitType, enumName: 'UnitType' }) type!: UnitType;
  @ApiProperty({ type: String, nullable: true, description: 'YYYY-MM-DD' }) retiredOn!: string | null;
  @ApiProperty() deliveries!: number;
  @ApiProperty() acknowledged!: number;
  @ApiProperty({ description: 'Acknowledged of the deliveries, 0–1, four decimals' }) acknowledgedRate!: number;
  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'Median hours from delivery to acknowledgement, two decimals; null when none acknowledged',
  })
  medianAckHours!: number | null;
  @ApiProperty() expectedToForward!: number;
  @ApiProperty() forwarded!: number;
  @ApiProperty() overdueForward!: number;
  @ApiProperty() activities!: number;
  @ApiProperty({ type: Number, nullable: true, description: 'Forwarded of those expected to forward; null when none was' })
  forwardingRate!: number | null;
}

export class ScorecardUnitDto {
  @ApiProperty() id!: string;
  @ApiProperty() code!: string;
  @ApiProperty() name!: string;
}

/** GET /reports/units/:unitId/scorecard. */
export class ScorecardDto {
  @ApiProperty({ type: ScorecardUnitDto }) unit!: ScorecardUnitDto;
  @ApiProperty({ description: 'YYYY-MM-DD' }) from!: string;
  @ApiProperty({ description: 'YYYY-MM-DD' }) to!: string;
  @ApiProperty({ type: [ScorecardRowDto], description: 'The unit and each acting unit below it' }) units!: ScorecardRowDto[];
  @ApiPropertyOptional({ type: [ScorecardRowDto], description: 'Only with includePredecessors: the units merged into it' })
  predecessors?: ScorecardRowDto[];
}

/** POST /dispatches/:id/chase: the chase letter drafted as a new dispatch. */
export class ChaseLetterDraftDto {
  @ApiProperty({ description: 'The new draft dispatch, to edit and publish' }) dispatchId!: string;
  @ApiProperty({ description: 'Late units it is addressed to' }) lateUnits!: number;
}
