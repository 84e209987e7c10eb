import { Role } from '@app/database';
import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../auth/actor.js';
import { Client, type ClientInfo } from '../auth/client-info.decorator.js';
import { CurrentUser, Roles } from '../auth/decorators.js';
import { ReaddressDto } from './dto/delivery-actions.dto.js';
import { ReaddressDeliveryService } from './usecases/readdress-delivery.service.js';
import { DeliveryViewsService } from './views/delivery-views.service.js';
import { ReaddressResultDto, RolloutTreeDto } from './dto/delivery-responses.dto.js';

/** The issuer's view of how a dispatch rolled out, and re-addressing after a refusal. */
@ApiTags('dispatches')
@ApiBearerAuth()
@Controller('dispatches/:id')
export class DispatchRolloutController {
  constructor(
    private readonly views: DeliveryViewsService,
    private readonly readdressing: ReaddressDeliveryService,
  ) {}

  @ApiOkResponse({ type: RolloutTreeDto })
  @Get('tree')
  @ApiQuery({ name: 'under', required: false, description: 'Only the branch below this delivery' })
  tree(
    @CurrentUser() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Query('under', new ParseUUIDPipe({ optional: true })) under?: string,
  ) {
    return this.views.tree(actor, id, under);
  }

  @ApiCreatedResponse({ type: ReaddressResultDto })
  @Post('deliveries/:deliveryId/readdress')
  @Roles(Role.Issuer)
  readdress(
    @CurrentUser() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('deliveryId', ParseUUIDPipe) deliveryId: string,
    @Body() dto: ReaddressDto,
    @Client() client: ClientInfo,
  ) {
    return this.readdressing.readdress(actor, id, deliveryId, dto.unitId, client.ip);
  }
}
