import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The login limiter's counters when the product runs without Redis (rate-limiter-flexible's
 * PostgreSQL store, shared by every api process). Shaped as the library expects; key is text so an
 * address plus a 254-character e-mail always fits. Expired rows are swept by the library.
 */
export class LoginLimits1796093881674 implements MigrationInterface {
  name = 'LoginLimits1796093881674';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE login_limits (key text PRIMARY KEY, points integer NOT NULL DEFAULT 0, expire bigint)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE login_limits`);
  }
}
