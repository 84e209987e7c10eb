import { Role } from '@app/database';
import { Controller, HttpCode, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { Actor } from '../auth/actor.js';
import { CurrentUser, Roles } from '../auth/decorators.js';
import { QueueBoardAccess } from './queue-board-access.service.js';
import { QueueBoardSessionDto } from './queue-board-session.dto.js';

@ApiTags('operations')
@ApiBearerAuth()
@Controller('admin/queue-board')
export class QueueBoardController {
  constructor(private readonly access: QueueBoardAccess) {}

  /** Sets the 15-minute cookie that opens /admin/queues in this browser (installation admins). */
  @Roles(Role.Admin)
  @ApiOkResponse({ type: QueueBoardSessionDto })
  @Post('session')
  @HttpCode(200)
  async session(@CurrentUser() actor: Actor, @Res({ passthrough: true }) res: Response): Promise<QueueBoardSessionDto> {
    const { cookie, ...session } = await this.access.openSession(actor);
    res.setHeader('Set-Cookie', cookie);
    return session;
  }
}
