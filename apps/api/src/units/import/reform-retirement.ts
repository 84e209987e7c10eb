import { conflict } from '@app/common';
import { UnitLevel } from '@app/database';
import { EntityManager } from 'typeorm';
import type { UnitRow } from '../unit-tree.writer.js';

/** A list with communes but no districts: the two-level local government (from 1 July 2025). */
export const isTwoLevel = (rows: UnitRow[]) =>
  rows.some((r) => r.level === UnitLevel.Commune) && !rows.some((r) => r.level === UnitLevel.District);

export interface RetiredCount {
  areas: number;
  bodies: number;
}

/**
 * Before a two-level list is written: the three-level structure it replaces is retired, never
 * deleted. GSO gives each new commune the code of one of the old communes merged into it, so every
 * old province whose communes reappear in the list (by code, under a district) has become part of
 * a new province: its districts and communes are retired on `effectiveOn`, and so is the old
 * province itself unless the list keeps its code (Ninh Bình keeps 37; Nam Định's 36 ends). The
 * bodies serving a retired area (UBND, Công an, the departments of a retired province) retire with
 * it. One statement; a second run finds nothing left to retire.
 */
export async function retireReplacedStructure(em: EntityManager, rows: UnitRow[], effectiveOn: string): Promise<RetiredCount> {
  const communeCodes = rows.filter((r) => r.level === UnitLevel.Commune).map((r) => r.code);
  const provinceCodes = rows.filter((r) => r.level === UnitLevel.Province).map((r) => r.code);
  const roots: { id: string }[] = await em.query(
    `SELECT DISTINCT split_part(u.path, '.', 1) AS id
       FROM units u JOIN units p ON p.id = u.parent_id AND p.level = 'district'
      WHERE u.type = 'area' AND u.level = 'commune' AND u.retired_on IS NULL AND u.code = ANY($1::text[])`,
    [communeCodes],
  );
  if (roots.length === 0) return { areas: 0, bodies: 0 };
  // TypeORM returns [rows, count] for an UPDATE ... RETURNING.
  const [areas]: [{ id: string }[], number] = await em.query(
    `UPDATE units a SET active = false, retired_on = $3::date, updated_at = now()
      WHERE a.type = 'area' AND a.retired_on IS NULL AND split_part(a.path, '.', 1) = ANY($1::text[])
        AND NOT (a.level = 'province' AND a.code = ANY($2::text[]))
      RETURNING a.id`,
    [roots.map((r) => r.id), provinceCodes, effectiveOn],
  );
  return {
    areas: areas.length,
    bodies: await retireBodiesServing(
      em,
      areas.map((a) => a.id),
      effectiveOn,
    ),
  };
}

/**
 * Retires the bodies serving the given (retired) areas, in one statement. The ids come as an
 * array, not from a CTE: joined to a CTE the planner re-scanned the whole partial code index once
 * per area (38 s for the country instead of well under one).
 */
export async function retireBodiesServing(em: EntityManager, areaIds: string[], day: string): Promise<number> {
  if (areaIds.length === 0) return 0;
  const [, count]: [unknown[], number] = await em.query(
    `UPDATE units b SET active = false, retired_on = $2::date, updated_at = now()
      WHERE b.area_id = ANY($1::uuid[]) AND b.type <> 'area' AND b.retired_on IS NULL
      RETURNING b.id`,
    [areaIds, day],
  );
  return count;
}

/**
 * A three-level list written over a reformed tree would rename the new communes back into old
 * ones (the codes are shared) and revive retired provinces: refused, with the codes concerned.
 */
export async function refuseOldStructureOverNew(em: EntityManager, rows: UnitRow[]): Promise<void> {
  const found: { code: string }[] = await em.query(
    `SELECT DISTINCT code FROM units
      WHERE type = 'area' AND code = ANY($1::text[]) AND (retired_on IS NOT NULL OR valid_from IS NOT NULL)
      ORDER BY code LIMIT 20`,
    [rows.map((r) => r.code)],
  );
  if (found.length === 0) return;
  throw conflict(
    `Danh mục ba cấp này thuộc cấu trúc trước ngày 01/07/2025, nhưng các đơn vị hành chính ${found.map((f) => f.code).join(', ')} ` +
      `đã được sắp xếp lại theo chính quyền hai cấp: không nhập lại danh mục cũ được (lịch sử được giữ nguyên).`,
    { codes: found.map((f) => f.code) },
  );
}
