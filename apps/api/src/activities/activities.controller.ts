import type { DispatchAttachmentUpload } from '@app/common';
import {
  Body,
  Controller,
  Get,
  HttpCode,
  Ip,
  Param,
  ParseUUIDPipe,
  Patch,
  Post,
  StreamableFile,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../auth/actor.js';
import { CurrentUser } from '../auth/decorators.js';
import { ActivityDto, ActivityHistoryDto, ActivityListDto, EvidenceDto } from './dto/activity-responses.dto.js';
import { CorrectActivityDto, ReportActivityDto, WithdrawActivityDto } from './dto/activity.dto.js';
import { UploadTooLargeInterceptor } from './upload-too-large.interceptor.js';
import { ActivityEvidenceService } from './usecases/activity-evidence.service.js';
import { CorrectActivityService } from './usecases/correct-activity.service.js';
import { ReportActivityService } from './usecases/report-activity.service.js';
import { WithdrawActivityService } from './usecases/withdraw-activity.service.js';
import { ActivityViews } from './views/activity-views.service.js';
import { ApiFileResponse } from '../openapi/api-responses.js';
import { ApiUploadErrorResponses } from '../openapi/api-error-responses.js';

/** Who may do what is decided by ActivityAccess / DeliveryAccess in the services, not here. */
@ApiTags('activities')
@ApiBearerAuth()
@Controller()
export class ActivitiesController {
  constructor(
    private readonly reporter: ReportActivityService,
    private readonly corrector: CorrectActivityService,
    private readonly withdrawer: WithdrawActivityService,
    private readonly evidence: ActivityEvidenceService,
    private readonly views: ActivityViews,
  ) {}

  @ApiCreatedResponse({ type: ActivityDto })
  @Post('deliveries/:deliveryId/activities')
  report(
    @CurrentUser() actor: Actor,
    @Param('deliveryId', ParseUUIDPipe) deliveryId: string,
    @Body() dto: ReportActivityDto,
    @Ip() ip: string,
  ): Promise<ActivityDto> {
    return this.reporter.report(actor, deliveryId, dto, ip);
  }

  @ApiOkResponse({ type: ActivityListDto })
  @Get('deliveries/:deliveryId/activities')
  list(@CurrentUser() actor: Actor, @Param('deliveryId', ParseUUIDPipe) deliveryId: string): Promise<ActivityListDto> {
    return this.views.list(actor, deliveryId);
  }

  @ApiOkResponse({ type: ActivityDto })
  @Get('activities/:id')
  get(@CurrentUser() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<ActivityDto> {
    return this.views.get(actor, id);
  }

  @ApiOkResponse({ type: ActivityDto })
  @Patch('activities/:id')
  correct(
    @CurrentUser() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: CorrectActivityDto,
    @Ip() ip: string,
  ): Promise<ActivityDto> {
    return this.corrector.correct(actor, id, dto, ip);
  }

  @ApiOkResponse({ type: ActivityDto })
  @Post('activities/:id/withdraw')
  @HttpCode(200)
  withdraw(
    @CurrentUser() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: WithdrawActivityDto,
    @Ip() ip: string,
  ): Promise<ActivityDto> {
    return this.withdrawer.withdraw(actor, id, dto, ip);
  }

  @ApiOkResponse({ type: ActivityHistoryDto })
  @Get('activities/:id/history')
  history(@CurrentUser() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<ActivityHistoryDto> {
    return this.views.history(actor, id);
  }

  @ApiCreatedResponse({ type: EvidenceDto })
  @ApiUploadErrorResponses()
  @Post('activities/:id/evidence')
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' } } } })
  @UseInterceptors(UploadTooLargeInterceptor, FileInterceptor('file'))
  addEvidence(
    @CurrentUser() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @UploadedFile() file: DispatchAttachmentUpload | undefined,
    @Ip() ip: string,
  ): Promise<EvidenceDto> {
    return this.evidence.add(actor, id, file, ip);
  }

  @ApiFileResponse('Tệp')
  @Get('activities/:id/evidence/:evidenceId')
  async download(
    @CurrentUser() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('evidenceId', ParseUUIDPipe) evidenceId: string,
  ): Promise<StreamableFile> {
    const f = await this.evidence.open(actor, id, evidenceId);
    return new StreamableFile(f.stream, {
      type: f.contentType,
      length: f.sizeBytes,
      disposition: `attachment; filename*=UTF-8''${encodeURIComponent(f.fileName)}`,
    });
  }
}
