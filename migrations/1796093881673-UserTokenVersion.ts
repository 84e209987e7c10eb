import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * users.token_version: every access token carries the version it was issued under, and the JWT
 * check compares it with this column in the same primary-key lookup that reloads the user. A
 * password change, role change, unit move or deactivation bumps it, ending every earlier session.
 */
export class UserTokenVersion1796093881673 implements MigrationInterface {
  name = 'UserTokenVersion1796093881673';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE users ADD COLUMN token_version integer NOT NULL DEFAULT 0`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE users DROP COLUMN token_version`);
  }
}
