import type pg from 'pg';
import type { DataSource, EntityManager } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver.js';

/** Where a statement runs: the pool, or the caller's transaction. */
export type Db = DataSource | EntityManager;

/**
 * The rows of a SELECT (or INSERT … RETURNING), typed by the caller's declaration of its columns.
 * TypeORM types `.query()` as `any`; this is the one place that says what comes back.
 */
export async function selectRows<T>(db: Db, sql: string, params: unknown[] = []): Promise<T[]> {
  return (await db.query(sql, params)) as T[];
}

/** TypeORM answers an UPDATE (… RETURNING) with [rows, affected count]. */
export async function updateRows<T = never>(db: Db, sql: string, params: unknown[] = []): Promise<{ rows: T[]; count: number }> {
  const [rows, count] = (await db.query(sql, params)) as [T[], number];
  return { rows, count };
}

/**
 * The rows of a hot-path statement, run as a named prepared statement straight on the pool's
 * `pg` client: PostgreSQL parses and plans it once per connection instead of on every call (for
 * the acknowledgement's CTE, planning was most of the database's time), and no TypeORM query
 * runner is built around it. Only for statements that run on their own (their own transaction):
 * a caller's transaction goes through selectRows on its EntityManager.
 */
export async function preparedRows<T>(db: DataSource, name: string, sql: string, params: unknown[]): Promise<T[]> {
  const pool = (db.driver as PostgresDriver).master as pg.Pool;
  return (await pool.query<T & pg.QueryResultRow>({ name, text: sql, values: params })).rows;
}
