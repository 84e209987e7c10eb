import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateDispatchesAndDeliveries1764291000000 implements MigrationInterface {
  name = 'CreateDispatchesAndDeliveries1764291000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE dispatches (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        issuer_unit_id uuid NOT NULL REFERENCES units(id),
        header_authority varchar(255),
        header_issuer varchar(255) NOT NULL,
        number int NOT NULL CHECK (number > 0),
        symbol varchar(60) NOT NULL,
        issued_date date NOT NULL,
        issued_year int NOT NULL,
        issued_place varchar(120) NOT NULL,
        document_type varchar(60) NOT NULL,
        subject text NOT NULL,
        body text NOT NULL,
        urgency varchar(16) NOT NULL CHECK (urgency IN ('thuong','khan','thuong_khan','hoa_toc')),
        addressee_lines text[] NOT NULL DEFAULT '{}',
        distribution_lines text[] NOT NULL DEFAULT '{}',
        signer_name varchar(120) NOT NULL,
        signer_rank varchar(60),
        signer_title varchar(200),
        ack_due_at timestamptz,
        forward_due_at timestamptz,
        report_due_at timestamptz,
        status varchar(16) NOT NULL DEFAULT 'draft' CHECK (status IN ('draft','published','recalled','closed')),
        published_at timestamptz,
        created_by uuid REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT dispatches_year_matches_date CHECK (issued_year = extract(year FROM issued_date))
      )`);
    await q.query(`CREATE UNIQUE INDEX dispatches_number_uq ON dispatches (issuer_unit_id, issued_year, number, symbol)`);
    await q.query(`CREATE INDEX dispatches_status_idx ON dispatches (status, published_at DESC)`);
    await q.query(`
      CREATE TABLE dispatch_tasks (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        dispatch_id uuid NOT NULL REFERENCES dispatches(id) ON DELETE CASCADE,
        number int NOT NULL CHECK (number > 0),
        text text NOT NULL,
        channels text[] NOT NULL DEFAULT '{}'
      )`);
    await q.query(`CREATE UNIQUE INDEX dispatch_tasks_number_uq ON dispatch_tasks (dispatch_id, number)`);
    await q.query(`
      CREATE TABLE dispatch_attachments (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        dispatch_id uuid NOT NULL REFERENCES dispatches(id) ON DELETE CASCADE,
        file_name varchar(255) NOT NULL,
        content_type varchar(120) NOT NULL,
        size_bytes bigint NOT NULL CHECK (size_bytes >= 0),
        sha256 char(64) NOT NULL,
        storage_key varchar(255) NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX dispatch_attachments_dispatch_idx ON dispatch_attachments (dispatch_id)`);
    await q.query(`
      CREATE TABLE dispatch_recipients (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        dispatch_id uuid NOT NULL REFERENCES dispatches(id) ON DELETE CASCADE,
        purpose varchar(16) NOT NULL CHECK (purpose IN ('action','coordinate','report','info','archive')),
        unit_id uuid REFERENCES units(id),
        group_kind varchar(40) CHECK (group_kind IN ('all_departments','all_district_committees','all_commune_committees','all_district_police','all_commune_police')),
        scope_unit_id uuid REFERENCES units(id),
        CONSTRAINT dispatch_recipients_one_target CHECK ((unit_id IS NULL) <> (group_kind IS NULL))
      )`);
    await q.query(`CREATE INDEX dispatch_recipients_dispatch_idx ON dispatch_recipients (dispatch_id)`);
    await q.query(`
      CREATE TABLE deliveries (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        dispatch_id uuid NOT NULL REFERENCES dispatches(id),
        unit_id uuid NOT NULL REFERENCES units(id),
        purpose varchar(16) NOT NULL CHECK (purpose IN ('action','coordinate','report','info','archive')),
        parent_delivery_id uuid REFERENCES deliveries(id),
        status varchar(16) NOT NULL DEFAULT 'pending'
          CHECK (status IN ('pending','sent','arrived','refused','accepted','assigned','in_progress','completed')),
        ack_due_at timestamptz,
        forward_due_at timestamptz,
        report_due_at timestamptz,
        instruction text,
        link_nonce varchar(32) NOT NULL,
        link_token_hash char(64) NOT NULL,
        link_expires_at timestamptz NOT NULL,
        sent_at timestamptz,
        arrived_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX deliveries_dispatch_unit_uq ON deliveries (dispatch_id, unit_id)`);
    await q.query(`CREATE INDEX deliveries_unit_idx ON deliveries (unit_id, created_at DESC)`);
    await q.query(`CREATE INDEX deliveries_parent_idx ON deliveries (parent_delivery_id) WHERE parent_delivery_id IS NOT NULL`);
    await q.query(`CREATE UNIQUE INDEX deliveries_link_hash_uq ON deliveries (link_token_hash)`);
    await q.query(`
      CREATE TABLE messages (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        delivery_id uuid NOT NULL REFERENCES deliveries(id),
        kind varchar(16) NOT NULL DEFAULT 'notice' CHECK (kind IN ('notice','reminder','escalation')),
        to_address varchar(254) NOT NULL,
        status varchar(16) NOT NULL DEFAULT 'pending' CHECK (status IN ('pending','sent','failed')),
        attempts int NOT NULL DEFAULT 0,
        last_error text,
        provider_message_id varchar(255),
        enqueued_at timestamptz,
        sent_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX messages_delivery_idx ON messages (delivery_id)`);
    // The relay scans only what is still to be sent.
    await q.query(`CREATE INDEX messages_pending_idx ON messages (created_at) WHERE status = 'pending'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE messages`);
    await q.query(`DROP TABLE deliveries`);
    await q.query(`DROP TABLE dispatch_recipients`);
    await q.query(`DROP TABLE dispatch_attachments`);
    await q.query(`DROP TABLE dispatch_tasks`);
    await q.query(`DROP TABLE dispatches`);
  }
}
