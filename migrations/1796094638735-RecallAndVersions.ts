import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Recall (thu hồi) and new versions (văn bản thay thế, đính chính).
 *
 * - A recall records who, when and why on the dispatch, and moves every delivery of it, down the
 *   whole cascade, to the new delivery status `recalled` (read-only from then on).
 * - A new version bumps dispatches.version and snapshots what the version said in
 *   dispatch_versions. Attachments belong to the version that added them; the ones a later
 *   version replaced get superseded_in. Each acknowledgement of a version is a row of
 *   delivery_acknowledgements with the SHA-256 of the attachments it covered; deliveries.ack_version
 *   says which version the unit last acknowledged, so "must acknowledge again" is
 *   `acknowledged_at IS NOT NULL AND ack_version < dispatches.version`.
 */
export class RecallAndVersions1796094638735 implements MigrationInterface {
  name = 'RecallAndVersions1796094638735';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE dispatches
        ADD COLUMN recalled_at timestamptz,
        ADD COLUMN recalled_by uuid REFERENCES users(id),
        ADD COLUMN recall_reason text,
        ADD COLUMN version int NOT NULL DEFAULT 1 CHECK (version >= 1),
        ADD CONSTRAINT dispatches_recall_needs_reason CHECK (recalled_at IS NULL OR length(trim(recall_reason)) > 0)`);

    await q.query(`ALTER TABLE deliveries DROP CONSTRAINT deliveries_status_check`);
    await q.query(`
      ALTER TABLE deliveries
        ADD CONSTRAINT deliveries_status_check
          CHECK (status IN ('pending','sent','arrived','refused','accepted','assigned','in_progress','completed','recalled')),
        ADD COLUMN recalled_at timestamptz,
        ADD COLUMN status_before_recall varchar(16),
        ADD COLUMN ack_version int`);
    await q.query(`UPDATE deliveries SET ack_version = 1 WHERE acknowledged_at IS NOT NULL`);

    await q.query(`
      CREATE TABLE dispatch_versions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        dispatch_id uuid NOT NULL REFERENCES dispatches(id),
        version int NOT NULL CHECK (version >= 2),
        -- 'replacement' (văn bản thay thế: new attachments) or 'correction' (đính chính: corrected text).
        kind varchar(16) NOT NULL CHECK (kind IN ('replacement','correction')),
        note text NOT NULL CHECK (length(trim(note)) > 0),
        previous_subject text NOT NULL,
        previous_body text NOT NULL,
        attachments_sha256 text[] NOT NULL DEFAULT '{}',
        created_by uuid REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (dispatch_id, version)
      )`);
    await q.query(`
      ALTER TABLE dispatch_attachments
        ADD COLUMN added_in_version int NOT NULL DEFAULT 1,
        ADD COLUMN superseded_in_version int`);

    await q.query(`
      CREATE TABLE delivery_acknowledgements (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        delivery_id uuid NOT NULL REFERENCES deliveries(id),
        version int NOT NULL,
        acknowledged_at timestamptz NOT NULL,
        method varchar(16) NOT NULL,
        by_name varchar(200),
        by_user_id uuid REFERENCES users(id),
        attachments_sha256 text[] NOT NULL DEFAULT '{}',
        UNIQUE (delivery_id, version)
      )`);
    await q.query(`
      INSERT INTO delivery_acknowledgements (delivery_id, version, acknowledged_at, method, by_name, by_user_id, attachments_sha256)
      SELECT id, 1, acknowledged_at, ack_method, ack_by_name, ack_by_user_id, COALESCE(ack_attachments_sha256, '{}')
        FROM deliveries WHERE acknowledged_at IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE delivery_acknowledgements`);
    await q.query(`ALTER TABLE dispatch_attachments DROP COLUMN added_in_version, DROP COLUMN superseded_in_version`);
    await q.query(`DROP TABLE dispatch_versions`);
    await q.query(`UPDATE deliveries SET status = COALESCE(status_before_recall, 'sent') WHERE status = 'recalled'`);
    await q.query(`
      ALTER TABLE deliveries DROP CONSTRAINT deliveries_status_check,
        DROP COLUMN recalled_at, DROP COLUMN status_before_recall, DROP COLUMN ack_version,
        ADD CONSTRAINT deliveries_status_check
          CHECK (status IN ('pending','sent','arrived','refused','accepted','assigned','in_progress','completed'))`);
    await q.query(`
      ALTER TABLE dispatches DROP CONSTRAINT dispatches_recall_needs_reason,
        DROP COLUMN recalled_at, DROP COLUMN recalled_by, DROP COLUMN recall_reason, DROP COLUMN version`);
  }
}
