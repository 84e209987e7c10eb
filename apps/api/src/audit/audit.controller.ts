import type { Page } from '@app/common';
import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../auth/actor.js';
import { CurrentUser } from '../auth/decorators.js';
import { AuditQuery } from './dto/audit.query.js';
import { AuditReader } from './audit-reader.service.js';
import { ApiPageResponse } from '../openapi/api-responses.js';
import { AuditEventDto } from './dto/audit-event.dto.js';

@ApiTags('audit')
@ApiBearerAuth()
@Controller('audit')
export class AuditController {
  constructor(private readonly reader: AuditReader) {}

  @ApiPageResponse(AuditEventDto, 'Nhật ký thao tác, cũ nhất trước')
  @Get()
  list(@CurrentUser() actor: Actor, @Query() query: AuditQuery): Promise<Page<AuditEventDto>> {
    return this.reader.list(actor, query);
  }
}
