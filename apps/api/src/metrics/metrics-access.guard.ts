import { AppConfig } from '@app/config';
import { forbidden } from '@app/common';
import { bearerMatches } from '@app/observability';
import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { AccessTokenVerifier } from '../auth/access-token.js';
import { hasGlobalScope } from '../auth/actor.js';

/**
 * /api/metrics is for Prometheus (Authorization: Bearer METRICS_TOKEN) or a signed-in installation
 * admin (the figures are the whole installation's, not one province's). The
 * route is @Public() so the global JWT guard lets the scrape token through to this guard.
 */
@Injectable()
export class MetricsAccessGuard implements CanActivate {
  constructor(
    private readonly config: AppConfig,
    private readonly tokens: AccessTokenVerifier,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const req = context.switchToHttp().getRequest<Request>();
    if (bearerMatches(req.headers.authorization, this.config.METRICS_TOKEN)) return true;
    const actor = await this.tokens.actorOf(req.headers.authorization);
    if (!hasGlobalScope(actor))
      throw forbidden('Chỉ quản trị viên toàn hệ thống (hoặc máy chủ Prometheus có METRICS_TOKEN) được xem số liệu vận hành.');
    return true;
  }
}
