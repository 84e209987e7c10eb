import { UnitLevel } from '@app/database';
import { Injectable, Logger } from '@nestjs/common';
import { readFile } from 'node:fs/promises';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { UnitRow, UnitTreeWriter, UpsertSummary } from '../unit-tree.writer.js';
import { datasetPath, vintageOf } from './datasets.js';
import { parseGsoCsv } from './gso-csv.js';
import { isTwoLevel, refuseOldStructureOverNew, RetiredCount, retireReplacedStructure } from './reform-retirement.js';

export interface ImportSummary extends UpsertSummary {
  byLevel: Record<UnitLevel, number>;
  /** The three-level areas (and the bodies serving them) a two-level list replaced. */
  retired: RetiredCount;
  durationMs: number;
}

export interface ImportOptions {
  /** The day a two-level list came into force (default: the dataset's vintage, else 2025-07-01). */
  effectiveOn?: string;
  onProgress?: (done: number, total: number) => void;
}

/** The first day of the two-level local government. */
export const TWO_LEVEL_SINCE = '2025-07-01';

/** Loads a GSO list of administrative areas into units, in one transaction, idempotently. */
@Injectable()
export class UnitImportService {
  private readonly logger = new Logger(UnitImportService.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly writer: UnitTreeWriter,
  ) {}

  async importDataset(name: string, options: ImportOptions = {}): Promise<ImportSummary> {
    return this.importGsoCsv(await readFile(datasetPath(name)), { effectiveOn: vintageOf(name), ...options });
  }

  async importGsoCsv(content: string | Buffer, options: ImportOptions = {}): Promise<ImportSummary> {
    const started = performance.now();
    const rows = parseGsoCsv(content);
    const result = await this.db.transaction((em) => this.importRows(em, rows, options));
    return { ...result, durationMs: Math.round(performance.now() - started) };
  }

  /**
   * Writes parsed areas inside the caller's transaction. A two-level list first retires the
   * three-level structure it replaces, and its new units carry the day they came into force; a
   * three-level list over a reformed tree is refused.
   */
  async importRows(em: EntityManager, rows: UnitRow[], options: ImportOptions = {}): Promise<Omit<ImportSummary, 'durationMs'>> {
    const byLevel = { [UnitLevel.Province]: 0, [UnitLevel.District]: 0, [UnitLevel.Commune]: 0 };
    for (const r of rows) byLevel[r.level]++;
    await em.query(`SELECT pg_advisory_xact_lock(hashtext('units-tree'))`);
    let retired: RetiredCount = { areas: 0, bodies: 0 };
    let written = rows;
    if (isTwoLevel(rows)) {
      const effectiveOn = options.effectiveOn ?? TWO_LEVEL_SINCE;
      retired = await retireReplacedStructure(em, rows, effectiveOn);
      if (retired.areas > 0)
        this.logger.log(`Unit import: retired ${retired.areas} areas and ${retired.bodies} bodies of the replaced structure`);
      written = rows.map((r) => ({ ...r, validFrom: effectiveOn }));
    } else {
      await refuseOldStructureOverNew(em, rows);
    }
    const summary = await this.writer.upsert(em, written, (done, total) => {
      this.logger.log(`Unit import: ${done}/${total} areas written`);
      options.onProgress?.(done, total);
    });
    return { ...summary, byLevel, retired };
  }
}
