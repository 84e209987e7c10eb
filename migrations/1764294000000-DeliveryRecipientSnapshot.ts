import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What a delivery's recipient was when the dispatch reached it: its report level (province body,
 * district, commune, commune police) and whether it had units below it to pass the dispatch to.
 * A snapshot taken on insert (by DeliveryWriter in its set-based statement, or by a trigger for
 * any other insert): reports about a past dispatch keep classifying units
 * as they were, and the dashboard aggregates deliveries from one covering index without joining
 * units at national scale.
 */
export class DeliveryRecipientSnapshot1764294000000 implements MigrationInterface {
  name = 'DeliveryRecipientSnapshot1764294000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE deliveries
        ADD COLUMN recipient_level varchar(16) CHECK (recipient_level IN ('province','district','commune','commune_police')),
        ADD COLUMN expects_forward boolean NOT NULL DEFAULT false`);
    await q.query(`
      CREATE FUNCTION deliveries_snapshot_recipient() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        -- Set-based writers (DeliveryWriter) fill both columns themselves; this covers every other insert.
        IF NEW.recipient_level IS NOT NULL THEN RETURN NEW; END IF;
        SELECT CASE WHEN u.level = 'commune' AND u.type = 'police' THEN 'commune_police'
                    WHEN u.level = 'commune' THEN 'commune'
                    WHEN u.level = 'district' THEN 'district'
                    ELSE 'province' END
          INTO NEW.recipient_level FROM units u WHERE u.id = NEW.unit_id;
        NEW.expects_forward := EXISTS (SELECT 1 FROM units c WHERE c.parent_id = NEW.unit_id AND c.active);
        RETURN NEW;
      END $$`);
    await q.query(`
      CREATE TRIGGER deliveries_snapshot_recipient BEFORE INSERT ON deliveries
      FOR EACH ROW EXECUTE FUNCTION deliveries_snapshot_recipient()`);
    await q.query(`
      UPDATE deliveries d SET
        recipient_level = CASE WHEN u.level = 'commune' AND u.type = 'police' THEN 'commune_police'
                               WHEN u.level = 'commune' THEN 'commune' WHEN u.level = 'district' THEN 'district' ELSE 'province' END,
        expects_forward = EXISTS (SELECT 1 FROM units c WHERE c.parent_id = d.unit_id AND c.active)
        FROM units u WHERE u.id = d.unit_id`);
    await q.query(`ALTER TABLE deliveries ALTER COLUMN recipient_level SET NOT NULL`);
    await q.query(`
      CREATE INDEX deliveries_rollup_idx ON deliveries (dispatch_id)
        INCLUDE (id, recipient_level, status, purpose, acknowledged_at, ack_due_at, forwarded_at, forward_due_at, expects_forward)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX deliveries_rollup_idx`);
    await q.query(`DROP TRIGGER deliveries_snapshot_recipient ON deliveries`);
    await q.query(`DROP FUNCTION deliveries_snapshot_recipient`);
    await q.query(`ALTER TABLE deliveries DROP COLUMN recipient_level, DROP COLUMN expects_forward`);
  }
}
