import { Role } from '@app/database';
import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../auth/actor.js';
import { Client, type ClientInfo } from '../auth/client-info.decorator.js';
import { CurrentUser, Roles } from '../auth/decorators.js';
import { CreateUnitDto, ListUnitsQuery, MoveUnitDto, UpdateUnitDto } from './dto/unit.dto.js';
import { UnitsService } from './units.service.js';
import { ApiPageResponse } from '../openapi/api-responses.js';
import { UnitDetailDto, UnitDto, UnitListItemDto } from './dto/unit-responses.dto.js';

@ApiTags('units')
@ApiBearerAuth()
@Controller('units')
export class UnitsController {
  constructor(private readonly units: UnitsService) {}

  @ApiPageResponse(UnitListItemDto, 'Đơn vị trong phạm vi')
  @Get()
  list(@CurrentUser() actor: Actor, @Query() query: ListUnitsQuery) {
    return this.units.list(actor, query);
  }

  @ApiOkResponse({ type: UnitDetailDto })
  @Get(':id')
  get(@CurrentUser() actor: Actor, @Param('id', ParseUUIDPipe) id: string) {
    return this.units.get(actor, id);
  }

  @ApiCreatedResponse({ type: UnitDto })
  @Post()
  @Roles(Role.Leader)
  create(@CurrentUser() actor: Actor, @Body() dto: CreateUnitDto, @Client() client: ClientInfo) {
    return this.units.create(actor, dto, client.ip);
  }

  @ApiOkResponse({ type: UnitDto })
  @Patch(':id')
  @Roles(Role.Leader)
  update(@CurrentUser() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: UpdateUnitDto, @Client() client: ClientInfo) {
    return this.units.update(actor, id, dto, client.ip);
  }

  @ApiCreatedResponse({ type: UnitDto })
  @Post(':id/deactivate')
  @Roles(Role.Leader)
  deactivate(@CurrentUser() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Client() client: ClientInfo) {
    return this.units.deactivate(actor, id, client.ip);
  }

  @ApiCreatedResponse({ type: UnitDto })
  @Post(':id/move')
  @Roles(Role.Leader)
  move(@CurrentUser() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: MoveUnitDto, @Client() client: ClientInfo) {
    return this.units.move(actor, id, dto, client.ip);
  }
}
