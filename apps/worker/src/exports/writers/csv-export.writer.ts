import { ExportFormat } from '@app/database';
import { ExportRows, LEVELS } from '@app/reports';
import { Injectable } from '@nestjs/common';
import { Readable } from 'node:stream';
import { DELIVERY_COLUMNS } from '../export-columns.js';
import { BOM, csvField, csvLine } from './csv-line.js';
import type { ExportJob, ExportWriter, PreparedExport } from './export-writer.js';

/** One row per delivery, grouped by level, UTF-8 with BOM, RFC 4180 quoting, Vietnamese headers. */
@Injectable()
export class CsvExportWriter implements ExportWriter {
  readonly format = ExportFormat.Csv;

  constructor(private readonly rows: ExportRows) {}

  /** Needs no report figures: a count for the progress, then the rows. */
  async prepare(job: ExportJob): Promise<PreparedExport> {
    // Readable.from pulls the generator only as fast as the file takes the bytes.
    return { rowsTotal: await job.countDeliveries(), render: () => Readable.from(this.lines(job)) };
  }

  private async *lines(job: ExportJob): AsyncGenerator<string> {
    yield BOM + csvLine(DELIVERY_COLUMNS.map((c) => csvField(c.header, 'text')));
    let done = 0;
    for (const level of LEVELS) {
      for await (const batch of this.rows.deliveries(job.dispatchId, job.scopePath, level)) {
        let chunk = '';
        for (const row of batch) {
          done += 1;
          chunk += csvLine(DELIVERY_COLUMNS.map((c) => csvField(c.value(row, done), c.kind)));
        }
        yield chunk;
        await job.progress(done);
      }
    }
  }
}
