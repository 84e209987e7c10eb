import { Role } from '@app/database';
import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../auth/actor.js';
import { Client, type ClientInfo } from '../auth/client-info.decorator.js';
import { CurrentUser, Roles } from '../auth/decorators.js';
import { CreateUserDto, ListUsersQuery, UpdateUserDto } from './dto/user.dto.js';
import { UsersService } from './users.service.js';
import { ApiPageResponse } from '../openapi/api-responses.js';
import { UserDto } from './dto/user-responses.dto.js';

@ApiTags('users')
@ApiBearerAuth()
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @ApiPageResponse(UserDto, 'Tài khoản trong phạm vi')
  @Get()
  list(@CurrentUser() actor: Actor, @Query() query: ListUsersQuery) {
    return this.users.list(actor, query);
  }

  @ApiOkResponse({ type: UserDto })
  @Get(':id')
  get(@CurrentUser() actor: Actor, @Param('id', ParseUUIDPipe) id: string) {
    return this.users.get(actor, id);
  }

  @ApiCreatedResponse({ type: UserDto })
  @Post()
  @Roles(Role.Leader)
  create(@CurrentUser() actor: Actor, @Body() dto: CreateUserDto, @Client() client: ClientInfo) {
    return this.users.create(actor, dto, client.ip);
  }

  @ApiOkResponse({ type: UserDto })
  @Patch(':id')
  @Roles(Role.Leader)
  update(@CurrentUser() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: UpdateUserDto, @Client() client: ClientInfo) {
    return this.users.update(actor, id, dto, client.ip);
  }
}
