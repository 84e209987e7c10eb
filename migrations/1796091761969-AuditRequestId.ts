import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The request id (X-Request-Id, or the one the api generated) of the HTTP request or queue job
 * that wrote an audit event, so an operator can go from an audit row to its log lines and back.
 */
export class AuditRequestId1796091761969 implements MigrationInterface {
  name = 'AuditRequestId1796091761969';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE audit_events ADD COLUMN request_id varchar(100)`);
    await q.query(`CREATE INDEX audit_events_request_idx ON audit_events (request_id) WHERE request_id IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX audit_events_request_idx`);
    await q.query(`ALTER TABLE audit_events DROP COLUMN request_id`);
  }
}
