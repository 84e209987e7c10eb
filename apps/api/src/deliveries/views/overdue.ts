/**
 * "Overdue" is derived from deadlines at query time, never stored. `d` is the deliveries alias.
 * A unit is late to forward only if it has active units below it to forward to.
 */
export const OVERDUE_ACK_SQL = `(d.acknowledged_at IS NULL AND d.status <> 'refused' AND d.ack_due_at < now())`;
export const OVERDUE_FORWARD_SQL = `(d.forwarded_at IS NULL AND d.status <> 'refused' AND d.forward_due_at < now()
  AND EXISTS (SELECT 1 FROM units c WHERE c.parent_id = d.unit_id AND c.active))`;
export const OVERDUE_REPORT_SQL = `(d.completed_at IS NULL AND d.status <> 'refused' AND d.report_due_at < now())`;
export const OVERDUE_SQL = `(${OVERDUE_ACK_SQL} OR ${OVERDUE_FORWARD_SQL} OR ${OVERDUE_REPORT_SQL})`;
