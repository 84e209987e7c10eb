import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Units across the July 2025 reform. A unit is never deleted: it is retired (inactive, with the
 * date it ceased to exist) and linked to its successors. GSO gives a merged commune the code of one
 * of the old communes it absorbed, so a code is unique only among the units not retired: the
 * retired Xã Hải Tiến of huyện Hải Hậu and the new Xã Hải Tiến of tỉnh Ninh Bình share 14218.
 * `valid_from` is when a unit of a new structure came into force, so a dispatch dated before it
 * does not address it (and one dated before a retirement still addresses the retired unit).
 */
export class UnitLineage1796092241542 implements MigrationInterface {
  name = 'UnitLineage1796092241542';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE units ADD COLUMN retired_on date, ADD COLUMN valid_from date`);
    await q.query(`ALTER TABLE units ADD CONSTRAINT units_retired_inactive CHECK (retired_on IS NULL OR NOT active)`);
    await q.query(`ALTER TABLE units DROP CONSTRAINT units_code_uq`);
    await q.query(`CREATE UNIQUE INDEX units_code_current_uq ON units (code) WHERE retired_on IS NULL`);
    await q.query(`CREATE INDEX units_code_idx ON units (code)`);
    await q.query(`
      CREATE TABLE unit_successions (
        predecessor_id uuid NOT NULL REFERENCES units(id) ON DELETE RESTRICT,
        successor_id uuid NOT NULL REFERENCES units(id) ON DELETE RESTRICT,
        effective_on date NOT NULL,
        source varchar(80) NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (predecessor_id, successor_id),
        CONSTRAINT unit_successions_not_self CHECK (predecessor_id <> successor_id)
      )`);
    await q.query(`CREATE INDEX unit_successions_successor_idx ON unit_successions (successor_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE unit_successions`);
    await q.query(`DROP INDEX units_code_idx`);
    await q.query(`DROP INDEX units_code_current_uq`);
    await q.query(`ALTER TABLE units ADD CONSTRAINT units_code_uq UNIQUE (code)`);
    await q.query(`ALTER TABLE units DROP CONSTRAINT units_retired_inactive`);
    await q.query(`ALTER TABLE units DROP COLUMN retired_on, DROP COLUMN valid_from`);
  }
}
