import type {
  ActivityDto,
  ActorDto,
  AttachmentDto,
  ChannelFiguresDto,
  DashboardRowDto,
  DispatchReportDto,
  LevelFiguresDto,
  ReportExportDto,
  RollupNodeDto,
  UnitDto,
  DeliveryDetailDto,
  DeliveryItemDto,
  DeliveryMessageDto,
  DispatchDetailDto,
  DispatchDocumentDto,
  DispatchListItemDto,
  DispatchTaskDto,
  EvidenceDto,
  InboxItemDto,
  RecipientDto,
  RecipientPreviewDto,
  RolloutNodeDto,
  RolloutRowDto,
} from './generated/types.gen';

/**
 * The shapes the screens read from the api. The generated client (./generated, from the committed
 * openapi.json by `npm run openapi`) is the contract: where the api describes a response, the name
 * below is an alias of its generated type.
 */
export type {
  AcknowledgementDto,
  ActivityChannel,
  ActivityFlag,
  CreateDispatchDto,
  DeliveryStatus,
  DispatchStatus,
  ErrorBodyDto,
  ForwardResultDto,
  LoginResponseDto,
  ParsedDispatchTextDto,
  RecipientDto,
  RecipientPurpose,
  RefusalDto,
  ReminderResultDto,
  Urgency,
} from './generated/types.gen';

/** A group of recipients resolved at publish ("all district UBNDs"). */
export type RecipientGroup = NonNullable<RecipientDto['group']>;

/** A page of items (libs/common pagination). */
export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  limit: number;
}

/** GET /auth/me and the login's user. */
export type Me = ActorDto;

/** A numbered request of the dispatch, with the activity channels it expects. */
export type Task = DispatchTaskDto;

/** An attachment as a reader sees it (never where it is stored). */
export type Attachment = AttachmentDto;

/** The dispatch as written (Decree 30 metadata), as every delivery view shows it. */
export type DispatchBody = DispatchDocumentDto;

/** A delivery with its unit, deadlines, status and what is overdue (GET /deliveries/:id children, the inbox's rows). */
export type DeliveryRow = DeliveryItemDto;

/** GET /deliveries/inbox: a delivery with the dispatch it carries. */
export type InboxItem = InboxItemDto;

export type Evidence = EvidenceDto;

/** An activity with its evidence, flags explained and withdrawal (GET /activities/:id, DeliveryDetail.activities). */
export type Activity = ActivityDto;

/** GET /deliveries/:id: the delivery detail read model with the units it forwarded to and its activities. */
export type DeliveryDetail = DeliveryDetailDto;

/** GET /dispatches/:id/tree: a node of the rollout tree. */
export type TreeNode = RolloutNodeDto;

/** GET /dispatches/:id: the dispatch with its tasks, current attachments, chosen recipients and counts. */
export type DispatchDetail = DispatchDetailDto;

/** GET /dispatches: a dispatch of the list, with its deliveries counted by status. */
export type DispatchListItem = DispatchListItemDto;

/** One e-mail of a delivery and how far it got. */
export type Message = DeliveryMessageDto;

/** GET /dispatches/:id/deliveries: a recipient unit's delivery with its reminders and e-mails. */
export type RolloutRow = RolloutRowDto;

/** GET /dispatches/:id/recipients/preview: who the dispatch will reach. */
export type Preview = RecipientPreviewDto;

/** A unit as stored (GET /units/:id, the unit pickers). */
export type Unit = UnitDto;

/** GET /reports/dashboard: a dispatch in scope with its rollout figures. */
export type DashboardRow = DashboardRowDto;

/** A level's row of the report (province, district, commune, commune police). */
export type LevelFigures = LevelFiguresDto;

/** Activities per outreach channel or per numbered task. */
export type ChannelFigures = ChannelFiguresDto;

/** A province or district delivery with the figures below it. */
export type RollupNode = RollupNodeDto;

/** GET /dispatches/:id/report. */
export type DispatchReport = DispatchReportDto;

/** GET /report-exports/:id: where a report export stands. */
export type ReportExport = ReportExportDto;
