import { Module } from '@nestjs/common';
import { DashboardReport } from './dashboard.report.js';
import { DispatchReportQuery } from './dispatch-report.query.js';
import { ExportRows } from './export-rows.js';
import { LateUnitsReport } from './late-units.report.js';
import { ReportExportRepository } from './report-export.repository.js';
import { ReportsDatabase } from './reports-database.js';
import { UnitScorecardReport } from './unit-scorecard.report.js';

const PROVIDERS = [
  ReportsDatabase,
  DispatchReportQuery,
  DashboardReport,
  UnitScorecardReport,
  ExportRows,
  LateUnitsReport,
  ReportExportRepository,
];

/**
 * The report reads and the connection they go through (ReportsDatabase: the main database, or
 * REPORTS_DATABASE_URL). Nest keeps one instance of a module however many modules import it, so a
 * process opens at most one reports pool. LateUnitsReport reads the main database (a chase letter's
 * addressees must be current), and so does ReportExportRepository (an export's own row).
 */
@Module({ providers: PROVIDERS, exports: PROVIDERS })
export class ReportsDataModule {}
