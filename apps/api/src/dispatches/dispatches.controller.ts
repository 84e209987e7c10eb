import { Role } from '@app/database';
import type { DispatchAttachmentUpload, Page } from '@app/common';
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
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
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
import { ApiFileResponse, ApiPageResponse } from '../openapi/api-responses.js';
import { ApiUploadErrorResponses } from '../openapi/api-error-responses.js';
import {
  AddRecipientsResultDto,
  DispatchAttachmentDto,
  DispatchDetailDto,
  DispatchListItemDto,
  DispatchStateDto,
  PublishResultDto,
  RecipientPreviewDto,
  RecipientUnitListDto,
  ResendResultDto,
  RolloutRowDto,
} from './dto/dispatch-responses.dto.js';

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
  @ApiOkResponse({ type: RecipientUnitListDto })
  @Get('recipient-units')
  @Roles(Role.Issuer, Role.Leader)
  recipientUnitList(@CurrentUser() actor: Actor): Promise<RecipientUnitListDto> {
    return this.recipientUnits.list(actor);
  }

  @ApiCreatedResponse({ type: DispatchDetailDto })
  @Post()
  @Roles(Role.Issuer)
  async create(@CurrentUser() actor: Actor, @Body() dto: CreateDispatchDto): Promise<DispatchDetailDto> {
    return this.views.get(actor, await this.drafts.create(actor, dto));
  }

  @ApiPageResponse(DispatchListItemDto, 'Công văn đi, mới nhất trước')
  @Get()
  list(@CurrentUser() actor: Actor, @Query() query: ListDispatchesQuery): Promise<Page<DispatchListItemDto>> {
    return this.views.list(actor, query);
  }

  @ApiOkResponse({ type: DispatchDetailDto })
  @Get(':id')
  get(@CurrentUser() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<DispatchDetailDto> {
    return this.views.get(actor, id);
  }

  @ApiOkResponse({ type: DispatchDetailDto })
  @Patch(':id')
  @Roles(Role.Issuer, Role.Leader)
  async update(
    @CurrentUser() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: UpdateDispatchDto,
  ): Promise<DispatchDetailDto> {
    await this.drafts.update(actor, id, dto);
    return this.views.get(actor, id);
  }

  @ApiOkResponse({ type: RecipientPreviewDto })
  @Get(':id/recipients/preview')
  preview(@CurrentUser() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Query() query: PreviewQuery): Promise<RecipientPreviewDto> {
    return this.recipients.preview(actor, id, query);
  }

  @ApiOkResponse({ type: PublishResultDto })
  @Post(':id/publish')
  @HttpCode(200)
  @Roles(Role.Issuer, Role.Leader)
  publish(@CurrentUser() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<PublishResultDto> {
    return this.publisher.publish(actor, id);
  }

  @ApiOkResponse({ type: DispatchStateDto })
  @Post(':id/close')
  @HttpCode(200)
  @Roles(Role.Issuer)
  close(@CurrentUser() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Client() client: ClientInfo): Promise<DispatchStateDto> {
    return this.closing.close(actor, id, client.ip);
  }

  @ApiCreatedResponse({ type: AddRecipientsResultDto })
  @Post(':id/recipients')
  @Roles(Role.Issuer)
  addRecipients(
    @CurrentUser() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: AddRecipientsDto,
  ): Promise<AddRecipientsResultDto> {
    return this.recipients.add(actor, id, dto);
  }

  @ApiPageResponse(RolloutRowDto, 'Lượt gửi của công văn, theo cây đơn vị, với từng e-mail')
  @Get(':id/deliveries')
  deliveries(
    @CurrentUser() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Query() query: ListDeliveriesQuery,
  ): Promise<Page<RolloutRowDto>> {
    return this.views.deliveries(actor, id, query);
  }

  @ApiCreatedResponse({ type: ResendResultDto })
  @Post(':id/deliveries/:deliveryId/resend')
  @Roles(Role.Issuer)
  resend(
    @CurrentUser() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('deliveryId', ParseUUIDPipe) deliveryId: string,
  ): Promise<ResendResultDto> {
    return this.recipients.resend(actor, id, deliveryId);
  }

  @ApiCreatedResponse({ type: DispatchAttachmentDto })
  @ApiUploadErrorResponses()
  @Post(':id/attachments')
  @Roles(Role.Issuer)
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' } } } })
  @UseInterceptors(FileInterceptor('file'))
  addAttachment(
    @CurrentUser() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @UploadedFile() file: DispatchAttachmentUpload | undefined,
  ): Promise<DispatchAttachmentDto> {
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
