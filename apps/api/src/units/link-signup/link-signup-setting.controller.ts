import { Role } from '@app/database';
import { Body, Controller, Get, Param, ParseUUIDPipe, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../../auth/actor.js';
import { Client, type ClientInfo } from '../../auth/client-info.decorator.js';
import { CurrentUser, Roles } from '../../auth/decorators.js';
import { SetLinkSignupDto, UnitLinkSignupDto } from './link-signup-setting.dto.js';
import { LinkSignupSettingService } from './link-signup-setting.service.js';

/** "Cho phép đơn vị tự tạo tài khoản qua liên kết": read in scope, set by admins. */
@ApiTags('units')
@ApiBearerAuth()
@Controller('units/:id/link-signup')
export class LinkSignupSettingController {
  constructor(private readonly settings: LinkSignupSettingService) {}

  @ApiOkResponse({ type: UnitLinkSignupDto })
  @Get()
  get(@CurrentUser() actor: Actor, @Param('id', ParseUUIDPipe) id: string) {
    return this.settings.get(actor, id);
  }

  @ApiOkResponse({ type: UnitLinkSignupDto })
  @Put()
  @Roles(Role.Admin)
  set(@CurrentUser() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: SetLinkSignupDto, @Client() client: ClientInfo) {
    return this.settings.set(actor, id, dto, client.ip);
  }
}
