import { Role } from '@app/database';
import type { DispatchAttachmentUpload } from '@app/common';
import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Patch,
  Post,
  Query,
  StreamableFile,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../auth/actor.js';
import { CurrentUser, Roles } from '../auth/decorators.js';
import {
  AddRecipientsDto,
  CreateDispatchDto,
  ListDeliveriesQuery,
  ListDispatchesQuery,
  ParseDispatchTextDto,
  PreviewQuery,
  UpdateDispatchDto,
} from './dto/dispatch.dto.js';
import { DispatchAttachmentsService } from './usecases/dispatch-attachments.service.js';
import { DispatchDraftsService } from './usecases/dispatch-drafts.service.js';
import { DispatchRecipientsService } from './usecases/dispatch-recipients.service.js';
import { PublishDispatchService } from './usecases/publish-dispatch.service.js';
import { ParseDispatchTextService } from './usecases/parse-dispatch-text.service.js';
import { RecipientUnitsService } from './recipients/recipient-units.service.js';
import { CloseDispatchService } from './usecases/close-dispatch.service.js';
import { Client, type ClientInfo } from '../auth/client-info.decorator.js';
import { DispatchViewsService } from './views/dispatch-views.service.js';
import { attachmentDownload } from './attachment-download.js';
import { ParsedDispatchTextDto } from './dto/dispatch-text.dto.js';
import { ApiObjectResponse, ApiFileResponse } from '../openapi/api-responses.js';

@ApiTags('dispatches')
@ApiBearerAuth()
@Controller('dispatches')
export class DispatchesController {
  constructor(
    private readonly drafts: DispatchDraftsService,
    private readonly views: DispatchViewsService,
    private readonly publisher: PublishDispatchService,
    private readonly recipients: DispatchRecipientsService,
    private readonly attachments: DispatchAttachmentsService,
    private readonly closing: CloseDispatchService,
    private readonly parser: ParseDispatchTextService,
    private readonly recipientUnits: RecipientUnitsService,
  ) {}

  @ApiOkResponse({ type: ParsedDispatchTextDto })
  @Post('parse-text')
  @HttpCode(200)
  @Roles(Role.Issuer, Role.Leader)
  parseText(@Body() dto: ParseDispatchTextDto): ParsedDispatchTextDto {
    return this.parser.parse(dto.text);
  }

  /** The units a dispatch can be addressed to, one by one: the acting units of the issuer's province. */
  @ApiObjectResponse('recipientUnitList')
  @Get('recipient-units')
  @Roles(Role.Issuer, Role.Leader)
  recipientUnitList(@CurrentUser() actor: Actor) {
    return this.recipientUnits.list(actor);
  }

  @ApiObjectResponse('create', 201)
  @Post()
  @Roles(Role.Issuer)
  async create(@CurrentUser() actor: Actor, @Body() dto: CreateDispatchDto) {
    return this.views.get(actor, await this.drafts.create(actor, dto));
  }

  @ApiObjectResponse('list')
  @Get()
  list(@CurrentUser() actor: Actor, @Query() query: ListDispatchesQuery) {
    return this.views.list(actor, query);
  }

  @ApiObjectResponse('get')
  @Get(':id')
  get(@CurrentUser() actor: Actor, @Param('id', ParseUUIDPipe) id: string) {
    return this.views.get(actor, id);
  }

  @ApiObjectResponse('update')
  @Patch(':id')
  @Roles(Role.Issuer, Role.Leader)
  async update(@CurrentUser() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: UpdateDispatchDto) {
    await this.drafts.update(actor, id, dto);
    return this.views.get(actor, id);
  }

  @ApiObjectResponse('preview')
  @Get(':id/recipients/preview')
  preview(@CurrentUser() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Query() query: PreviewQuery) {
    return this.recipients.preview(actor, id, query);
  }

  @ApiObjectResponse('publish')
  @Post(':id/publish')
  @HttpCode(200)
  @Roles(Role.Issuer, Role.Leader)
  publish(@CurrentUser() actor: Actor, @Param('id', ParseUUIDPipe) id: string) {
    return this.publisher.publish(actor, id);
  }

  @ApiObjectResponse('close')
  @Post(':id/close')
  @HttpCode(200)
  @Roles(Role.Issuer)
  close(@CurrentUser() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Client() client: ClientInfo) {
    return this.closing.close(actor, id, client.ip);
  }

  @ApiObjectResponse('addRecipients', 201)
  @Post(':id/recipients')
  @Roles(Role.Issuer)
  addRecipients(@CurrentUser() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: AddRecipientsDto) {
    return this.recipients.add(actor, id, dto);
  }

  @ApiObjectResponse('deliveries')
  @Get(':id/deliveries')
  deliveries(@CurrentUser() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Query() query: ListDeliveriesQuery) {
    return this.views.deliveries(actor, id, query);
  }

  @ApiObjectResponse('resend', 201)
  @Post(':id/deliveries/:deliveryId/resend')
  @Roles(Role.Issuer)
  resend(@CurrentUser() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Param('deliveryId', ParseUUIDPipe) deliveryId: string) {
    return this.recipients.resend(actor, id, deliveryId);
  }

  @ApiObjectResponse('addAttachment', 201)
  @Post(':id/attachments')
  @Roles(Role.Issuer)
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' } } } })
  @UseInterceptors(FileInterceptor('file'))
  addAttachment(
    @CurrentUser() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @UploadedFile() file: DispatchAttachmentUpload | undefined,
  ) {
    return this.attachments.add(actor, id, file);
  }

  @ApiNoContentResponse({ description: 'removeAttachment' })
  @Delete(':id/attachments/:attachmentId')
  @HttpCode(204)
  @Roles(Role.Issuer)
  removeAttachment(
    @CurrentUser() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('attachmentId', ParseUUIDPipe) attachmentId: string,
  ) {
    return this.attachments.remove(actor, id, attachmentId);
  }

  @ApiFileResponse('Tệp')
  @Get(':id/attachments/:attachmentId')
  async download(
    @CurrentUser() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('attachmentId', ParseUUIDPipe) attachmentId: string,
  ): Promise<StreamableFile> {
    return attachmentDownload(await this.attachments.open(actor, id, attachmentId));
  }
}
