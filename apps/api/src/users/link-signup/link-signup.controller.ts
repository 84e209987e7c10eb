import { Body, Controller, Param, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiTags } from '@nestjs/swagger';
import { Client, type ClientInfo } from '../../auth/client-info.decorator.js';
import { Public } from '../../auth/decorators.js';
import { CreateAccountByLinkService } from './create-account-by-link.service.js';
import { CreateLinkAccountDto, LinkAccountDto } from './link-account.dto.js';

/** "Tạo tài khoản cho đơn vị" from the e-mail link, with no login; 403 where no admin allowed it. */
@ApiTags('ack-links')
@Public()
@Controller('ack-links/:token/account')
export class LinkSignupController {
  constructor(private readonly accounts: CreateAccountByLinkService) {}

  @ApiCreatedResponse({ type: LinkAccountDto })
  @Post()
  create(@Param('token') token: string, @Body() dto: CreateLinkAccountDto, @Client() client: ClientInfo) {
    return this.accounts.create(token, dto, client);
  }
}
