import { AppConfig } from '@app/config';
import { Injectable, UnauthorizedException } from '@nestjs/common';
import { createSecretKey } from 'node:crypto';
import { PassportStrategy } from '@nestjs/passport';
import { ExtractJwt, Strategy as JwtStrategyBase } from 'passport-jwt';
import type { Actor } from './actor.js';
import { AuthService, JwtPayload } from './auth.service.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

@Injectable()
export class JwtStrategy extends PassportStrategy(JwtStrategyBase) {
  constructor(
    config: AppConfig,
    private readonly auth: AuthService,
  ) {
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      // One KeyObject for the process. Given the secret as a string, jsonwebtoken first tries it as a
      // public key (createPublicKey throws) and then builds a secret key, on every request: 12.6 %
      // of the api's CPU under load. The typings say string | Buffer; jsonwebtoken takes a KeyObject.
      secretOrKey: createSecretKey(Buffer.from(config.JWT_SECRET)) as unknown as Buffer,
      algorithms: ['HS256'],
      ignoreExpiration: false,
    });
  }

  /**
   * Reloads the user on every request (one primary-key query), so a deactivated account or a moved
   * unit takes effect at once. A token must expire (exp; the library only checks it when present)
   * and carry the account's current token version: a password, role, unit or active change ends it.
   */
  async validate(payload: Partial<JwtPayload> & { purpose?: unknown }): Promise<Actor> {
    // A token of another purpose (the queue board's cookie) is signed with the same secret: never an access token.
    const valid =
      payload.purpose === undefined &&
      typeof payload.exp === 'number' &&
      Number.isInteger(payload.ver) &&
      typeof payload.sub === 'string' &&
      UUID.test(payload.sub);
    const actor = valid ? await this.auth.actorFor(payload as JwtPayload) : null;
    if (!actor) throw new UnauthorizedException('Phiên đăng nhập đã hết hạn hoặc đã kết thúc. Vui lòng đăng nhập lại.');
    return actor;
  }
}
