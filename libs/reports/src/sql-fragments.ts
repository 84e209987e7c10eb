/**
 * SQL shared by every report. `d` is a deliveries row, `u` its unit. "Overdue" and "late" are
 * derived from deadlines at query time, never stored.
 */
export const LEVEL_SQL = `CASE
  WHEN u.level = 'commune' AND u.type = 'police' THEN 'commune_police'
  WHEN u.level = 'commune' THEN 'commune'
  WHEN u.level = 'district' THEN 'district'
  ELSE 'province' END`;

export const ACTING_SQL = `d.purpose IN ('action', 'coordinate')`;
export const OVERDUE_ACK_SQL = `(d.acknowledged_at IS NULL AND d.status <> 'refused' AND d.ack_due_at < now())`;
// LIMIT 1 keeps this a per-row probe of units_parent_idx: unbounded, PostgreSQL hashes all units.
export const OVERDUE_FORWARD_SQL = `(d.forwarded_at IS NULL AND d.status <> 'refused' AND d.forward_due_at < now()
  AND EXISTS (SELECT 1 FROM units c WHERE c.parent_id = d.unit_id AND c.active LIMIT 1))`;
export const OVERDUE_REPORT_SQL = `(d.completed_at IS NULL AND d.status <> 'refused' AND d.report_due_at < now())`;
/** Acknowledged by the deadline (or with no deadline). */
export const ON_TIME_SQL = `(d.acknowledged_at IS NOT NULL AND (d.ack_due_at IS NULL OR d.acknowledged_at <= d.ack_due_at))`;
/** Acknowledged after the deadline, or still not acknowledged past it. */
export const LATE_SQL = `((d.acknowledged_at IS NOT NULL AND d.ack_due_at IS NOT NULL AND d.acknowledged_at > d.ack_due_at) OR ${OVERDUE_ACK_SQL})`;

/** Levels in the order leadership reads them. Stored nowhere; only used in report output. */
export const LEVELS = ['province', 'district', 'commune', 'commune_police'] as const;
export type ReportLevel = (typeof LEVELS)[number];
