import { Role } from '@app/database';
import { Controller, Get, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../auth/actor.js';
import { CurrentUser, Roles } from '../auth/decorators.js';
import { DashboardQuery, ScorecardQuery } from './dto/report.dto.js';
import { ChaseLetterService } from './usecases/chase-letter.service.js';
import { DashboardService } from './usecases/dashboard.service.js';
import { DispatchReportService } from './usecases/dispatch-report.service.js';
import { ScorecardService } from './usecases/scorecard.service.js';
import { ApiObjectResponse, ApiReportsDatabaseResponse } from '../openapi/api-responses.js';

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

  @ApiObjectResponse('report')
  @ApiReportsDatabaseResponse()
  @Get('dispatches/:id/report')
  report(@CurrentUser() actor: Actor, @Param('id', ParseUUIDPipe) id: string) {
    return this.reports.report(actor, id);
  }

  @ApiObjectResponse('list')
  @ApiReportsDatabaseResponse()
  @Get('reports/dashboard')
  list(@CurrentUser() actor: Actor, @Query() query: DashboardQuery) {
    return this.dashboard.list(actor, query);
  }

  @ApiObjectResponse('scorecard')
  @ApiReportsDatabaseResponse()
  @Get('reports/units/:unitId/scorecard')
  scorecard(@CurrentUser() actor: Actor, @Param('unitId', ParseUUIDPipe) unitId: string, @Query() query: ScorecardQuery) {
    return this.scorecards.forUnit(actor, unitId, query);
  }

  @ApiObjectResponse('chase', 201)
  @Post('dispatches/:id/chase')
  // Leaders of the issuing branch draft the chase letter as issuers do (DispatchAccess.requireManageable decides the branch).
  @Roles(Role.Issuer, Role.Leader)
  chase(@CurrentUser() actor: Actor, @Param('id', ParseUUIDPipe) id: string) {
    return this.chasing.draft(actor, id);
  }
}
