import type { ExportFormat } from '@app/database';
import type { DispatchReport } from '@app/reports';
import { PassThrough, type Readable } from 'node:stream';

/** What a writer needs to produce one export file. */
export interface ExportJob {
  exportId: string;
  dispatchId: string;
  /** Unit-path prefix the export is restricted to; null: the whole dispatch. */
  scopePath: string | null;
  /** "Công văn", "Kế hoạch"...: printed in the titles. */
  documentType: string;
  /** When the export is generated ("số liệu tính đến", the PDF's date line). */
  now: Date;
  /** The report of the dispatch in scope; only the formats that print its figures ask (it is the costly query). */
  loadReport(): Promise<DispatchReport>;
  /** Deliveries in scope. */
  countDeliveries(): Promise<number>;
  /** Rows written so far; called after each batch. */
  progress(rowsDone: number): Promise<void>;
}

export interface PreparedExport {
  /** Rows the progress counts toward. */
  rowsTotal: number;
  /** The file as a stream. Generation runs as the stream is consumed; a failure errors the stream. */
  render(): Readable;
}

export interface ExportWriter {
  readonly format: ExportFormat;
  /** Loads what the file needs before its first byte. */
  prepare(job: ExportJob): Promise<PreparedExport>;
}

/**
 * A stream fed by an async producer: for libraries (ExcelJS) that write into a stream we hand
 * them rather than give us one. The producer's failure errors the stream, so whoever stores the
 * stream sees the failure instead of a truncated file.
 */
export function produceInto(produce: (out: PassThrough) => Promise<void>): Readable {
  const out = new PassThrough();
  // Started on the next tick so the consumer is attached before the first byte.
  setImmediate(() => {
    produce(out).catch((e: unknown) => out.destroy(e instanceof Error ? e : new Error(String(e))));
  });
  return out;
}
