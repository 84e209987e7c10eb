import { foldVietnamese, invalid } from '@app/common';
import { UnitLevel, UnitType } from '@app/database';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

export interface UnitRow {
  code: string;
  name: string;
  type: UnitType;
  level: UnitLevel;
  areaKind?: string | null;
  parentCode: string | null;
  areaCode?: string | null;
  /** Only used when the unit is created: addresses edited later by people are kept. */
  emails?: string[];
  /** Only used when the unit is created: the day a unit of a new structure came into force. */
  validFrom?: string | null;
}

export interface UpsertSummary {
  total: number;
  created: number;
  updated: number;
  unchanged: number;
}

/**
 * Writes many units by code in a few set-based statements, one per depth of the batch
 * (a unit's parent is either already stored or written in an earlier wave). Idempotent: a row
 * that matches what is stored is not touched; a changed name or parent is updated in place.
 */
@Injectable()
export class UnitTreeWriter {
  async upsert(em: EntityManager, rows: UnitRow[], onWave?: (done: number, total: number) => void): Promise<UpsertSummary> {
    // Tree writes are serialised, so concurrent moves and imports cannot build a cycle.
    await em.query(`SELECT pg_advisory_xact_lock(hashtext('units-tree'))`);
    const waves = this.waves(rows);
    await this.requireKnownReferences(em, rows);
    const summary: UpsertSummary = { total: rows.length, created: 0, updated: 0, unchanged: 0 };
    const updatedIds: string[] = [];
    let done = 0;
    for (const wave of waves) {
      const result: { id: string; inserted: boolean }[] = await em.query(UPSERT_SQL, [
        wave.map((r) => r.code),
        wave.map((r) => r.name.normalize('NFC')),
        wave.map((r) => foldVietnamese(r.name)),
        wave.map((r) => r.type),
        wave.map((r) => r.areaKind ?? null),
        wave.map((r) => r.level),
        wave.map((r) => r.parentCode),
        wave.map((r) => r.areaCode ?? null),
        wave.map((r) => JSON.stringify(r.emails ?? [])),
        wave.map((r) => r.validFrom ?? null),
      ]);
      const missing = wave.length - result.length;
      for (const r of result) {
        if (r.inserted) summary.created++;
        else {
          summary.updated++;
          updatedIds.push(r.id);
        }
      }
      summary.unchanged += missing;
      done += wave.length;
      onWave?.(done, rows.length);
    }
    // An updated unit may have a new parent: the paths of everything below it follow.
    if (updatedIds.length > 0) await repairSubtreePaths(em, updatedIds);
    return summary;
  }

  private async requireKnownReferences(em: EntityManager, rows: UnitRow[]): Promise<void> {
    const inBatch = new Set(rows.map((r) => r.code));
    const wanted = new Set<string>();
    for (const r of rows) {
      if (r.parentCode && !inBatch.has(r.parentCode)) wanted.add(r.parentCode);
      if (r.areaCode && !inBatch.has(r.areaCode)) wanted.add(r.areaCode);
    }
    if (wanted.size === 0) return;
    const found: { code: string }[] = await em.query(`SELECT code FROM units WHERE code = ANY($1::text[]) AND retired_on IS NULL`, [
      [...wanted],
    ]);
    const known = new Set(found.map((f) => f.code));
    const missing = [...wanted].filter((c) => !known.has(c));
    if (missing.length > 0) {
      throw invalid(`Không tìm thấy đơn vị cấp trên có mã: ${missing.slice(0, 20).join(', ')}.`, { missingCodes: missing });
    }
  }

  private waves(rows: UnitRow[]): UnitRow[][] {
    const byCode = new Map<string, UnitRow>();
    for (const row of rows) {
      if (byCode.has(row.code)) throw invalid(`Mã đơn vị ${row.code} xuất hiện hai lần trong dữ liệu nhập.`);
      byCode.set(row.code, row);
    }
    const depth = new Map<string, number>();
    const depthOf = (row: UnitRow, seen: Set<string>): number => {
      const known = depth.get(row.code);
      if (known !== undefined) return known;
      if (seen.has(row.code)) throw invalid(`Dữ liệu nhập có vòng lặp cha-con tại mã ${row.code}.`);
      seen.add(row.code);
      const parent = row.parentCode ? byCode.get(row.parentCode) : undefined;
      const d = parent ? depthOf(parent, seen) + 1 : 0;
      depth.set(row.code, d);
      return d;
    };
    const waves: UnitRow[][] = [];
    for (const row of rows) {
      const d = depthOf(row, new Set());
      (waves[d] ??= []).push(row);
    }
    return waves.filter(Boolean);
  }
}

/** Recomputes the path of every unit below the given ones, in one recursive statement. */
export async function repairSubtreePaths(em: EntityManager, rootIds: string[]): Promise<void> {
  await em.query(
    `WITH RECURSIVE t(id, path) AS (
       SELECT u.id, u.path FROM units u WHERE u.id = ANY($1::uuid[])
       UNION ALL
       SELECT c.id, t.path || c.id::text || '.' FROM units c JOIN t ON c.parent_id = t.id
     )
     UPDATE units u SET path = t.path FROM t WHERE u.id = t.id AND u.path <> t.path`,
    [rootIds],
  );
}

const UPSERT_SQL = `
WITH input AS (
  SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::date[])
    AS t(code, name, search_name, type, area_kind, level, parent_code, area_code, emails, valid_from)
),
resolved AS (
  -- Codes name the units in force: a retired unit may share its code with its successor.
  SELECT i.*, gen_random_uuid() AS new_id, p.id AS parent_id, p.path AS parent_path, a.id AS area_id
  FROM input i
  LEFT JOIN units p ON p.code = i.parent_code AND p.retired_on IS NULL
  LEFT JOIN units a ON a.code = i.area_code AND a.retired_on IS NULL
)
INSERT INTO units AS u (id, code, name, search_name, type, area_kind, level, parent_id, area_id, path, emails, valid_from)
SELECT new_id, code, name, search_name, type, area_kind, level, parent_id, area_id,
       COALESCE(parent_path, '') || new_id::text || '.',
       ARRAY(SELECT json_array_elements_text(emails::json)), valid_from
FROM resolved
ON CONFLICT (code) WHERE retired_on IS NULL DO UPDATE SET
  name = EXCLUDED.name,
  search_name = EXCLUDED.search_name,
  type = EXCLUDED.type,
  area_kind = EXCLUDED.area_kind,
  level = EXCLUDED.level,
  parent_id = EXCLUDED.parent_id,
  area_id = EXCLUDED.area_id,
  path = COALESCE((SELECT p.path FROM units p WHERE p.id = EXCLUDED.parent_id), '') || u.id::text || '.',
  updated_at = now()
WHERE (u.name, u.type, u.area_kind, u.level, u.parent_id, u.area_id)
  IS DISTINCT FROM (EXCLUDED.name, EXCLUDED.type, EXCLUDED.area_kind, EXCLUDED.level, EXCLUDED.parent_id, EXCLUDED.area_id)
RETURNING u.id, (xmax = 0) AS inserted
`;
