import { UnitLevel } from '@app/database';
import { Injectable, Logger } from '@nestjs/common';
import { readFile } from 'node:fs/promises';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { UnitTreeWriter, UpsertSummary } from '../unit-tree.writer.js';
import { datasetPath } from './datasets.js';
import { parseGsoCsv } from './gso-csv.js';

export interface ImportSummary extends UpsertSummary {
  byLevel: Record<UnitLevel, number>;
  durationMs: number;
}

/** Loads a GSO list of administrative areas into units, in one transaction, idempotently. */
@Injectable()
export class UnitImportService {
  private readonly logger = new Logger(UnitImportService.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly writer: UnitTreeWriter,
  ) {}

  async importDataset(name: string): Promise<ImportSummary> {
    return this.importGsoCsv(await readFile(datasetPath(name)));
  }

  async importGsoCsv(content: string | Buffer, onProgress?: (done: number, total: number) => void): Promise<ImportSummary> {
    const started = performance.now();
    const rows = parseGsoCsv(content);
    const byLevel = { [UnitLevel.Province]: 0, [UnitLevel.District]: 0, [UnitLevel.Commune]: 0 };
    for (const r of rows) byLevel[r.level]++;
    const summary = await this.db.transaction((em) =>
      this.writer.upsert(em, rows, (done, total) => {
        this.logger.log(`Unit import: ${done}/${total} areas written`);
        onProgress?.(done, total);
      }),
    );
    return { ...summary, byLevel, durationMs: Math.round(performance.now() - started) };
  }
}
