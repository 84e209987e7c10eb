import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../auth/actor.js';
import { CurrentUser } from '../auth/decorators.js';
import { AuditQuery } from './dto/audit.query.js';
import { AuditReader } from './audit-reader.service.js';
import { ApiObjectResponse } from '../openapi/api-responses.js';

@ApiTags('audit')
@ApiBearerAuth()
@Controller('audit')
export class AuditController {
  constructor(private readonly reader: AuditReader) {}

  @ApiObjectResponse('list')
  @Get()
  list(@CurrentUser() actor: Actor, @Query() query: AuditQuery) {
    return this.reader.list(actor, query);
  }
}
