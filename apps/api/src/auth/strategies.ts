import { AppConfig } from '@app/config';
import { Injectable, UnauthorizedException } from '@nestjs/common';
import { createSecretKey } from 'node:crypto';
import { PassportStrategy } from '@nestjs/passport';
import { ExtractJwt, Strategy as JwtStrategyBase } from 'passport-jwt';
import { Strategy as LocalStrategyBase } from 'passport-local';
import type { Actor } from './actor.js';
import { AuthService, JwtPayload } from './auth.service.js';

@Injectable()
export class LocalStrategy extends PassportStrategy(LocalStrategyBase) {
  constructor(private readonly auth: AuthService) {
    super({ usernameField: 'email', passwordField: 'password' });
  }

  async validate(email: string, password: string): Promise<Actor> {
    const actor = await this.auth.validateCredentials(email, password);
    if (!actor) throw new UnauthorizedException('Sai e-mail hoặc mật khẩu, hoặc tài khoản đã bị khóa.');
    return actor;
  }
}

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

  /** Reloads the user on every request, so a deactivated account or a moved unit takes effect at once. */
  async validate(payload: JwtPayload): Promise<Actor> {
    const actor = await this.auth.actorFor(payload.sub);
    if (!actor) throw new UnauthorizedException();
    return actor;
  }
}
