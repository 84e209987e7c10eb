import { DeliveryAction, DeliveryStatus as S, DispatchStatus as D, EDXML_CODE, type ErrorCode } from '@app/vocabulary';

export { DeliveryAction };

export interface DeliveryTransition {
  action: DeliveryAction;
  /** Statuses in which the action moves the delivery to `to`. */
  moves: readonly S[];
  /** Statuses in which the action is allowed but keeps the status (a fact recorded, or a repeat). */
  keeps: readonly S[];
  /** The status it moves to; null when the action never changes the status. */
  to: S | null;
  /** Dispatch statuses in which the action is allowed; null: any. */
  dispatch: readonly D[] | null;
  /** Why the action is refused in a delivery status it does not list; `otherwise` for the rest. */
  refusals: Partial<Record<S, ErrorCode>> & { otherwise: ErrorCode };
  /** audit_events.action written when the action changes something. */
  auditAction: string;
  /** Key of the action's label in the vocabulary (VI_LABELS.deliveryAction). */
  labelKey: DeliveryAction;
}

const UNACKNOWLEDGED = [S.Pending, S.Sent, S.Arrived] as const;
const ACKNOWLEDGED = [S.Accepted, S.Assigned, S.InProgress, S.Completed] as const;
const IN_FORCE = [D.Published] as const;

export const DELIVERY_TRANSITIONS: Record<DeliveryAction, DeliveryTransition> = {
  [DeliveryAction.Send]: {
    action: DeliveryAction.Send,
    moves: [S.Pending],
    // The recall notice of a recalled delivery is sent too; it stays recalled.
    keeps: [S.Sent, S.Arrived, S.Refused, ...ACKNOWLEDGED, S.Recalled],
    to: S.Sent,
    dispatch: null,
    refusals: { otherwise: 'CONFLICT' },
    auditAction: 'delivery.sent',
    labelKey: DeliveryAction.Send,
  },
  [DeliveryAction.MarkArrived]: {
    action: DeliveryAction.MarkArrived,
    moves: [S.Pending, S.Sent],
    // Opening a recalled delivery (read-only) records nothing.
    keeps: [S.Arrived, S.Refused, ...ACKNOWLEDGED, S.Recalled],
    to: S.Arrived,
    dispatch: null,
    refusals: { otherwise: 'CONFLICT' },
    auditAction: 'delivery.arrived',
    labelKey: DeliveryAction.MarkArrived,
  },
  [DeliveryAction.Acknowledge]: {
    action: DeliveryAction.Acknowledge,
    moves: UNACKNOWLEDGED,
    // A repeat gets the first acknowledgement back unchanged.
    keeps: ACKNOWLEDGED,
    to: S.Accepted,
    dispatch: IN_FORCE,
    refusals: { [S.Refused]: 'DELIVERY_ALREADY_REFUSED', otherwise: 'CONFLICT' },
    auditAction: 'delivery.acknowledged',
    labelKey: DeliveryAction.Acknowledge,
  },
  [DeliveryAction.Refuse]: {
    action: DeliveryAction.Refuse,
    moves: UNACKNOWLEDGED,
    // A repeat gets the first refusal back unchanged.
    keeps: [S.Refused],
    to: S.Refused,
    dispatch: IN_FORCE,
    refusals: { otherwise: 'DELIVERY_ALREADY_ACKNOWLEDGED' },
    auditAction: 'delivery.refused',
    labelKey: DeliveryAction.Refuse,
  },
  [DeliveryAction.Forward]: {
    action: DeliveryAction.Forward,
    moves: [S.Accepted],
    // A unit may forward again to more units after it started or finished its own part.
    keeps: [S.Assigned, S.InProgress, S.Completed],
    to: S.Assigned,
    dispatch: IN_FORCE,
    refusals: { [S.Refused]: 'DELIVERY_ALREADY_REFUSED', otherwise: 'FORWARD_BEFORE_ACKNOWLEDGEMENT' },
    auditAction: 'delivery.forwarded',
    labelKey: DeliveryAction.Forward,
  },
  [DeliveryAction.ReportActivity]: {
    action: DeliveryAction.ReportActivity,
    moves: [S.Accepted, S.Assigned],
    // Reporting before acknowledging is accepted and flagged (ActivityFlag.BeforeAcknowledgement).
    keeps: [...UNACKNOWLEDGED, S.InProgress, S.Completed],
    to: S.InProgress,
    dispatch: IN_FORCE,
    refusals: { [S.Refused]: 'REPORT_AFTER_REFUSAL', otherwise: 'CONFLICT' },
    auditAction: 'delivery.in_progress',
    labelKey: DeliveryAction.ReportActivity,
  },
  [DeliveryAction.Complete]: {
    action: DeliveryAction.Complete,
    moves: [S.Accepted, S.Assigned, S.InProgress],
    keeps: [S.Completed],
    to: S.Completed,
    dispatch: IN_FORCE,
    refusals: { [S.Refused]: 'DELIVERY_ALREADY_REFUSED', otherwise: 'COMPLETE_BEFORE_ACKNOWLEDGEMENT' },
    auditAction: 'delivery.completed',
    labelKey: DeliveryAction.Complete,
  },
  [DeliveryAction.Readdress]: {
    action: DeliveryAction.Readdress,
    moves: [],
    keeps: [S.Refused],
    to: null,
    dispatch: IN_FORCE,
    refusals: { otherwise: 'DELIVERY_NOT_REFUSED' },
    auditAction: 'delivery.readdressed',
    labelKey: DeliveryAction.Readdress,
  },
  [DeliveryAction.Recall]: {
    action: DeliveryAction.Recall,
    // Every delivery of the dispatch, whatever it reached, down the whole cascade.
    moves: [...UNACKNOWLEDGED, S.Refused, ...ACKNOWLEDGED],
    keeps: [S.Recalled],
    to: S.Recalled,
    dispatch: IN_FORCE,
    refusals: { otherwise: 'CONFLICT' },
    auditAction: 'delivery.recalled',
    labelKey: DeliveryAction.Recall,
  },
  [DeliveryAction.Reacknowledge]: {
    action: DeliveryAction.Reacknowledge,
    moves: [],
    // After a new version, a unit that had acknowledged confirms the new one; its status stays.
    keeps: ACKNOWLEDGED,
    to: null,
    dispatch: IN_FORCE,
    refusals: { [S.Refused]: 'DELIVERY_ALREADY_REFUSED', otherwise: 'CONFLICT' },
    auditAction: 'delivery.reacknowledged',
    labelKey: DeliveryAction.Reacknowledge,
  },
};

