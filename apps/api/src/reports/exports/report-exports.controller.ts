import { Body, Controller, Get, HttpCode, HttpStatus, Param, ParseUUIDPipe, Post, StreamableFile } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiConflictResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../../auth/actor.js';
import { CurrentUser } from '../../auth/decorators.js';
import { ReportExportDto, ReportExportRequestedDto, RequestReportExportDto } from './dto/report-export.dto.js';
import { exportDownload } from './export-download.js';
import { ReportExportsService } from './report-exports.service.js';
import { ApiFileResponse, ErrorBodyDto } from '../../openapi/api-responses.js';

/** Files of a dispatch's report (XLSX, CSV, PDF), made by the worker: request, follow, download. */
@ApiTags('reports')
@ApiBearerAuth()
@Controller()
export class ReportExportsController {
  constructor(private readonly exports: ReportExportsService) {}

  @Post('dispatches/:id/report/exports')
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiAcceptedResponse({ type: ReportExportRequestedDto, description: 'Queued; follow it at GET /report-exports/:id' })
  request(
    @CurrentUser() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: RequestReportExportDto,
  ): Promise<ReportExportRequestedDto> {
    return this.exports.request(actor, id, dto.format);
  }

  @ApiOkResponse({ type: ReportExportDto })
  @Get('report-exports/:id')
  status(@CurrentUser() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<ReportExportDto> {
    return this.exports.status(actor, id);
  }

  @ApiFileResponse('Tệp báo cáo (XLSX, CSV hoặc PDF)')
  @Get('report-exports/:id/download')
  @ApiConflictResponse({ type: ErrorBodyDto, description: 'The file is not ready (queued, running or failed)' })
  async download(@CurrentUser() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<StreamableFile> {
    return exportDownload(await this.exports.download(actor, id));
  }
}
