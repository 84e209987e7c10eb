import { ExportStatus, ReportExport } from '@app/database';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

/**
 * An export's own row (report_exports), as the worker moves it: running, done with its file, or
 * back to waiting / failed with why. On the main database, never the reports replica: the api reads
 * the row back to show the progress and hand out the file.
 */
@Injectable()
export class ReportExportRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  find(exportId: string): Promise<ReportExport | null> {
    return this.db.getRepository(ReportExport).findOne({ where: { id: exportId } });
  }

  async markRunning(exportId: string): Promise<void> {
    await this.db.query(`UPDATE report_exports SET status = $2, progress = 0, rows_done = 0, error = NULL WHERE id = $1`, [
      exportId,
      ExportStatus.Running,
    ]);
  }

  async markDone(exportId: string, file: { storageKey: string; fileName: string; sizeBytes: number }): Promise<void> {
    await this.db.query(
      `UPDATE report_exports SET status = $2, progress = 100, rows_done = COALESCE(rows_total, rows_done), storage_key = $3, file_name = $4,
              size_bytes = $5, error = NULL, finished_at = now() WHERE id = $1`,
      [exportId, ExportStatus.Done, file.storageKey, file.fileName, file.sizeBytes],
    );
  }

  /** Until the last try the row goes back to waiting, with the error kept for whoever looks. */
  async markFailed(exportId: string, error: string, lastTry: boolean): Promise<void> {
    await this.db.query(`UPDATE report_exports SET status = $2, error = $3, finished_at = CASE WHEN $4 THEN now() END WHERE id = $1`, [
      exportId,
      lastTry ? ExportStatus.Failed : ExportStatus.Queued,
      error,
      lastTry,
    ]);
  }

  async setTotal(exportId: string, rowsTotal: number): Promise<void> {
    await this.db.query(`UPDATE report_exports SET rows_total = $2 WHERE id = $1`, [exportId, rowsTotal]);
  }

  async setProgress(exportId: string, rowsDone: number, percent: number): Promise<void> {
    await this.db.query(`UPDATE report_exports SET rows_done = $2, progress = $3 WHERE id = $1`, [exportId, rowsDone, percent]);
  }
}
