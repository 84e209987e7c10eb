import type { ActorDto } from './generated/types.gen';

/**
 * The shapes the screens read from the api. The generated client (./generated, from the committed
 * openapi.json by `npm run openapi`) is the contract: new screens import its types; the hand-written
 * shapes below give way to it one by one.
 */
export type {
  AcknowledgementDto,
  ErrorBodyDto,
  ForwardResultDto,
  LoginResponseDto,
  RefusalDto,
  ReminderResultDto,
} from './generated/types.gen';

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  limit: number;
}

/** GET /auth/me and the login's user. */
export type Me = ActorDto;

export interface Task {
  id?: string;
  number: number;
  text: string;
  channels?: string[] | null;
}

export interface Attachment {
  id: string;
  fileName: string;
  contentType: string;
  sizeBytes: number;
  sha256: string;
}

export interface DispatchBody {
  id: string;
  headerAuthority: string | null;
  headerIssuer: string;
  number: number;
  symbol: string;
  issuedDate: string;
  issuedPlace: string;
  documentType: string;
  subject: string;
  body: string;
  urgency: string;
  status: string;
  addresseeLines: string[] | null;
  distributionLines: string[] | null;
  signerName: string;
  signerRank: string | null;
  signerTitle: string | null;
  /** 1 when published; one more per new version (văn bản thay thế, đính chính). */
  version: number;
  /** Thu hồi: when and why. */
  recalledAt: string | null;
  recallReason: string | null;
}

export interface DeliveryRow {
  id: string;
  dispatchId: string;
  unitId: string;
  unitCode: string;
  unitName: string;
  purpose: string;
  status: string;
  edxmlCode: string | null;
  parentDeliveryId: string | null;
  instruction: string | null;
  ackDueAt: string | null;
  forwardDueAt: string | null;
  reportDueAt: string | null;
  arrivedAt: string | null;
  acknowledgedAt: string | null;
  ackByName: string | null;
  refusedAt: string | null;
  refusalReason: string | null;
  refusedByName: string | null;
  forwardedAt: string | null;
  completedAt: string | null;
  overdueAck: boolean;
  overdueForward: boolean;
  overdueReport: boolean;
  recalledAt: string | null;
  ackVersion: number | null;
  /** Acknowledged an earlier version of the dispatch: must acknowledge the current one again ("Xác nhận lại"). */
  mustReacknowledge: boolean;
}

export interface InboxItem extends DeliveryRow {
  dispatch: {
    number: number;
    symbol: string;
    subject: string;
    urgency: string;
    issuedDate: string;
    issuer: string;
    status: string;
    version: number;
    recallReason: string | null;
  };
}

export interface Evidence {
  id: string;
  fileName: string;
  contentType: string;
  sizeBytes: number;
  duplicateOfUnit: { id: string; name: string } | null;
  url: string;
}

export interface Activity {
  id: string;
  deliveryId: string;
  unit: { id: string; name: string };
  taskNumber: number | null;
  channel: string;
  occurredOn: string;
  place: string | null;
  reach: number | null;
  quantity: number | null;
  links: string[] | null;
  description: string | null;
  flags: string[];
  flagNotes: string[];
  withdrawn: { at: string; reason: string } | null;
  createdAt: string;
  evidence: Evidence[];
  version: number;
}

export interface DeliveryDetail extends DeliveryRow {
  dispatch: DispatchBody;
  tasks: Task[];
  attachments: Attachment[];
  children: DeliveryRow[];
  activities: Activity[];
}

export interface DispatchDetail extends DispatchBody {
  issuerUnitId: string;
  tasks: Task[];
  attachments: Attachment[];
  recipients: { id: string; purpose: string; unitId: string | null; groupKind: string | null; scopeUnitId: string | null }[];
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

export interface Unit {
  id: string;
  code: string;
  name: string;
  type: string;
  level: string | null;
  parentId: string | null;
  emails?: string[];
}

export interface Preview {
  total: number;
  byPurpose: Record<string, number>;
  addresses: number;
  unitsWithoutEmail: { id: string; code: string; name: string }[];
  items: (Unit & { purpose: string; emails: string[] })[];
}

export interface DashboardRow {
  id: string;
  number: number;
  symbol: string;
  subject: string;
  urgency: string;
  status: string;
  issuedDate: string;
  publishedAt: string | null;
  issuerName: string;
  total: number;
  acknowledgedRate: number;
  onTimeRate: number;
  activityCoverage: number;
  blocking: number;
}

export interface LevelFigures {
  level: string;
  total: number;
  reached: number;
  acknowledged: number;
  onTime: number;
  late: number;
  refused: number;
  reachedShare: number;
  acknowledgedShare: number;
  onTimeShare: number;
}

export interface ChannelFigures {
  key: string;
  units: number;
  activities: number;
  reach: number;
  quantity: number;
  coverage: number;
}

export interface RollupNode {
  deliveryId: string;
  unitCode: string;
  unitName: string;
  level: string;
  status: string;
  acknowledgedAt: string | null;
  overdue: boolean;
  activities: number;
  below: { total: number; acknowledged: number; refused: number; overdue: number; withActivity: number };
}

export interface DispatchReport {
  dispatch: {
    id: string;
    number: number;
    symbol: string;
    issuedDate: string;
    subject: string;
    headerIssuer: string;
    publishedAt: string | null;
  };
  generatedAt: string;
  total: number;
  byStatus: Record<string, number>;
  levels: LevelFigures[];
  ackTime: { medianHours: number | null; p90Hours: number | null };
  blocking: {
    deliveryId: string;
    unitCode: string;
    unitName: string;
    level: string;
    status: string;
    overdueAck: boolean;
    overdueForward: boolean;
    ackDueAt: string | null;
    forwardDueAt: string | null;
    waitingBelow: number;
  }[];
  blockingTotal: number;
  activity: {
    actingUnits: number;
    unitsWithActivity: number;
    coverage: number;
    activities: number;
    totalReach: number;
    byChannel: ChannelFigures[];
    byTask: ChannelFigures[];
  };
  tree: RollupNode[];
}

export interface TreeNode extends DeliveryRow {
  activityCount: number;
  children: TreeNode[];
}

export interface ReportExport {
  id: string;
  format: string;
  status: 'queued' | 'running' | 'done' | 'failed';
  progress: number;
  rowsDone: number;
  rowsTotal: number | null;
  error: string | null;
  fileName: string | null;
  downloadUrl: string | null;
}
