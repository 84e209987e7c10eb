import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Actor } from './actor.js';
import { AuthService } from './auth.service.js';
import { Client, type ClientInfo } from './client-info.decorator.js';
import { CurrentUser, Public } from './decorators.js';
import { LoginDto } from './dto/login.dto.js';
import { ActorDto, LoginResponseDto } from './dto/auth-responses.dto.js';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  /** No guard reads the body: the validation pipe checks it first, then the service limits and verifies. */
  @Public()
  @ApiOkResponse({ type: LoginResponseDto })
  @Post('login')
  @HttpCode(200)
  login(@Body() dto: LoginDto, @Client() client: ClientInfo) {
    return this.auth.login(dto, client);
  }

  @ApiBearerAuth()
  @ApiOkResponse({ type: ActorDto })
  @Get('me')
  me(@CurrentUser() actor: Actor) {
    return actor;
  }
}
