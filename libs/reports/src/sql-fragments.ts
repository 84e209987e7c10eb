/**
 * SQL shared by every report and view. `d` is a deliveries row. "Overdue" and "late" are
 * derived from deadlines at query time, never stored.
 */
/** The recipient's level, as snapshotted on the delivery when it was sent (see migration 1764294000000). */
export const LEVEL_SQL = `d.recipient_level`;

export const ACTING_SQL = `d.purpose IN ('action', 'coordinate')`;
/**
 * Overdue at an instant: `now()` by default, or an SQL expression such as `$1::timestamptz` for a
 * job that runs at the Clock's "now" (the daily digest). One definition either way.
 */
/** A refused or recalled delivery owes nothing more: it is never overdue (as in the follow-up sweeps). */
const OWES_STEPS_SQL = `d.status NOT IN ('refused', 'recalled')`;
export const overdueAckSql = (at = 'now()') => `(d.acknowledged_at IS NULL AND ${OWES_STEPS_SQL} AND d.ack_due_at < ${at})`;
/** Late to forward: only a unit that had units below it when it received the dispatch (d.expects_forward). */
export const overdueForwardSql = (at = 'now()') =>
  `(d.forwarded_at IS NULL AND ${OWES_STEPS_SQL} AND d.forward_due_at < ${at} AND d.expects_forward)`;
export const overdueReportSql = (at = 'now()') => `(d.completed_at IS NULL AND ${OWES_STEPS_SQL} AND d.report_due_at < ${at})`;
export const OVERDUE_ACK_SQL = overdueAckSql();
export const OVERDUE_FORWARD_SQL = overdueForwardSql();
export const OVERDUE_REPORT_SQL = overdueReportSql();
/** Acknowledged by the deadline (or with no deadline). */
export const ON_TIME_SQL = `(d.acknowledged_at IS NOT NULL AND (d.ack_due_at IS NULL OR d.acknowledged_at <= d.ack_due_at))`;
/** Acknowledged after the deadline, or still not acknowledged past it. */
export const LATE_SQL = `((d.acknowledged_at IS NOT NULL AND d.ack_due_at IS NOT NULL AND d.acknowledged_at > d.ack_due_at) OR ${OVERDUE_ACK_SQL})`;

/** Levels in the order leadership reads them. Stored nowhere; only used in report output. */
export const LEVELS = ['province', 'district', 'commune', 'commune_police'] as const;
export type ReportLevel = (typeof LEVELS)[number];
