import { ExportFormat } from '@app/database';
import { type DispatchReport, ExportRows, LEVELS } from '@app/reports';
import { Injectable } from '@nestjs/common';
import ExcelJS from 'exceljs';
import { ACTIVITY_COLUMNS, DELIVERY_COLUMNS, type ExportColumn } from '../export-columns.js';
import { EXPORT_VI } from '../export-text.vi.js';
import { type ExportJob, type ExportWriter, type PreparedExport, produceInto } from './export-writer.js';
import { setCell, styleHeader } from './xlsx-cells.js';
import { writeSummarySheet } from './xlsx-summary-sheet.js';

/**
 * The workbook: "Tổng hợp", one listing per level, "Hoạt động". Written with ExcelJS's streaming
 * writer, one sheet after the other: the zip takes sheets in order, so a sheet left open while
 * another is written would sit in memory whole. Rows are committed as they are written.
 */
@Injectable()
export class XlsxExportWriter implements ExportWriter {
  readonly format = ExportFormat.Xlsx;

  constructor(private readonly rows: ExportRows) {}

  async prepare(job: ExportJob): Promise<PreparedExport> {
    const report = await job.loadReport();
    return { rowsTotal: report.total + report.activity.activities, render: () => produceInto((out) => this.write(job, report, out)) };
  }

  private async write(job: ExportJob, report: DispatchReport, out: NodeJS.WritableStream): Promise<void> {
    // Inline strings, not shared strings: the shared table would grow with every row until the end.
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out as never, useStyles: true, useSharedStrings: false });
    workbook.creator = report.dispatch.headerIssuer;
    workbook.created = job.now;
    writeSummarySheet(workbook, job, report);
    const counter = { done: 0 };
    for (const level of LEVELS) {
      await this.writeListing(
        workbook,
        EXPORT_VI.level[level],
        DELIVERY_COLUMNS,
        this.rows.deliveries(job.dispatchId, job.scopePath, level),
        job,
        counter,
      );
    }
    await this.writeListing(
      workbook,
      EXPORT_VI.sheet.activities,
      ACTIVITY_COLUMNS,
      this.rows.activities(job.dispatchId, job.scopePath),
      job,
      counter,
    );
    await workbook.commit();
  }

  private async writeListing<R>(
    workbook: ExcelJS.stream.xlsx.WorkbookWriter,
    name: string,
    columns: ExportColumn<R>[],
    batches: AsyncIterable<R[]>,
    job: ExportJob,
    counter: { done: number },
  ): Promise<void> {
    const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1, xSplit: 0 }] });
    sheet.columns = columns.map((c) => ({ width: c.width }));
    const header = sheet.addRow(columns.map((c) => c.header));
    styleHeader(header);
    header.commit();
    let n = 0;
    for await (const batch of batches) {
      for (const item of batch) {
        n += 1;
        const row = sheet.addRow([]);
        columns.forEach((c, i) => setCell(row.getCell(i + 1), c.value(item, n), c.kind, c.wrap));
        row.commit();
      }
      counter.done += batch.length;
      await job.progress(counter.done);
    }
    // Written when the sheet is committed, so it can span the rows now known.
    sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: n + 1, column: columns.length } };
    sheet.commit();
  }
}
