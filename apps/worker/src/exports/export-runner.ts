import { Clock, FileStore } from '@app/common';
import { ExportFormat, ExportStatus, ReportExport } from '@app/database';
import { DispatchReportQuery, ExportRows, ReportExportRepository } from '@app/reports';
import { Injectable, Logger } from '@nestjs/common';
import { WorkerMetrics } from '../worker-metrics.js';
import { exportFileName, exportStorageKey } from './export-naming.js';
import { EXPORT_VI } from './export-text.vi.js';
import { CsvExportWriter } from './writers/csv-export.writer.js';
import type { ExportJob, ExportWriter } from './writers/export-writer.js';
import { PdfExportWriter } from './writers/pdf-export.writer.js';
import { XlsxExportWriter } from './writers/xlsx-export.writer.js';

export type ExportOutcome = 'done' | 'already-done' | 'missing';

/**
 * Produces one report_exports row's file: running, then done (with where the file is) or, once
 * the queue gives up, failed (with why). The file goes to one key per export through an atomic
 * write, so a retry or a duplicate job replaces it and never leaves a second or a partial file.
 */
@Injectable()
export class ExportRunner {
  private readonly logger = new Logger(ExportRunner.name);
  private readonly writers: Record<ExportFormat, ExportWriter>;

  constructor(
    private readonly exports: ReportExportRepository,
    private readonly reports: DispatchReportQuery,
    private readonly files: FileStore,
    private readonly clock: Clock,
    private readonly rows: ExportRows,
    private readonly metrics: WorkerMetrics,
    xlsx: XlsxExportWriter,
    csv: CsvExportWriter,
    pdf: PdfExportWriter,
  ) {
    this.writers = { [ExportFormat.Xlsx]: xlsx, [ExportFormat.Csv]: csv, [ExportFormat.Pdf]: pdf };
  }

  /** @param lastTry the queue will not retry after this attempt: a failure is final. */
  async run(exportId: string, lastTry: boolean): Promise<ExportOutcome> {
    const row = await this.exports.find(exportId);
    if (!row) return 'missing';
    if (row.status === ExportStatus.Done) return 'already-done';
    await this.exports.markRunning(exportId);
    const started = Date.now();
    try {
      const { fileName, size } = await this.produce(row);
      await this.exports.markDone(exportId, { storageKey: exportStorageKey(exportId, row.format), fileName, sizeBytes: size });
      this.logger.log(`Export ${exportId} (${row.format}): ${size} bytes in ${Date.now() - started} ms`);
      this.metrics.exportDuration.observe({ format: row.format, outcome: 'done' }, (Date.now() - started) / 1000);
      return 'done';
    } catch (e) {
      this.metrics.exportDuration.observe({ format: row.format, outcome: 'failed' }, (Date.now() - started) / 1000);
      const message = `${EXPORT_VI.failed}: ${(e as Error).message}`.slice(0, 1000);
      // Until the last try the row goes back to waiting, with the error kept for whoever looks.
      await this.exports.markFailed(exportId, message, lastTry);
      throw e;
    }
  }

  private async produce(row: ReportExport): Promise<{ fileName: string; size: number }> {
    // Report reads (header, figures, rows) go to the reports database; this export's own row stays on the main one.
    const dispatch = await this.rows.dispatchHeader(row.dispatchId);
    let total = 0;
    const job: ExportJob = {
      exportId: row.id,
      dispatchId: row.dispatchId,
      scopePath: row.scopePath,
      documentType: dispatch.documentType,
      now: this.clock.now(),
      loadReport: () => this.reports.run(row.dispatchId, row.scopePath ?? undefined),
      countDeliveries: () => this.rows.count(row.dispatchId, row.scopePath),
      progress: (done) => this.progress(row.id, done, total),
    };
    const prepared = await this.writers[row.format].prepare(job);
    total = prepared.rowsTotal;
    await this.exports.setTotal(row.id, total);
    const size = await this.files.putStream(exportStorageKey(row.id, row.format), prepared.render());
    return { fileName: exportFileName(dispatch.number, dispatch.symbol, row.format), size };
  }

  /** Below 100 until the file is stored: "done" is the row's status, not a percentage. */
  private async progress(exportId: string, done: number, total: number): Promise<void> {
    const percent = total > 0 ? Math.min(99, Math.floor((done / total) * 100)) : 0;
    await this.exports.setProgress(exportId, done, percent);
  }
}
