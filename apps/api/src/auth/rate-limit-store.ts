import { AppConfig } from '@app/config';
import { HttpException, HttpStatus, Injectable, OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Redis } from 'ioredis';
import {
  type IRateLimiterStoreOptions,
  RateLimiterAbstract,
  RateLimiterMemory,
  RateLimiterPostgres,
  RateLimiterRedis,
  RateLimiterRes,
} from 'rate-limiter-flexible';
import { DataSource } from 'typeorm';

/** The table the PostgreSQL store writes (created by a migration, never by the library at run time). */
export const LOGIN_LIMITS_TABLE = 'login_limits';

/**
 * Where every rate limit of the api keeps its counters, shared by every api process: in Redis when the
 * queues use it (REDIS_URL), otherwise in PostgreSQL (rate-limiter-flexible, table login_limits, named
 * after its first user; each limiter's keys carry its own prefix). Each limiter has an in-memory
 * limiter of the same shape standing in while the store is unreachable, so an outage neither opens
 * the door nor locks everybody out.
 */
@Injectable()
export class RateLimitStore implements OnModuleDestroy {
  private readonly redis?: Redis;
  private readonly store: Partial<IRateLimiterStoreOptions> & { tableName?: string; tableCreated?: boolean; storeType?: string };

  constructor(
    private readonly config: AppConfig,
    @InjectDataSource() db: DataSource,
  ) {
    if (config.REDIS_URL) {
      this.redis = new Redis(config.REDIS_URL, { maxRetriesPerRequest: 1, enableOfflineQueue: false, lazyConnect: false });
      this.redis.on('error', () => undefined); // the insurance limiter covers an outage; BullMQ logs Redis trouble
      this.store = { storeClient: this.redis };
    } else {
      // TypeORM's pg pool; the table comes from a migration.
      this.store = { storeClient: db, storeType: 'typeorm', tableName: LOGIN_LIMITS_TABLE, tableCreated: true };
    }
  }

  /** `points` per `durationSeconds`, under the key prefix `<QUEUE_PREFIX>:<name>`. */
  limiter(name: string, points: number, durationSeconds: number): RateLimiterAbstract {
    const opts = { keyPrefix: `${this.config.QUEUE_PREFIX}:${name}`, points, duration: durationSeconds };
    const insuranceLimiter = new RateLimiterMemory(opts);
    return this.redis
      ? new RateLimiterRedis({ ...this.store, ...opts, insuranceLimiter } as IRateLimiterStoreOptions)
      : new RateLimiterPostgres({ ...this.store, ...opts, insuranceLimiter } as IRateLimiterStoreOptions);
  }

  async onModuleDestroy(): Promise<void> {
    await this.redis?.quit().catch(() => this.redis?.disconnect());
  }
}

/**
 * Consumes one point of each limiter for its key. Resolves when all had points left; otherwise throws the
 * 429 `message` gives (it receives "N giây" or "N phút"), with Retry-After, or the store's own error.
 */
export async function consumeAll(checks: [RateLimiterAbstract, string][], message: (wait: string) => string): Promise<void> {
  const results = await Promise.allSettled(checks.map(([limiter, key]) => limiter.consume(key)));
  const refused = results.flatMap((r) => (r.status === 'rejected' ? [r.reason as unknown] : []));
  if (refused.length === 0) return;
  const error = refused.find((e) => !(e instanceof RateLimiterRes));
  if (error) throw error;
  throw tooMany(Math.max(...(refused as RateLimiterRes[]).map((r) => r.msBeforeNext)), message);
}

/** A 429 whose body says how long to wait; the error filter turns retryAfterSeconds into Retry-After. */
export function tooMany(msBeforeNext: number, message: (wait: string) => string): HttpException {
  const seconds = Math.max(1, Math.ceil(msBeforeNext / 1000));
  const wait = seconds >= 120 ? `${Math.ceil(seconds / 60)} phút` : `${seconds} giây`;
  return new HttpException({ message: message(wait), details: { retryAfterSeconds: seconds } }, HttpStatus.TOO_MANY_REQUESTS);
}
