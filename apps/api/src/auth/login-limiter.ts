import { AppConfig } from '@app/config';
import { Injectable } from '@nestjs/common';
import { RateLimiterAbstract } from 'rate-limiter-flexible';
import { consumeAll, RateLimitStore, tooMany } from './rate-limit-store.js';

interface Limiters {
  account: RateLimiterAbstract;
  address: RateLimiterAbstract;
  pair: RateLimiterAbstract;
  spray: RateLimiterAbstract;
}

const LOGIN_REFUSED = (wait: string) => `Có quá nhiều lần đăng nhập sai. Vui lòng thử lại sau ${wait}.`;

/**
 * Login protection shared by every api process (counters in the RateLimitStore: Redis or PostgreSQL).
 * Three limits over LOGIN_WINDOW_SECONDS: failed logins per account (any address), per client address
 * (any account), and distinct accounts failed from one address (password spraying). Each attempt is
 * counted before the password is checked, so a burst of parallel guesses cannot slip through, and a
 * successful login gives its count back.
 */
@Injectable()
export class LoginLimiter {
  private readonly limiters: Limiters;

  constructor(config: AppConfig, store: RateLimitStore) {
    const make = (name: string, points: number) => store.limiter(`login:${name}`, points, config.LOGIN_WINDOW_SECONDS);
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
    if (sprayed && sprayed.consumedPoints >= spray.points) throw tooMany(sprayed.msBeforeNext, LOGIN_REFUSED);
    await consumeAll(
      [
        [account, email],
        [byAddress, address],
      ],
      LOGIN_REFUSED,
    );
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
}

const pairKey = (address: string, email: string) => `${address}|${email}`;
