import { AppConfig } from '@app/config';
import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { AuthController } from './auth.controller.js';
import { AuthService } from './auth.service.js';
import { JwtAuthGuard, RolesGuard } from './guards.js';
import { LoginLimiter } from './login-limiter.js';
import { PasswordPolicy } from './password-policy.js';
import { PasswordService } from './password.service.js';
import { AccessTokenVerifier } from './access-token.js';
import { ActorCache } from './actor-cache.js';
import { RateLimitStore } from './rate-limit-store.js';

@Module({
  imports: [
    JwtModule.registerAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        secret: config.JWT_SECRET,
        signOptions: { expiresIn: config.JWT_EXPIRES_IN as `${number}h` },
      }),
    }),
  ],
  controllers: [AuthController],
  providers: [
    AuthService,
    PasswordService,
    PasswordPolicy,
    AccessTokenVerifier,
    ActorCache,
    RateLimitStore,
    LoginLimiter,
    { provide: APP_GUARD, useClass: JwtAuthGuard },
    { provide: APP_GUARD, useClass: RolesGuard },
  ],
  exports: [PasswordService, PasswordPolicy, AuthService, AccessTokenVerifier, ActorCache, RateLimitStore],
})
export class AuthModule {}
