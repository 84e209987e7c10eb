import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The audit API filters by actor ("everything this account did"): an index like the entity one. */
export class AuditActorIndex1796093881675 implements MigrationInterface {
  name = 'AuditActorIndex1796093881675';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX audit_events_actor_idx ON audit_events (actor_user_id, id) WHERE actor_user_id IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX audit_events_actor_idx`);
  }
}
