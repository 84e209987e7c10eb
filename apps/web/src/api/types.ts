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
  DispatchDocumentDto,
  DispatchTaskDto,
  EvidenceDto,
  InboxItemDto,
  RecipientDto,
  RecipientPurpose,
  RolloutNodeDto,
} from './generated/types.gen';

/**
 * The shapes the screens read from the api. The generated client (./generated, from the committed
 * openapi.json by `npm run openapi`) is the contract: where the api describes a response, the name
 * below is an alias of its generated type. The interfaces left are responses the api still
 * describes only as "an object" (dispatch detail, rollout list, preview): each gives way to its
 * generated type once the endpoint has a response DTO.
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

/** GET /dispatches/:id (no response DTO yet). */
export interface DispatchDetail extends DispatchBody {
  tasks: Task[];
  attachments: Attachment[];
  recipients: {
    id: string;
    purpose: RecipientPurpose;
    unitId: string | null;
    groupKind: RecipientGroup | null;
    scopeUnitId: string | null;
  }[];
  deliveryCounts: Record<string, number>;
  messageCounts: Record<string, number>;
  ackDueAt: string | null;
  forwardDueAt: string | null;
  reportDueAt: string | null;
  publishedAt: string | null;
}

export interface Message {
  id: string;
  kind: string;
  to: string;
  status: string;
  attempts: number;
  lastError: string | null;
  sentAt: string | null;
}

export interface RolloutRow {
  id: string;
  unitId: string;
  unitCode: string;
  unitName: string;
  purpose: string;
  status: string;
  parentDeliveryId: string | null;
  ackDueAt: string | null;
  arrivedAt: string | null;
  acknowledgedAt: string | null;
  ackVersion: number | null;
  recalledAt: string | null;
  /** Acknowledged an earlier version: must acknowledge the current one again. */
  mustReacknowledge: boolean;
  /** "đã nhắc 2 lần, lần cuối 08:30 05/12"; null when never reminded. */
  reminders: { count: number; lastAt: string; summary: string } | null;
  messages: Message[];
}

export interface Preview {
  total: number;
  byPurpose: Record<string, number>;
  addresses: number;
  unitsWithoutEmail: { id: string; code: string; name: string }[];
  items: (Unit & { purpose: string; emails: string[] })[];
}

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
