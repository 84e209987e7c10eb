import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../auth/actor.js';
import { Client, type ClientInfo } from '../auth/client-info.decorator.js';
import { CurrentUser } from '../auth/decorators.js';
import { AcknowledgeDto, ForwardDto, InboxQuery, ProxyAcknowledgeDto, RefuseDto } from './dto/delivery-actions.dto.js';
import { AcknowledgeDeliveryService } from './usecases/acknowledge-delivery.service.js';
import { RemindDeliveryService } from './usecases/remind-delivery.service.js';
import { CompleteDeliveryService } from './usecases/complete-delivery.service.js';
import { ForwardDeliveryService } from './usecases/forward-delivery.service.js';
import { RefuseDeliveryService } from './usecases/refuse-delivery.service.js';
import { DeliveryViewsService } from './views/delivery-views.service.js';
import { ApiPageResponse } from '../openapi/api-responses.js';
import {
  AcknowledgementDto,
  CompletionDto,
  DeliveryDetailDto,
  ForwardResultDto,
  InboxItemDto,
  RefusalDto,
  ReminderResultDto,
} from './dto/delivery-responses.dto.js';

/** What a recipient unit does with a dispatch it received. */
@ApiTags('deliveries')
@ApiBearerAuth()
@Controller()
export class DeliveriesController {
  constructor(
    private readonly views: DeliveryViewsService,
    private readonly acks: AcknowledgeDeliveryService,
    private readonly refusals: RefuseDeliveryService,
    private readonly forwards: ForwardDeliveryService,
    private readonly completions: CompleteDeliveryService,
    private readonly reminders: RemindDeliveryService,
  ) {}

  @ApiPageResponse(InboxItemDto, 'Công văn đến của đơn vị')
  @Get('inbox')
  inbox(@CurrentUser() actor: Actor, @Query() query: InboxQuery) {
    return this.views.inbox(actor, query);
  }

  @ApiOkResponse({ type: DeliveryDetailDto })
  @Get('deliveries/:id')
  get(@CurrentUser() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<DeliveryDetailDto> {
    return this.views.get(actor, id);
  }

  @ApiOkResponse({ type: AcknowledgementDto })
  @Post('deliveries/:id/acknowledge')
  @HttpCode(200)
  acknowledge(
    @CurrentUser() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: AcknowledgeDto,
    @Client() client: ClientInfo,
  ) {
    return this.acks.byUser(actor, id, dto.name, client);
  }

  @ApiOkResponse({ type: AcknowledgementDto })
  @Post('deliveries/:id/proxy-acknowledge')
  @HttpCode(200)
  proxy(
    @CurrentUser() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: ProxyAcknowledgeDto,
    @Client() client: ClientInfo,
  ) {
    return this.acks.byProxy(actor, id, dto, client);
  }

  @ApiOkResponse({ type: RefusalDto })
  @Post('deliveries/:id/refuse')
  @HttpCode(200)
  refuse(@CurrentUser() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: RefuseDto, @Client() client: ClientInfo) {
    return this.refusals.byUser(actor, id, dto, client);
  }

  @ApiCreatedResponse({ type: ForwardResultDto })
  @Post('deliveries/:id/forward')
  forward(@CurrentUser() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: ForwardDto, @Client() client: ClientInfo) {
    return this.forwards.forward(actor, id, dto, client.ip);
  }

  @ApiOkResponse({ type: CompletionDto })
  @Post('deliveries/:id/complete')
  @HttpCode(200)
  complete(@CurrentUser() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Client() client: ClientInfo) {
    return this.completions.complete(actor, id, client.ip);
  }

  /** "Nhắc": a reminder e-mail now, from a unit above the recipient or the issuing branch. */
  @ApiOkResponse({ type: ReminderResultDto })
  @Post('deliveries/:id/remind')
  @HttpCode(200)
  remind(@CurrentUser() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Client() client: ClientInfo) {
    return this.reminders.remind(actor, id, client.ip);
  }
}
