import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * One partial index per follow-up step on the deliveries that have not done it, keyed
 * (dispatch_id, deadline, id): the reminder and escalation sweeps read each published dispatch's
 * window of deadlines that can be due now as one range scan, in keyset order, instead of every
 * delivery of every published dispatch (a full scan of deliveries every 5 minutes). The predicates
 * are those of FOLLOW_UP_STEPS (libs/follow-up/src/follow-up.sql.ts): keep them in step.
 *
 * Writes pay little: status, acknowledged_at and forwarded_at are already in deliveries_rollup_idx,
 * so these columns never allowed HOT updates; a delivery leaves each index when its step is done.
 */
export class OpenDeliveryIndexes1796122500001 implements MigrationInterface {
  name = 'OpenDeliveryIndexes1796122500001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE INDEX deliveries_open_ack_idx ON deliveries (dispatch_id, ack_due_at, id)
       WHERE ack_due_at IS NOT NULL AND acknowledged_at IS NULL AND status NOT IN ('refused', 'recalled')`);
    await q.query(`
      CREATE INDEX deliveries_open_forward_idx ON deliveries (dispatch_id, forward_due_at, id)
       WHERE forward_due_at IS NOT NULL AND expects_forward AND forwarded_at IS NULL AND status NOT IN ('refused', 'recalled')`);
    await q.query(`
      CREATE INDEX deliveries_open_report_idx ON deliveries (dispatch_id, report_due_at, id)
       WHERE report_due_at IS NOT NULL AND status NOT IN ('in_progress', 'completed', 'refused', 'recalled')`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX deliveries_open_report_idx`);
    await q.query(`DROP INDEX deliveries_open_forward_idx`);
    await q.query(`DROP INDEX deliveries_open_ack_idx`);
  }
}
