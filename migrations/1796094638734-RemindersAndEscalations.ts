import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Reminders (nhắc việc) to units that have not done a step, and escalations (đôn đốc) to the unit
 * above them, both sent through the messages outbox.
 *
 * Exactly-once per slot comes from the database, not from the scheduler: a reminder is one row per
 * (delivery, step, slot) and an escalation one row per (dispatch, receiving unit, step, slot), each
 * under a unique key, written by one INSERT … ON CONFLICT DO NOTHING whose RETURNING feeds the
 * messages insert of the same statement. A second sweep of the same slot, by a restarted worker or
 * by another worker at the same moment, inserts nothing and so mails nothing.
 */
export class RemindersAndEscalations1796094638734 implements MigrationInterface {
  name = 'RemindersAndEscalations1796094638734';

  async up(q: QueryRunner): Promise<void> {
    // Defaults per urgency; a dispatch may carry its own rule (dispatches.reminder_rule, same fields).
    await q.query(`
      CREATE TABLE reminder_policies (
        urgency varchar(16) PRIMARY KEY CHECK (urgency IN ('thuong','khan','thuong_khan','hoa_toc')),
        cadence_unit varchar(12) NOT NULL CHECK (cadence_unit IN ('hours','working_days')),
        every int NOT NULL CHECK (every BETWEEN 1 AND 240),
        before int NOT NULL CHECK (before BETWEEN 0 AND 240),
        max_after int NOT NULL CHECK (max_after BETWEEN 0 AND 50),
        escalate_after int NOT NULL CHECK (escalate_after BETWEEN 0 AND 240),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      INSERT INTO reminder_policies (urgency, cadence_unit, every, before, max_after, escalate_after) VALUES
        ('hoa_toc', 'hours', 2, 2, 6, 4),
        ('thuong_khan', 'working_days', 1, 1, 5, 1),
        ('khan', 'working_days', 1, 1, 5, 2),
        ('thuong', 'working_days', 2, 1, 3, 3)`);
    await q.query(`ALTER TABLE dispatches ADD COLUMN reminder_rule jsonb`);

    await q.query(`
      CREATE TABLE reminders (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        delivery_id uuid NOT NULL REFERENCES deliveries(id),
        dispatch_id uuid NOT NULL REFERENCES dispatches(id),
        -- Stored: ack, forward, report.
        step varchar(8) NOT NULL CHECK (step IN ('ack','forward','report')),
        -- 'before' (ahead of the deadline), 'after-<k>' (k-th after it), 'manual-<minute>' (a parent's "Nhắc").
        slot varchar(40) NOT NULL,
        due_at timestamptz NOT NULL,
        requested_by uuid REFERENCES users(id),
        created_at timestamptz NOT NULL,
        CONSTRAINT reminders_slot_uq UNIQUE (delivery_id, step, slot)
      )`);
    await q.query(`CREATE INDEX reminders_dispatch_idx ON reminders (dispatch_id, created_at)`);

    await q.query(`
      CREATE TABLE escalations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        dispatch_id uuid NOT NULL REFERENCES dispatches(id),
        -- The unit told: the one that forwarded to the late units, or the issuer.
        to_unit_id uuid NOT NULL REFERENCES units(id),
        to_delivery_id uuid REFERENCES deliveries(id),
        step varchar(8) NOT NULL CHECK (step IN ('ack','forward','report')),
        slot varchar(40) NOT NULL,
        late_delivery_ids uuid[] NOT NULL,
        created_at timestamptz NOT NULL,
        CONSTRAINT escalations_slot_uq UNIQUE (dispatch_id, to_unit_id, step, slot)
      )`);
    await q.query(`CREATE INDEX escalations_dispatch_idx ON escalations (dispatch_id, created_at)`);

    await q.query(`ALTER TABLE messages DROP CONSTRAINT messages_kind_check, DROP CONSTRAINT messages_status_check`);
    await q.query(`
      ALTER TABLE messages
        ALTER COLUMN delivery_id DROP NOT NULL,
        ADD COLUMN reminder_id uuid REFERENCES reminders(id),
        ADD COLUMN escalation_id uuid REFERENCES escalations(id),
        ADD CONSTRAINT messages_kind_check CHECK (kind IN ('notice','reminder','escalation','recall','new_version')),
        ADD CONSTRAINT messages_status_check CHECK (status IN ('pending','sent','failed','cancelled')),
        ADD CONSTRAINT messages_has_subject CHECK (delivery_id IS NOT NULL OR escalation_id IS NOT NULL)`);
    await q.query(`CREATE INDEX messages_reminder_idx ON messages (reminder_id) WHERE reminder_id IS NOT NULL`);
    await q.query(`CREATE INDEX messages_escalation_idx ON messages (escalation_id) WHERE escalation_id IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM messages WHERE delivery_id IS NULL OR kind IN ('recall','new_version') OR status = 'cancelled'`);
    await q.query(`
      ALTER TABLE messages DROP CONSTRAINT messages_has_subject, DROP CONSTRAINT messages_kind_check, DROP CONSTRAINT messages_status_check,
        ADD CONSTRAINT messages_status_check CHECK (status IN ('pending','sent','failed')),
        DROP COLUMN escalation_id, DROP COLUMN reminder_id, ALTER COLUMN delivery_id SET NOT NULL,
        ADD CONSTRAINT messages_kind_check CHECK (kind IN ('notice','reminder','escalation'))`);
    await q.query(`DROP TABLE escalations`);
    await q.query(`DROP TABLE reminders`);
    await q.query(`ALTER TABLE dispatches DROP COLUMN reminder_rule`);
    await q.query(`DROP TABLE reminder_policies`);
  }
}
