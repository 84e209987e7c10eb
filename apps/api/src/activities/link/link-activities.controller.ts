import type { DispatchAttachmentUpload } from '@app/common';
import { Body, Controller, Get, Param, ParseUUIDPipe, Post, StreamableFile, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBody, ApiConsumes, ApiCreatedResponse, ApiTags } from '@nestjs/swagger';
import { Client, type ClientInfo } from '../../auth/client-info.decorator.js';
import { Public } from '../../auth/decorators.js';
import { ReportActivityDto } from '../dto/activity.dto.js';
import { UploadTooLargeInterceptor } from '../upload-too-large.interceptor.js';
import { LinkActivitiesService } from './link-activities.service.js';
import { ApiFileResponse } from '../../openapi/api-responses.js';
import { ApiLinkGoneResponse, ApiUploadErrorResponses } from '../../openapi/api-error-responses.js';
import { ActivityDto, EvidenceDto } from '../dto/activity-responses.dto.js';

/** "Báo cáo kết quả" from the e-mail link, with no account: the signed token scopes everything to its delivery. */
@ApiTags('ack-links')
@Public()
@Controller('ack-links/:token/activities')
export class LinkActivitiesController {
  constructor(private readonly links: LinkActivitiesService) {}

  @ApiCreatedResponse({ type: ActivityDto })
  @ApiLinkGoneResponse()
  @Post()
  report(@Param('token') token: string, @Body() dto: ReportActivityDto, @Client() client: ClientInfo): Promise<ActivityDto> {
    return this.links.report(token, dto, client);
  }

  @ApiCreatedResponse({ type: EvidenceDto })
  @ApiLinkGoneResponse()
  @ApiUploadErrorResponses()
  @Post(':id/evidence')
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' } } } })
  @UseInterceptors(UploadTooLargeInterceptor, FileInterceptor('file'))
  addEvidence(
    @Param('token') token: string,
    @Param('id', ParseUUIDPipe) id: string,
    @UploadedFile() file: DispatchAttachmentUpload | undefined,
    @Client() client: ClientInfo,
  ): Promise<EvidenceDto> {
    return this.links.addEvidence(token, id, file, client);
  }

  @ApiFileResponse('Tệp')
  @ApiLinkGoneResponse()
  @Get(':id/evidence/:evidenceId')
  async download(
    @Param('token') token: string,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('evidenceId', ParseUUIDPipe) evidenceId: string,
    @Client() client: ClientInfo,
  ): Promise<StreamableFile> {
    const f = await this.links.openEvidence(token, id, evidenceId, client);
    return new StreamableFile(f.stream, {
      type: f.contentType,
      length: f.sizeBytes,
      disposition: `attachment; filename*=UTF-8''${encodeURIComponent(f.fileName)}`,
    });
  }
}
