import { Body, Controller, Get, HttpCode, HttpStatus, Param, ParseUUIDPipe, Post, StreamableFile } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiConflictResponse, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../../auth/actor.js';
import { CurrentUser } from '../../auth/decorators.js';
import { RequestReportExportDto, ReportExportView } from './dto/report-export.dto.js';
import { exportDownload } from './export-download.js';
import { ReportExportsService } from './report-exports.service.js';
import { ApiFileResponse } from '../../openapi/api-responses.js';

/** Files of a dispatch's report (XLSX, CSV, PDF), made by the worker: request, follow, download. */
@ApiTags('reports')
@ApiBearerAuth()
@Controller()
export class ReportExportsController {
  constructor(private readonly exports: ReportExportsService) {}

  @ApiFileResponse('Tệp')
  @Post('dispatches/:id/report/exports')
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiAcceptedResponse({ description: 'Queued; follow it at GET /report-exports/:id' })
  request(@CurrentUser() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: RequestReportExportDto) {
    return this.exports.request(actor, id, dto.format);
  }

  @ApiFileResponse('Tệp')
  @Get('report-exports/:id')
  status(@CurrentUser() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<ReportExportView> {
    return this.exports.status(actor, id);
  }

  @ApiFileResponse('Tệp')
  @Get('report-exports/:id/download')
  @ApiConflictResponse({ description: 'The file is not ready (queued, running or failed)' })
  async download(@CurrentUser() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<StreamableFile> {
    return exportDownload(await this.exports.download(actor, id));
  }
}
