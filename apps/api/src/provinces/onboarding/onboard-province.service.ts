import { invalid, notFound } from '@app/common';
import { UnitLevel } from '@app/database';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { readFile } from 'node:fs/promises';
import { DataSource } from 'typeorm';
import { DATASETS, datasetPath, SUCCESSORS_FILE, successorsPath, vintageOf } from '../../units/import/datasets.js';
import { parseGsoCsv } from '../../units/import/gso-csv.js';
import { isTwoLevel, RetiredCount } from '../../units/import/reform-retirement.js';
import { TWO_LEVEL_SINCE, UnitImportService } from '../../units/import/unit-import.service.js';
import { LineageImportService, LineageSummary } from '../../units/lineage/lineage-import.service.js';
import { parseSuccessorsCsv } from '../../units/lineage/successors-csv.js';
import { UnitRow, UnitTreeWriter, UpsertSummary } from '../../units/unit-tree.writer.js';
import { BodyCatalogue, CatalogueEntry, defaultCatalogue } from './body-catalogue.js';
import { provinceBodies } from './province-bodies.js';

/** Every province of the list at once (the whole country). */
export const ALL_PROVINCES = 'all';

export interface OnboardRequest {
  /** A shipped dataset name (data/units) or the content of a GSO CSV. */
  dataset?: string;
  csv?: string | Buffer;
  provinceCode: string;
  effectiveOn?: string;
  departments?: CatalogueEntry[];
  policeDepartments?: CatalogueEntry[];
  emailDomain?: string | null;
}

export interface OnboardProgress {
  step: 'areas' | 'bodies' | 'lineage';
  done: number;
  total: number;
}

export interface OnboardSummary {
  structure: 'three_levels' | 'two_levels';
  provinces: number;
  areas: UpsertSummary & { byLevel: Record<UnitLevel, number> };
  bodies: UpsertSummary & { byKind: Record<string, number> };
  retired: RetiredCount;
  lineage: LineageSummary | null;
  durationMs: number;
}

/**
 * Onboards a province (or the whole country) from a GSO list, in one transaction, set-based and
 * idempotent: its areas, then its acting bodies (UBND tỉnh and its departments, Công an tỉnh and
 * its departments, a UBND and a Công an per district in a three-level list and per commune).
 * From a two-level list it first retires the three-level structure it replaces and, with the
 * shipped list, links the old communes to their successors.
 */
@Injectable()
export class OnboardProvinceService {
  private readonly logger = new Logger(OnboardProvinceService.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly areas: UnitImportService,
    private readonly writer: UnitTreeWriter,
    private readonly lineage: LineageImportService,
  ) {}

  async onboard(req: OnboardRequest, onProgress?: (p: OnboardProgress) => void): Promise<OnboardSummary> {
    const started = performance.now();
    const report = (step: OnboardProgress['step'], done: number, total: number) => {
      this.logger.log(`Onboarding: ${step} ${done}/${total}`);
      onProgress?.({ step, done, total });
    };
    const all = parseGsoCsv(await this.source(req));
    const areaRows = this.provinceRows(all, req.provinceCode);
    const twoLevel = isTwoLevel(areaRows);
    const effectiveOn = req.effectiveOn ?? (req.dataset && vintageOf(req.dataset)) ?? TWO_LEVEL_SINCE;
    const defaults = defaultCatalogue(twoLevel);
    const catalogue: BodyCatalogue = {
      departments: req.departments ?? defaults.departments,
      policeDepartments: req.policeDepartments ?? defaults.policeDepartments,
    };
    const byProvince = groupByProvince(areaRows);
    const bodyRows = [...byProvince].flatMap(([code, rows]) =>
      provinceBodies(rows, code, catalogue, { emailDomain: req.emailDomain, validFrom: twoLevel ? effectiveOn : null }),
    );
    const successors = twoLevel && req.dataset ? parseSuccessorsCsv(await readFile(successorsPath())) : null;

    const result = await this.db.transaction(async (em) => {
      report('areas', 0, areaRows.length);
      const areas = await this.areas.importRows(em, areaRows, {
        effectiveOn,
        onProgress: (done, total) => report('areas', done, total),
      });
      report('bodies', 0, bodyRows.length);
      const bodies = await this.writer.upsert(em, bodyRows, (done, total) => report('bodies', done, total));
      let lineage: LineageSummary | null = null;
      if (successors) {
        const provinceCode = req.provinceCode === ALL_PROVINCES ? undefined : req.provinceCode;
        lineage = await this.lineage.importRows(em, successors, { provinceCode, source: SUCCESSORS_FILE, effectiveOn });
        report('lineage', lineage.created, lineage.matched);
      }
      return { areas, bodies, lineage };
    });
    const byKind: Record<string, number> = {};
    for (const b of bodyRows) {
      const kind = `${b.type}:${b.level}`;
      byKind[kind] = (byKind[kind] ?? 0) + 1;
    }
    const { retired, ...areaSummary } = result.areas;
    return {
      structure: twoLevel ? 'two_levels' : 'three_levels',
      provinces: byProvince.size,
      areas: areaSummary,
      bodies: { ...result.bodies, byKind },
      retired,
      lineage: result.lineage,
      durationMs: Math.round(performance.now() - started),
    };
  }

  private async source(req: OnboardRequest): Promise<string | Buffer> {
    if (req.csv !== undefined) return req.csv;
    if (req.dataset && req.dataset in DATASETS) return readFile(datasetPath(req.dataset));
    throw invalid(`Hãy chọn một danh mục có sẵn (${Object.keys(DATASETS).join(', ')}) hoặc tải lên tệp CSV danh mục GSO.`);
  }

  /** The province row and everything below it (or the whole list for "all"). */
  private provinceRows(all: UnitRow[], provinceCode: string): UnitRow[] {
    if (provinceCode === ALL_PROVINCES) return all;
    const rows = groupByProvince(all).get(provinceCode);
    if (!rows) throw notFound(`Danh mục không có tỉnh, thành phố mã ${provinceCode}. Mã tỉnh gồm 2 chữ số, ví dụ 37 (Ninh Bình).`);
    return rows;
  }
}

/** Rows by the code of the province they lie in (a province's own row included), in list order. */
function groupByProvince(rows: UnitRow[]): Map<string, UnitRow[]> {
  const byCode = new Map(rows.map((r) => [r.code, r]));
  const provinceOf = (r: UnitRow): string | null => {
    let at: UnitRow | undefined = r;
    for (let hops = 0; at && hops < 4; hops++) {
      if (at.level === UnitLevel.Province) return at.code;
      at = at.parentCode ? byCode.get(at.parentCode) : undefined;
    }
    return null;
  };
  const out = new Map<string, UnitRow[]>();
  for (const r of rows) {
    const p = provinceOf(r);
    if (!p) continue;
    const list = out.get(p);
    if (list) list.push(r);
    else out.set(p, [r]);
  }
  return out;
}
