import { AppConfig } from '@app/config';
import { CanActivate, ExecutionContext, HttpException, HttpStatus, Injectable } from '@nestjs/common';
import type { Request } from 'express';

const WINDOW_MS = 60_000;

/**
 * Limits login attempts per client address and e-mail tried (LOGIN_RATE_LIMIT a minute), so one
 * attacker cannot lock everybody out. The counters live in this process: with several api
 * instances behind a balancer each keeps its own, which still bounds guessing per instance.
 * (@nestjs/throttler is CommonJS and cannot load Nest 12's ESM packages under Jest.)
 */
@Injectable()
export class LoginRateLimitGuard implements CanActivate {
  private readonly attempts = new Map<string, number[]>();

  constructor(private readonly config: AppConfig) {}

  canActivate(context: ExecutionContext): boolean {
    const req = context.switchToHttp().getRequest<Request>();
    const body = (req.body ?? {}) as { email?: unknown };
    const email = typeof body.email === 'string' ? body.email.trim().toLowerCase() : '';
    const key = `${req.ip}|${email}`;
    const now = Date.now();
    const recent = (this.attempts.get(key) ?? []).filter((t) => now - t < WINDOW_MS);
    if (recent.length >= this.config.LOGIN_RATE_LIMIT) {
      const retryAfter = Math.ceil((recent[0] + WINDOW_MS - now) / 1000);
      throw new HttpException(
        {
          message: `Bạn đã đăng nhập sai quá nhiều lần. Vui lòng thử lại sau ${retryAfter} giây.`,
          details: { retryAfterSeconds: retryAfter },
        },
        HttpStatus.TOO_MANY_REQUESTS,
      );
    }
    recent.push(now);
    this.attempts.set(key, recent);
    if (this.attempts.size > 10_000) this.prune(now);
    return true;
  }

  private prune(now: number): void {
    for (const [key, times] of this.attempts) if (times.every((t) => now - t >= WINDOW_MS)) this.attempts.delete(key);
  }
}
