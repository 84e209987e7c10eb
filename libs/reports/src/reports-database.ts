import { fail, isConnectionError } from '@app/common';
import { AppConfig } from '@app/config';
import { dataSourceOptions } from '@app/database';
import { Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

/** Connections of the reports pool per process, on top of the main pool's 20. Reports are few and long. */
const REPORTS_POOL_MAX = 10;
/** A replica that does not answer must turn a report into a 503 quickly, not hang the request. */
const CONNECT_TIMEOUT_MS = 5_000;

/**
 * Where report reads go (the dispatch report, the dashboard, the unit scorecard, the exports).
 *
 * - `REPORTS_DATABASE_URL` unset: this IS the main DataSource; no second pool.
 * - set (a streaming replica, say): a DataSource of its own, opened on first use rather than at boot,
 *   so a replica that is down never stops the api or the worker from starting. Its sessions run with
 *   `default_transaction_read_only=on`: a write sent here by mistake fails loudly instead of landing
 *   on a copy. When it cannot be reached, a report fails with REPORTS_DATABASE_UNAVAILABLE (503,
 *   in Vietnamese) while everything else keeps working on the main database.
 *
 * Only reads belong here. The export job rows, audit events and every write stay on the main DataSource.
 */
@Injectable()
export class ReportsDatabase implements OnApplicationShutdown {
  private readonly logger = new Logger(ReportsDatabase.name);
  private readonly url: string | undefined;
  private opening?: Promise<DataSource>;
  private closed = false;

  constructor(
    @InjectDataSource() private readonly main: DataSource,
    private readonly config: AppConfig,
  ) {
    this.url = config.REPORTS_DATABASE_URL;
  }

  /** True when reports read a database of their own (REPORTS_DATABASE_URL), false when they read the main one. */
  get separate(): boolean {
    return this.url !== undefined;
  }

  /** Runs one read statement on the reports database. Rows are typed by the caller's SQL (its column aliases). */
  async query<R>(sql: string, params: unknown[] = []): Promise<R[]> {
    if (!this.url) return this.main.query(sql, params);
    let db: DataSource;
    try {
      db = await this.open();
    } catch {
      throw fail('REPORTS_DATABASE_UNAVAILABLE');
    }
    try {
      return await db.query(sql, params);
    } catch (e) {
      if (!isConnectionError(e) && !REFUSED_SESSION_CODES.has(sqlState(e))) throw e;
      this.logger.warn(`Reports database lost: ${(e as Error).message}`);
      throw fail('REPORTS_DATABASE_UNAVAILABLE');
    }
  }

  /** For readiness: answers within the timeout, or throws with the reason (in English, for the operator). */
  async ping(timeoutMs: number): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
    });
    const ping = async () => {
      await (this.url ? await this.open() : this.main).query('SELECT 1');
    };
    try {
      await Promise.race([ping(), timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  async onApplicationShutdown(): Promise<void> {
    this.closed = true;
    const db = await this.opening?.catch(() => undefined);
    this.opening = undefined;
    if (db?.isInitialized) await db.destroy();
  }

  /** The replica's DataSource, opened once; a failed open is forgotten so the next call tries again. */
  private open(): Promise<DataSource> {
    if (this.closed) return Promise.reject(new Error('the application is shutting down'));
    this.opening ??= this.connect().catch((e: unknown) => {
      this.opening = undefined;
      this.logger.warn(`Reports database unreachable (${redact(this.url!)}): ${(e as Error).message}`);
      throw e;
    });
    return this.opening;
  }

  private async connect(): Promise<DataSource> {
    const db = new DataSource(reportsDataSourceOptions(this.config, this.url!));
    try {
      await db.initialize();
    } catch (e) {
      if (db.isInitialized) await db.destroy().catch(() => undefined);
      throw e;
    }
    this.logger.log(`Reports read from ${redact(this.url!)}`);
    return db;
  }
}

/**
 * The main options pointed at the reports URL: no entities or migrations (reports are SQL), no
 * extension installs (a replica is read-only), a smaller pool, a connect timeout, and read-only sessions.
 */
export function reportsDataSourceOptions(config: AppConfig, url: string) {
  const main = dataSourceOptions(config);
  return {
    ...main,
    url,
    entities: [],
    migrations: [],
    installExtensions: false,
    extra: {
      max: REPORTS_POOL_MAX,
      application_name: 'cong-van-tracker-reports',
      connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
      // jit=off as on the main pool (see dataSourceOptions); read-only so that a mistaken write fails.
      options: '-c jit=off -c default_transaction_read_only=on',
    },
  } as typeof main;
}

/**
 * A new session refused by the reports server: the database is gone or not accepting connections,
 * or the credentials no longer work. For the main database these are the operator's emergency; for
 * the reports one they mean the same as an unreachable replica.
 */
const REFUSED_SESSION_CODES = new Set(['3D000', '28000', '28P01', '55000']);

function sqlState(e: unknown): string {
  const err = e as { code?: unknown; driverError?: { code?: unknown } };
  const code = err.driverError?.code ?? err.code;
  return typeof code === 'string' ? code : '';
}

/** The URL without its password, for logs. */
function redact(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'REPORTS_DATABASE_URL';
  }
}
