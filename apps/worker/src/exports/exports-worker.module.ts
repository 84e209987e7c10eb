import { Clock, FileStore } from '@app/common';
import { ReportsDataModule } from '@app/reports';
import { Module } from '@nestjs/common';
import { ExportRunner } from './export-runner.js';
import { ReportExportProcessor } from './report-export.processor.js';
import { CsvExportWriter } from './writers/csv-export.writer.js';
import { PdfExportWriter } from './writers/pdf-export.writer.js';
import { XlsxExportWriter } from './writers/xlsx-export.writer.js';

/** Produces report exports (XLSX, CSV, PDF): the reports queue's consumer. */
@Module({
  imports: [ReportsDataModule],
  providers: [Clock, FileStore, XlsxExportWriter, CsvExportWriter, PdfExportWriter, ExportRunner, ReportExportProcessor],
})
export class ExportsWorkerModule {}
