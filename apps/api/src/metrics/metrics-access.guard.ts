import { AppConfig } from '@app/config';
import { forbidden } from '@app/common';
import { bearerMatches } from '@app/observability';
import { ExecutionContext, Injectable } from '@nestjs/common';
import { AuthGuard } from '@nestjs/passport';
import type { Request } from 'express';
import { type Actor, hasGlobalScope } from '../auth/actor.js';

/**
 * /api/metrics is for Prometheus (Authorization: Bearer METRICS_TOKEN) or a signed-in installation
 * admin (the figures are the whole installation's, not one province's). The
 * route is @Public() so the global JWT guard lets the scrape token through to this guard.
 */
@Injectable()
export class MetricsAccessGuard extends AuthGuard('jwt') {
  constructor(private readonly config: AppConfig) {
    super();
  }

  override async canActivate(context: ExecutionContext): Promise<boolean> {
    const req = context.switchToHttp().getRequest<Request & { user?: Actor }>();
    if (bearerMatches(req.headers.authorization, this.config.METRICS_TOKEN)) return true;
    await super.canActivate(context);
    if (!req.user || !hasGlobalScope(req.user))
      throw forbidden('Chỉ quản trị viên toàn hệ thống (hoặc máy chủ Prometheus có METRICS_TOKEN) được xem số liệu vận hành.');
    return true;
  }
}
