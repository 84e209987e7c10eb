import { RolloutModule } from '@app/rollout';
import { User } from '@app/database';
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthModule } from '../auth/auth.module.js';
import { CreateAccountByLinkService } from './link-signup/create-account-by-link.service.js';
import { LinkSignupLimiter } from './link-signup/link-signup-limiter.js';
import { LinkSignupController } from './link-signup/link-signup.controller.js';
import { UsersController } from './users.controller.js';
import { UsersService } from './users.service.js';

@Module({
  imports: [TypeOrmModule.forFeature([User]), AuthModule, RolloutModule],
  controllers: [UsersController, LinkSignupController],
  providers: [UsersService, CreateAccountByLinkService, LinkSignupLimiter],
})
export class UsersModule {}
