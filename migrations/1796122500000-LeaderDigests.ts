import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The daily digest (tin tổng hợp hằng ngày) of each leader: new dispatches, late units by branch,
 * what changed since the previous digest.
 *
 * At most one per leader and Vietnam calendar day comes from the database, not from the
 * scheduler: `digests_user_day_uq`, under which one INSERT … ON CONFLICT DO NOTHING writes the
 * digest and, in the same statement (so the same transaction), the outbox row that mails it. A
 * second run the same day, by a restarted worker or by another worker at the same moment, inserts
 * nothing and so mails nothing. The content is a snapshot (jsonb) taken at that instant; the
 * worker renders it without querying the rollout again.
 */
export class LeaderDigests1796122500000 implements MigrationInterface {
  name = 'LeaderDigests1796122500000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE digests (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users(id),
        -- The Vietnam calendar day the digest is for.
        day date NOT NULL,
        -- What changed is counted over (window_start, window_end]: the previous digest's end, or a day before.
        window_start timestamptz NOT NULL,
        window_end timestamptz NOT NULL,
        content jsonb NOT NULL,
        created_at timestamptz NOT NULL,
        CONSTRAINT digests_user_day_uq UNIQUE (user_id, day)
      )`);
    await q.query(`ALTER TABLE messages DROP CONSTRAINT messages_kind_check, DROP CONSTRAINT messages_has_subject`);
    await q.query(`
      ALTER TABLE messages
        ADD COLUMN digest_id uuid REFERENCES digests(id),
        -- Stored values: renaming one breaks the rows already written.
        ADD CONSTRAINT messages_kind_check CHECK (kind IN ('notice','reminder','escalation','recall','new_version','digest')),
        ADD CONSTRAINT messages_has_subject CHECK (delivery_id IS NOT NULL OR escalation_id IS NOT NULL OR digest_id IS NOT NULL)`);
    await q.query(`CREATE INDEX messages_digest_idx ON messages (digest_id) WHERE digest_id IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM messages WHERE digest_id IS NOT NULL OR kind = 'digest'`);
    await q.query(`
      ALTER TABLE messages DROP CONSTRAINT messages_has_subject, DROP CONSTRAINT messages_kind_check, DROP COLUMN digest_id,
        ADD CONSTRAINT messages_kind_check CHECK (kind IN ('notice','reminder','escalation','recall','new_version')),
        ADD CONSTRAINT messages_has_subject CHECK (delivery_id IS NOT NULL OR escalation_id IS NOT NULL)`);
    await q.query(`DROP TABLE digests`);
  }
}
