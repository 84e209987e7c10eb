import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Every api process keeps signed-in accounts in memory for a few seconds (ActorCache). These
 * triggers tell all of them, on commit, that an account changed (payload: its id) or that units
 * were renamed or moved (payload '*': the scopes of everyone may have changed), whoever made the
 * change: the api, the CLI or an administrator in psql.
 */
export class ActorChangeNotify1796095000000 implements MigrationInterface {
  name = 'ActorChangeNotify1796095000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION notify_actor_changed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('cvt_actor_changed', OLD.id::text);
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER users_actor_changed
        AFTER UPDATE OF email, full_name, role, unit_id, active, token_version OR DELETE ON users
        FOR EACH ROW EXECUTE FUNCTION notify_actor_changed()`);
    await q.query(`
      CREATE FUNCTION notify_units_changed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('cvt_actor_changed', '*');
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER units_actor_changed
        AFTER UPDATE OF name, type, parent_id, area_id, path OR DELETE ON units
        FOR EACH STATEMENT EXECUTE FUNCTION notify_units_changed()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER units_actor_changed ON units`);
    await q.query(`DROP FUNCTION notify_units_changed()`);
    await q.query(`DROP TRIGGER users_actor_changed ON users`);
    await q.query(`DROP FUNCTION notify_actor_changed()`);
  }
}
