import { Role } from '@app/database';
import { ExecutionContext, ForbiddenException, Injectable, CanActivate } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Actor } from './actor.js';
import { AccessTokenVerifier } from './access-token.js';
import { IS_PUBLIC, ROLES } from './decorators.js';

/** Global: every route needs a valid JWT unless marked @Public(); the actor lands on req.user. */
@Injectable()
export class JwtAuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: AccessTokenVerifier,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const isPublic = this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [context.getHandler(), context.getClass()]);
    if (isPublic) return true;
    const req = context.switchToHttp().getRequest<{ headers: { authorization?: string }; user?: Actor }>();
    req.user = await this.tokens.actorOf(req.headers.authorization);
    return true;
  }
}

/** Global: enforces @Roles(); admins pass every role check. */
@Injectable()
export class RolesGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES, [context.getHandler(), context.getClass()]);
    if (!roles || roles.length === 0) return true;
    const user = context.switchToHttp().getRequest<{ user?: Actor }>().user;
    if (user && (user.role === Role.Admin || roles.includes(user.role))) return true;
    throw new ForbiddenException('Vai trò của bạn không được phép thực hiện thao tác này.');
  }
}