/** Why an action is refused while the dispatch is in a status the action does not allow. */
const DISPATCH_REFUSAL: Record<D, ErrorCode> = {
  [D.Draft]: 'DISPATCH_NOT_PUBLISHED',
  [D.Published]: 'CONFLICT',
  [D.Recalled]: 'DISPATCH_RECALLED',
  [D.Closed]: 'DISPATCH_CLOSED',
};

export type Decision = { outcome: 'move'; to: S; edxmlCode: string | null } | { outcome: 'keep' } | { outcome: 'refuse'; code: ErrorCode };

/** What `action` does to a delivery in `status` whose dispatch is in `dispatchStatus`. No database. */
export function decide(action: DeliveryAction, status: S, dispatchStatus: D): Decision {
  const t = DELIVERY_TRANSITIONS[action];
  if (t.dispatch && !t.dispatch.includes(dispatchStatus)) return { outcome: 'refuse', code: DISPATCH_REFUSAL[dispatchStatus] };
  if (t.to && t.moves.includes(status)) return { outcome: 'move', to: t.to, edxmlCode: EDXML_CODE[t.to] ?? null };
  if (t.keeps.includes(status)) return { outcome: 'keep' };
  return { outcome: 'refuse', code: t.refusals[status] ?? t.refusals.otherwise };
}

/** Every status the action accepts, moving or keeping. */
export function allowedFrom(action: DeliveryAction): readonly S[] {
  const t = DELIVERY_TRANSITIONS[action];
  return [...t.moves, ...t.keeps];
}
