import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * units.link_signup: may a unit create its own first account from the signed link of one of its
 * e-mails ("cho phép đơn vị tự tạo tài khoản qua liên kết")? Set by an admin on any unit, for that
 * unit and every unit below it in the directing tree: true allows, false refuses, NULL follows the
 * nearest unit above that says (and nobody saying means refused). One flag on UBND huyện or Công an
 * tỉnh thus covers all its communes, and one commune can still be excluded.
 */
export class UnitLinkSignup1796122146339 implements MigrationInterface {
  name = 'UnitLinkSignup1796122146339';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE units ADD COLUMN link_signup boolean`);
    await q.query(
      `COMMENT ON COLUMN units.link_signup IS 'Self sign-up through an e-mail link: true allow, false refuse, NULL as the nearest unit above'`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE units DROP COLUMN link_signup`);
  }
}
