import { AppConfig } from '@app/config';
import { forbidden } from '@app/common';
import { Role } from '@app/database';
import { bearerMatches } from '@app/observability';
import { ExecutionContext, Injectable } from '@nestjs/common';
import { AuthGuard } from '@nestjs/passport';
import type { Request } from 'express';
import type { Actor } from '../auth/actor.js';

/**
 * /api/metrics is for Prometheus (Authorization: Bearer METRICS_TOKEN) or a signed-in admin. The
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
    if (req.user?.role !== Role.Admin)
      throw forbidden('Chỉ quản trị viên (hoặc máy chủ Prometheus có METRICS_TOKEN) được xem số liệu vận hành.');
    return true;
  }
}
