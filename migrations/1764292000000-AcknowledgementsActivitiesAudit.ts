import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AcknowledgementsActivitiesAudit1764292000000 implements MigrationInterface {
  name = 'AcknowledgementsActivitiesAudit1764292000000';

  async up(q: QueryRunner): Promise<void> {
    // Acknowledgement, refusal and forwarding facts live on the delivery (one of each per delivery).
    await q.query(`
      ALTER TABLE deliveries
        ADD COLUMN acknowledged_at timestamptz,
        ADD COLUMN ack_method varchar(16) CHECK (ack_method IN ('web','email_link','proxy')),
        ADD COLUMN ack_by_user_id uuid REFERENCES users(id),
        ADD COLUMN ack_by_name varchar(200),
        ADD COLUMN ack_by_unit_id uuid REFERENCES units(id),
        ADD COLUMN ack_proxy_reason text,
        ADD COLUMN ack_ip varchar(64),
        ADD COLUMN ack_user_agent varchar(500),
        ADD COLUMN ack_attachments_sha256 text[],
        ADD COLUMN refused_at timestamptz,
        ADD COLUMN refusal_reason text,
        ADD COLUMN refused_by_name varchar(200),
        ADD COLUMN refusal_resolved_at timestamptz,
        ADD COLUMN readdressed_to_id uuid REFERENCES deliveries(id),
        ADD COLUMN forwarded_at timestamptz,
        ADD COLUMN completed_at timestamptz,
        ADD CONSTRAINT deliveries_proxy_needs_reason CHECK (ack_method IS DISTINCT FROM 'proxy' OR length(trim(ack_proxy_reason)) > 0),
        ADD CONSTRAINT deliveries_refusal_needs_reason CHECK (refused_at IS NULL OR length(trim(refusal_reason)) > 0)`);
    await q.query(`CREATE INDEX deliveries_dispatch_status_idx ON deliveries (dispatch_id, status)`);

    await q.query(`
      CREATE TABLE activities (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        delivery_id uuid NOT NULL REFERENCES deliveries(id),
        unit_id uuid NOT NULL REFERENCES units(id),
        dispatch_id uuid NOT NULL REFERENCES dispatches(id),
        task_number int,
        channel varchar(32) NOT NULL CHECK (channel IN ('staff_briefing','resident_meeting','e_portal_post','facebook_post','zalo_post','mass_media','loudspeaker','bulletin_board','leaflet','other')),
        occurred_on date NOT NULL,
        place varchar(255),
        reach int CHECK (reach >= 0),
        quantity int CHECK (quantity >= 0),
        links text[] NOT NULL DEFAULT '{}',
        description text,
        flags text[] NOT NULL DEFAULT '{}',
        version int NOT NULL DEFAULT 1,
        withdrawn_at timestamptz,
        withdrawn_by uuid REFERENCES users(id),
        withdrawal_reason text,
        reported_by uuid REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT activities_withdrawal_needs_reason CHECK (withdrawn_at IS NULL OR length(trim(withdrawal_reason)) > 0)
      )`);
    await q.query(`CREATE INDEX activities_delivery_idx ON activities (delivery_id)`);
    await q.query(`CREATE INDEX activities_dispatch_idx ON activities (dispatch_id, channel)`);
    await q.query(`
      CREATE TABLE activity_revisions (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        activity_id uuid NOT NULL REFERENCES activities(id),
        version int NOT NULL,
        snapshot jsonb NOT NULL,
        changed_by uuid REFERENCES users(id),
        changed_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (activity_id, version)
      )`);
    await q.query(`
      CREATE TABLE activity_evidence (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        activity_id uuid NOT NULL REFERENCES activities(id),
        unit_id uuid NOT NULL REFERENCES units(id),
        file_name varchar(255) NOT NULL,
        content_type varchar(120) NOT NULL,
        size_bytes bigint NOT NULL,
        sha256 char(64) NOT NULL,
        storage_key varchar(255) NOT NULL,
        duplicate_of_unit_id uuid REFERENCES units(id),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX activity_evidence_activity_idx ON activity_evidence (activity_id)`);
    await q.query(`CREATE INDEX activity_evidence_sha_idx ON activity_evidence (sha256)`);

    await q.query(`
      CREATE TABLE audit_events (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        occurred_at timestamptz NOT NULL DEFAULT now(),
        actor_user_id uuid,
        actor_name varchar(200),
        actor_unit_id uuid,
        action varchar(60) NOT NULL,
        entity_type varchar(40) NOT NULL,
        entity_id uuid NOT NULL,
        dispatch_id uuid,
        before jsonb,
        after jsonb,
        ip varchar(64)
      )`);
    await q.query(`CREATE INDEX audit_events_entity_idx ON audit_events (entity_id, id)`);
    await q.query(`CREATE INDEX audit_events_dispatch_idx ON audit_events (dispatch_id, id) WHERE dispatch_id IS NOT NULL`);
    // Append-only: the database itself refuses to change or delete an audit event.
    await q.query(`
      CREATE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'audit_events is append-only'; END $$`);
    await q.query(`
      CREATE TRIGGER audit_events_no_change BEFORE UPDATE OR DELETE OR TRUNCATE ON audit_events
      FOR EACH STATEMENT EXECUTE FUNCTION audit_events_append_only()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE audit_events`);
    await q.query(`DROP FUNCTION audit_events_append_only`);
    await q.query(`DROP TABLE activity_evidence`);
    await q.query(`DROP TABLE activity_revisions`);
    await q.query(`DROP TABLE activities`);
    await q.query(`DROP INDEX deliveries_dispatch_status_idx`);
    await q.query(`
      ALTER TABLE deliveries
        DROP CONSTRAINT deliveries_proxy_needs_reason, DROP CONSTRAINT deliveries_refusal_needs_reason,
        DROP COLUMN acknowledged_at, DROP COLUMN ack_method, DROP COLUMN ack_by_user_id, DROP COLUMN ack_by_name,
        DROP COLUMN ack_by_unit_id, DROP COLUMN ack_proxy_reason, DROP COLUMN ack_ip, DROP COLUMN ack_user_agent,
        DROP COLUMN ack_attachments_sha256, DROP COLUMN refused_at, DROP COLUMN refusal_reason, DROP COLUMN refused_by_name,
        DROP COLUMN refusal_resolved_at, DROP COLUMN readdressed_to_id, DROP COLUMN forwarded_at, DROP COLUMN completed_at`);
  }
}
