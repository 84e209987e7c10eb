import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { readFile } from 'node:fs/promises';
import { DataSource, EntityManager } from 'typeorm';
import { SUCCESSORS_FILE, successorsPath } from '../import/datasets.js';
import { retireBodiesServing } from '../import/reform-retirement.js';
import { parseSuccessorsCsv, SuccessorRow } from './successors-csv.js';

export interface LineageSummary {
  /** Rows of the list considered (those of the province asked for, or all). */
  rows: number;
  /** Rows whose old and new commune are both stored: the others wait for their province. */
  matched: number;
  created: number;
  /** Old communes (and the bodies serving them) retired because a successor now exists. */
  retired: number;
}

/**
 * Imports "old commune -> new commune" links (unit_successions) between area units, set-based and
 * idempotent. The old commune is the one of the three-level structure (under a district), the new
 * one the one of the two-level structure (under the new province): the two may share a code. A
 * row whose units are not stored yet is skipped; importing again after onboarding more provinces
 * adds their links. Old communes with a successor are retired on `effectiveOn` if still current.
 */
@Injectable()
export class LineageImportService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async importShipped(provinceCode?: string): Promise<LineageSummary> {
    const rows = parseSuccessorsCsv(await readFile(successorsPath()));
    return this.db.transaction((em) => this.importRows(em, rows, { provinceCode, source: SUCCESSORS_FILE }));
  }

  async importRows(
    em: EntityManager,
    all: SuccessorRow[],
    options: { provinceCode?: string; source: string; effectiveOn?: string },
  ): Promise<LineageSummary> {
    const rows = options.provinceCode ? all.filter((r) => r.newProvinceCode === options.provinceCode) : all;
    const [{ retiredIds, ...summary }]: (Omit<LineageSummary, 'retired'> & { retiredIds: string[] })[] = await em.query(
      `WITH input AS (
         SELECT * FROM unnest($1::text[], $2::text[], $3::text[]) AS t(old_code, new_code, new_province_code)
       ),
       links AS (
         SELECT DISTINCT o.id AS predecessor_id, n.id AS successor_id
           FROM input i
           JOIN units o ON o.code = i.old_code AND o.type = 'area' AND o.level = 'commune'
           JOIN units od ON od.id = o.parent_id AND od.level = 'district'
           JOIN units n ON n.code = i.new_code AND n.type = 'area' AND n.level = 'commune' AND n.retired_on IS NULL
           JOIN units np ON np.id = n.parent_id AND np.level = 'province' AND np.code = i.new_province_code
       ),
       ins AS (
         INSERT INTO unit_successions (predecessor_id, successor_id, effective_on, source)
         SELECT predecessor_id, successor_id, $4::date, $5 FROM links
         ON CONFLICT DO NOTHING
         RETURNING 1
       ),
       retired AS (
         UPDATE units u SET active = false, retired_on = $4::date, updated_at = now()
          WHERE u.id IN (SELECT predecessor_id FROM links) AND u.retired_on IS NULL
         RETURNING u.id
       )
       SELECT $6::int AS rows, (SELECT count(*) FROM links)::int AS matched, (SELECT count(*) FROM ins)::int AS created,
              COALESCE((SELECT array_agg(id) FROM retired), '{}') AS "retiredIds"`,
      [
        rows.map((r) => r.oldCode),
        rows.map((r) => r.newCode),
        rows.map((r) => r.newProvinceCode),
        options.effectiveOn ?? '2025-07-01',
        options.source,
        rows.length,
      ],
    );
    await retireBodiesServing(em, retiredIds, options.effectiveOn ?? '2025-07-01');
    return { ...summary, retired: retiredIds.length };
  }
}
