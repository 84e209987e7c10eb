import type { DeliveryStatus } from '@app/vocabulary';
import type { ReportLevel } from './sql-fragments.js';

export interface LevelFigures {
  level: ReportLevel;
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

export interface BlockingUnit {
  deliveryId: string;
  unitId: string;
  unitCode: string;
  unitName: string;
  level: ReportLevel;
  status: DeliveryStatus;
  overdueAck: boolean;
  overdueForward: boolean;
  ackDueAt: string | null;
  forwardDueAt: string | null;
  /** Active units below it that have not received the dispatch because of it. */
  waitingBelow: number;
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
  level: ReportLevel;
  status: DeliveryStatus;
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
    issuedPlace: string;
    subject: string;
    headerAuthority: string | null;
    headerIssuer: string;
    signerName: string;
    signerRank: string | null;
    signerTitle: string | null;
    publishedAt: string | null;
  };
  generatedAt: string;
  total: number;
  byStatus: Record<string, number>;
  byPurpose: Record<string, number>;
  levels: LevelFigures[];
  ackTime: { medianHours: number | null; p90Hours: number | null };
  blocking: BlockingUnit[];
  blockingTotal: number;
  activity: {
    actingUnits: number;
    unitsWithActivity: number;
    coverage: number;
    activities: number;
    totalReach: number;
    totalQuantity: number;
    byChannel: ChannelFigures[];
    byTask: ChannelFigures[];
  };
  tree: RollupNode[];
}

export interface VersionProgress {
  /** The dispatch's current version (1 until a văn bản thay thế / đính chính). */
  version: number;
  /** Units that acknowledged any version. */
  acknowledged: number;
  /** Units that acknowledged the current version. */
  acknowledgedCurrent: number;
  /** Units that acknowledged an earlier version and must acknowledge again. */
  awaitingReacknowledgement: number;
}
