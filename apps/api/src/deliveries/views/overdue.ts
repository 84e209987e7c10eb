import { OVERDUE_ACK_SQL, OVERDUE_FORWARD_SQL, OVERDUE_REPORT_SQL } from '@app/reports';

/** Overdue on any deadline, derived at query time (`d` is the deliveries alias). */
export const OVERDUE_SQL = `(${OVERDUE_ACK_SQL} OR ${OVERDUE_FORWARD_SQL} OR ${OVERDUE_REPORT_SQL})`;
export { OVERDUE_ACK_SQL, OVERDUE_FORWARD_SQL, OVERDUE_REPORT_SQL };
