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

interface Limiters {
  account: RateLimiterAbstract;
  address: RateLimiterAbstract;
  pair: RateLimiterAbstract;
  spray: RateLimiterAbstract;
}

/**
 * Login protection shared by every api process: counters live in Redis when the queues do
 * (REDIS_URL), otherwise in PostgreSQL (rate-limiter-flexible, table login_limits). Three limits
 * over LOGIN_WINDOW_SECONDS: failed logins per account (any address), per client address (any
 * account), and distinct accounts failed from one address (password spraying). Each attempt is
 * counted before the password is checked, so a burst of parallel guesses cannot slip through,
 * and a successful login gives its count back. If the store is unreachable an in-memory limiter
 * of the same shape stands in, so an outage neither opens the door nor locks everybody out.
 */
@Injectable()
export class LoginLimiter implements OnModuleDestroy {
  private readonly redis?: Redis;
  private readonly limiters: Limiters;

  constructor(config: AppConfig, @InjectDataSource() db: DataSource) {
    const duration = config.LOGIN_WINDOW_SECONDS;
    const prefix = `${config.QUEUE_PREFIX}:login`;
    let store: Partial<IRateLimiterStoreOptions> & { tableName?: string; tableCreated?: boolean; storeType?: string };
    if (config.REDIS_URL) {
      this.redis = new Redis(config.REDIS_URL, { maxRetriesPerRequest: 1, enableOfflineQueue: false, lazyConnect: false });
      this.redis.on('error', () => undefined); // the insurance limiter covers an outage; BullMQ logs Redis trouble
      store = { storeClient: this.redis };
    } else {
      // TypeORM's pg pool; the table comes from a migration.
      store = { storeClient: db, storeType: 'typeorm', tableName: LOGIN_LIMITS_TABLE, tableCreated: true };
    }
    const make = (name: string, points: number): RateLimiterAbstract => {
      const opts = { keyPrefix: `${prefix}:${name}`, points, duration };
      const insuranceLimiter = new RateLimiterMemory(opts);
      return config.REDIS_URL
        ? new RateLimiterRedis({ ...store, ...opts, insuranceLimiter } as IRateLimiterStoreOptions)
        : new RateLimiterPostgres({ ...store, ...opts, insuranceLimiter } as IRateLimiterStoreOptions);
    };
    this.limiters = {
      account: make('account', config.LOGIN_RATE_LIMIT),
      address: make('address', config.LOGIN_ADDRESS_LIMIT),
      // The pair limiter only tells whether this (address, account) already failed in the window.
      pair: make('pair', Number.MAX_SAFE_INTEGER),
      spray: make('spray', config.LOGIN_SPRAY_LIMIT),
    };
  }

  /** Counts one attempt, or refuses it with 429 when a limit is spent. */
  async attempt(address: string, email: string): Promise<void> {
    const { account, address: byAddress, spray } = this.limiters;
    const sprayed = await spray.get(address);
    if (sprayed && sprayed.consumedPoints >= spray.points) throw tooMany(sprayed.msBeforeNext);
    const results = await Promise.allSettled([account.consume(email), byAddress.consume(address)]);
    const refused = results.flatMap((r) => (r.status === 'rejected' ? [r.reason as unknown] : []));
    if (refused.length === 0) return;
    const error = refused.find((e) => !(e instanceof RateLimiterRes));
    if (error) throw error;
    throw tooMany(Math.max(...(refused as RateLimiterRes[]).map((r) => r.msBeforeNext)));
  }

  /** The password was right: the attempt does not count. */
  async succeeded(address: string, email: string): Promise<void> {
    await Promise.all([
      this.limiters.account.delete(email),
      this.limiters.address.reward(address, 1),
      this.limiters.pair.delete(pairKey(address, email)),
    ]);
  }

  /** The password was wrong: a first failure for this account from this address counts towards spraying. */
  async failed(address: string, email: string): Promise<void> {
    const pair = await this.limiters.pair.consume(pairKey(address, email));
    if (pair.consumedPoints === 1) await this.limiters.spray.penalty(address, 1);
  }

  async onModuleDestroy(): Promise<void> {
    await this.redis?.quit().catch(() => this.redis?.disconnect());
  }
}

const pairKey = (address: string, email: string) => `${address}|${email}`;

function tooMany(msBeforeNext: number): HttpException {
  const seconds = Math.max(1, Math.ceil(msBeforeNext / 1000));
  const wait = seconds >= 120 ? `${Math.ceil(seconds / 60)} phút` : `${seconds} giây`;
  return new HttpException(
    {
      message: `Có quá nhiều lần đăng nhập sai. Vui lòng thử lại sau ${wait}.`,
      details: { retryAfterSeconds: seconds },
    },
    HttpStatus.TOO_MANY_REQUESTS,
  );
}
