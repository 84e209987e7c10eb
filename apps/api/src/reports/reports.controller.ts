import { Page } from '@app/common';
import { Role } from '@app/database';
import { Controller, Get, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../auth/actor.js';
import { CurrentUser, Roles } from '../auth/decorators.js';
import { DashboardQuery, ScorecardQuery } from './dto/report.dto.js';
import { ChaseLetterService } from './usecases/chase-letter.service.js';
import { DashboardService } from './usecases/dashboard.service.js';
import { DispatchReportService } from './usecases/dispatch-report.service.js';
import { ScorecardService } from './usecases/scorecard.service.js';
import { ApiPageResponse, ApiReportsDatabaseResponse } from '../openapi/api-responses.js';
import { ChaseLetterDraftDto, DashboardRowDto, DispatchReportDto, ScorecardDto } from './dto/report-responses.dto.js';

/** Compliance reports for leadership: per dispatch, the dashboard list, per-unit scorecards, chasing. */
@ApiTags('reports')
@ApiBearerAuth()
@Controller()
export class ReportsController {
  constructor(
    private readonly reports: DispatchReportService,
    private readonly dashboard: DashboardService,
    private readonly scorecards: ScorecardService,
    private readonly chasing: ChaseLetterService,
  ) {}

  @ApiOkResponse({ type: DispatchReportDto })
  @ApiReportsDatabaseResponse()
  @Get('dispatches/:id/report')
  report(@CurrentUser() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<DispatchReportDto> {
    return this.reports.report(actor, id);
  }

  @ApiPageResponse(DashboardRowDto, 'Công văn trong phạm vi, kèm số liệu triển khai')
  @ApiReportsDatabaseResponse()
  @Get('reports/dashboard')
  list(@CurrentUser() actor: Actor, @Query() query: DashboardQuery): Promise<Page<DashboardRowDto>> {
    return this.dashboard.list(actor, query);
  }

  @ApiOkResponse({ type: ScorecardDto })
  @ApiReportsDatabaseResponse()
  @Get('reports/units/:unitId/scorecard')
  scorecard(
    @CurrentUser() actor: Actor,
    @Param('unitId', ParseUUIDPipe) unitId: string,
    @Query() query: ScorecardQuery,
  ): Promise<ScorecardDto> {
    return this.scorecards.forUnit(actor, unitId, query);
  }

  @ApiCreatedResponse({ type: ChaseLetterDraftDto })
  @Post('dispatches/:id/chase')
  // Leaders of the issuing branch draft the chase letter as issuers do (DispatchAccess.requireManageable decides the branch).
  @Roles(Role.Issuer, Role.Leader)
  chase(@CurrentUser() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<ChaseLetterDraftDto> {
    return this.chasing.draft(actor, id);
  }
}
