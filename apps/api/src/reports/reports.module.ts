import { ReportsDataModule } from '@app/reports';
import { RolloutModule } from '@app/rollout';
import { Module } from '@nestjs/common';
import { DispatchesModule } from '../dispatches/dispatches.module.js';
import { UnitsModule } from '../units/units.module.js';
import { ReportExportsController } from './exports/report-exports.controller.js';
import { ReportExportsService } from './exports/report-exports.service.js';
import { ReportAccess } from './report-access.service.js';
import { ReportsController } from './reports.controller.js';
import { ChaseLetterService } from './usecases/chase-letter.service.js';
import { DashboardService } from './usecases/dashboard.service.js';
import { DispatchReportService } from './usecases/dispatch-report.service.js';
import { ScorecardService } from './usecases/scorecard.service.js';

@Module({
  imports: [DispatchesModule, UnitsModule, ReportsDataModule, RolloutModule],
  controllers: [ReportsController, ReportExportsController],
  providers: [ReportAccess, DispatchReportService, DashboardService, ScorecardService, ChaseLetterService, ReportExportsService],
  exports: [ReportAccess],
})
export class ReportsModule {}
