import { Role } from '@app/database';
import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../auth/actor.js';
import { Client, type ClientInfo } from '../auth/client-info.decorator.js';
import { CurrentUser, Roles } from '../auth/decorators.js';
import { CreateUnitDto, ListUnitsQuery, MoveUnitDto, UpdateUnitDto } from './dto/unit.dto.js';
import { UnitsService } from './units.service.js';
import { ApiObjectResponse } from '../openapi/api-responses.js';

@ApiTags('units')
@ApiBearerAuth()
@Controller('units')
export class UnitsController {
  constructor(private readonly units: UnitsService) {}

  @ApiObjectResponse('list')
  @Get()
  list(@CurrentUser() actor: Actor, @Query() query: ListUnitsQuery) {
    return this.units.list(actor, query);
  }

  @ApiObjectResponse('get')
  @Get(':id')
  get(@CurrentUser() actor: Actor, @Param('id', ParseUUIDPipe) id: string) {
    return this.units.get(actor, id);
  }

  @ApiObjectResponse('create', 201)
  @Post()
  @Roles(Role.Leader)
  create(@CurrentUser() actor: Actor, @Body() dto: CreateUnitDto, @Client() client: ClientInfo) {
    return this.units.create(actor, dto, client.ip);
  }

  @ApiObjectResponse('update')
  @Patch(':id')
  @Roles(Role.Leader)
  update(@CurrentUser() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: UpdateUnitDto, @Client() client: ClientInfo) {
    return this.units.update(actor, id, dto, client.ip);
  }

  @ApiObjectResponse('deactivate', 201)
  @Post(':id/deactivate')
  @Roles(Role.Leader)
  deactivate(@CurrentUser() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Client() client: ClientInfo) {
    return this.units.deactivate(actor, id, client.ip);
  }

  @ApiObjectResponse('move', 201)
  @Post(':id/move')
  @Roles(Role.Leader)
  move(@CurrentUser() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: MoveUnitDto, @Client() client: ClientInfo) {
    return this.units.move(actor, id, dto, client.ip);
  }
}
