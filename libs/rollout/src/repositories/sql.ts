import type { DataSource, EntityManager } from 'typeorm';

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
