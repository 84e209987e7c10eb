import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ReportExports1764293000000 implements MigrationInterface {
  name = 'ReportExports1764293000000';

  async up(q: QueryRunner): Promise<void> {
    // format and status values are persisted (and format is the stored file's extension):
    // renaming one breaks existing rows and files; see ExportFormat / ExportStatus.
    await q.query(`
      CREATE TABLE report_exports (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        dispatch_id uuid NOT NULL REFERENCES dispatches(id),
        requested_by uuid NOT NULL REFERENCES users(id),
        scope_path text,
        format varchar(8) NOT NULL CHECK (format IN ('xlsx','csv','pdf')),
        status varchar(16) NOT NULL DEFAULT 'queued' CHECK (status IN ('queued','running','done','failed')),
        progress smallint NOT NULL DEFAULT 0 CHECK (progress BETWEEN 0 AND 100),
        rows_done int NOT NULL DEFAULT 0 CHECK (rows_done >= 0),
        rows_total int CHECK (rows_total >= 0),
        storage_key varchar(255),
        file_name varchar(255),
        size_bytes bigint CHECK (size_bytes >= 0),
        error text,
        created_at timestamptz NOT NULL DEFAULT now(),
        finished_at timestamptz,
        CONSTRAINT report_exports_done_has_file CHECK (status <> 'done' OR (storage_key IS NOT NULL AND file_name IS NOT NULL AND size_bytes IS NOT NULL))
      )`);
    await q.query(`CREATE INDEX report_exports_requester_idx ON report_exports (requested_by, created_at DESC)`);
    await q.query(`CREATE INDEX report_exports_dispatch_idx ON report_exports (dispatch_id)`);
    // Exports page through a dispatch's deliveries and activities by id (keyset): without this each page would
    // re-read and sort every delivery of the dispatch.
    await q.query(`CREATE INDEX deliveries_dispatch_id_idx ON deliveries (dispatch_id, id)`);
    await q.query(`CREATE INDEX activities_dispatch_id_idx ON activities (dispatch_id, id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX activities_dispatch_id_idx`);
    await q.query(`DROP INDEX deliveries_dispatch_id_idx`);
    await q.query(`DROP TABLE report_exports`);
  }
}
