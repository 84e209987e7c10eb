import { AppConfig } from '@app/config';
import { Injectable } from '@nestjs/common';
import type { RateLimiterAbstract } from 'rate-limiter-flexible';
import { consumeAll, RateLimitStore } from '../../auth/rate-limit-store.js';

const WINDOW_SECONDS = 3600;
const REFUSED = (wait: string) => `Có quá nhiều lần tạo tài khoản qua liên kết này. Vui lòng thử lại sau ${wait}.`;

/**
 * Account creation through e-mail links, per link (LINK_SIGNUP_LIMIT an hour) and per client address
 * over every link (LINK_SIGNUP_ADDRESS_LIMIT an hour). Every attempt that reaches the use case counts,
 * refused or not: it bounds guessing which e-mails have accounts (a taken e-mail is a 409) and the
 * password hashing a stranger can make the api do.
 */
@Injectable()
export class LinkSignupLimiter {
  private readonly perLink: RateLimiterAbstract;
  private readonly perAddress: RateLimiterAbstract;

  constructor(config: AppConfig, store: RateLimitStore) {
    this.perLink = store.limiter('link-signup:link', config.LINK_SIGNUP_LIMIT, WINDOW_SECONDS);
    this.perAddress = store.limiter('link-signup:address', config.LINK_SIGNUP_ADDRESS_LIMIT, WINDOW_SECONDS);
  }

  attempt(deliveryId: string, address: string): Promise<void> {
    return consumeAll(
      [
        [this.perLink, deliveryId],
        [this.perAddress, address],
      ],
      REFUSED,
    );
  }
}
