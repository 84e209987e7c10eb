import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateUnitsAndUsers1764290000000 implements MigrationInterface {
  name = 'CreateUnitsAndUsers1764290000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    await q.query(`
      CREATE TABLE units (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code varchar(40) NOT NULL,
        name varchar(255) NOT NULL,
        search_name varchar(255) NOT NULL,
        type varchar(32) NOT NULL CHECK (type IN ('area','peoples_committee','police','department','mass_organisation','other')),
        area_kind varchar(40),
        level varchar(16) NOT NULL CHECK (level IN ('province','district','commune')),
        parent_id uuid REFERENCES units(id) ON DELETE RESTRICT,
        area_id uuid REFERENCES units(id) ON DELETE RESTRICT,
        path text NOT NULL,
        emails text[] NOT NULL DEFAULT '{}',
        active boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT units_code_uq UNIQUE (code),
        CONSTRAINT units_not_own_parent CHECK (parent_id IS NULL OR parent_id <> id)
      )`);
    await q.query(`CREATE INDEX units_path_idx ON units (path text_pattern_ops)`);
    await q.query(`CREATE INDEX units_parent_idx ON units (parent_id)`);
    await q.query(`CREATE INDEX units_area_idx ON units (area_id)`);
    await q.query(`CREATE INDEX units_type_level_idx ON units (type, level)`);
    await q.query(`CREATE INDEX units_search_idx ON units USING gin (search_name gin_trgm_ops)`);
    await q.query(`
      CREATE TABLE users (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        email varchar(254) NOT NULL,
        full_name varchar(200) NOT NULL,
        title varchar(100),
        password_hash varchar(255) NOT NULL,
        role varchar(16) NOT NULL CHECK (role IN ('admin','issuer','leader','officer')),
        unit_id uuid NOT NULL REFERENCES units(id) ON DELETE RESTRICT,
        active boolean NOT NULL DEFAULT true,
        last_login_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT users_email_uq UNIQUE (email)
      )`);
    await q.query(`CREATE INDEX users_unit_idx ON users (unit_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE users`);
    await q.query(`DROP TABLE units`);
  }
}
