import { Body, Controller, Get, HttpCode, Post, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Actor } from './actor.js';
import { AuthService } from './auth.service.js';
import { CurrentUser, Public } from './decorators.js';
import { LoginDto } from './dto/login.dto.js';
import { LocalAuthGuard } from './guards.js';
import { LoginRateLimitGuard } from './login-rate-limit.guard.js';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Public()
  @Post('login')
  @HttpCode(200)
  @UseGuards(LoginRateLimitGuard, LocalAuthGuard)
  login(@Body() _body: LoginDto, @CurrentUser() actor: Actor) {
    return this.auth.login(actor);
  }

  @ApiBearerAuth()
  @Get('me')
  me(@CurrentUser() actor: Actor) {
    return actor;
  }
}
