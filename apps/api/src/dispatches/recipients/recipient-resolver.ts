import { invalid, notFound } from '@app/common';
import { RecipientGroup, RecipientPurpose, Unit, UnitLevel, UnitType } from '@app/database';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { inForceOn } from '../../units/in-force.js';

export interface RecipientChoice {
  purpose: RecipientPurpose;
  unitId?: string | null;
  group?: RecipientGroup | null;
  scopeUnitId?: string | null;
}

export interface ResolvedRecipient {
  unitId: string;
  purpose: RecipientPurpose;
}

/** What each group means: bodies of this type and level serving an area inside the scope. */
export const GROUP_MEMBERS: Record<RecipientGroup, { type: UnitType; level: UnitLevel }> = {
  [RecipientGroup.AllDepartments]: { type: UnitType.Department, level: UnitLevel.Province },
  [RecipientGroup.AllDistrictCommittees]: { type: UnitType.PeoplesCommittee, level: UnitLevel.District },
  [RecipientGroup.AllCommuneCommittees]: { type: UnitType.PeoplesCommittee, level: UnitLevel.Commune },
  [RecipientGroup.AllDistrictPolice]: { type: UnitType.Police, level: UnitLevel.District },
  [RecipientGroup.AllCommunePolice]: { type: UnitType.Police, level: UnitLevel.Commune },
};

/** Groups that only exist where the structure has districts (until 30 June 2025). */
export const DISTRICT_GROUPS = new Set<RecipientGroup>([RecipientGroup.AllDistrictCommittees, RecipientGroup.AllDistrictPolice]);

/** How a group is named to the person choosing it. */
const GROUP_LABELS: Record<RecipientGroup, string> = {
  [RecipientGroup.AllDepartments]: 'Các sở, ban, ngành',
  [RecipientGroup.AllDistrictCommittees]: 'UBND các huyện, thị xã, thành phố',
  [RecipientGroup.AllCommuneCommittees]: 'UBND các xã, phường, đặc khu',
  [RecipientGroup.AllDistrictPolice]: 'Công an các huyện',
  [RecipientGroup.AllCommunePolice]: 'Công an các xã, phường',
};

/** When one unit is chosen twice, the stronger purpose wins. */
export const PURPOSE_RANK = [
  RecipientPurpose.Action,
  RecipientPurpose.Coordinate,
  RecipientPurpose.Report,
  RecipientPurpose.Info,
  RecipientPurpose.Archive,
];

/** GROUP_MEMBERS as SQL rows (group_kind, type, level), for a `VALUES` list; built from constants only. */
export const GROUP_VALUES = Object.entries(GROUP_MEMBERS)
  .map(([g, m]) => `('${g}', '${m.type}', '${m.level}')`)
  .join(', ');

/**
 * Turns "Kính gửi" / "Nơi nhận" choices (single units and groups such as "all district UBNDs")
 * into one row per unit, in one set-based query whatever the number of units. Groups take the
 * units in force on `asOf` (the dispatch's issued date; today when absent): the same group means
 * the same thing in the three-level and the two-level structure, and "all district UBNDs" is
 * refused where that day's structure has no districts.
 */
@Injectable()
export class RecipientResolver {
  async resolve(em: EntityManager, issuer: Unit, choices: RecipientChoice[], asOf?: string | null): Promise<ResolvedRecipient[]> {
    if (choices.length === 0) return [];
    const day = asOf ?? new Date().toISOString().slice(0, 10);
    await this.requireKnownUnits(em, choices, day);
    const defaultScope = await this.provinceAreaOf(em, issuer, choices);
    await this.requireDistrictsWhereAsked(em, choices, defaultScope, day);
    return em.query(
      `WITH sel AS (
         SELECT * FROM unnest($1::text[], $2::uuid[], $3::text[], $4::uuid[]) WITH ORDINALITY AS s(purpose, unit_id, group_kind, scope_unit_id, ord)
       ),
       groups(group_kind, type, level) AS (VALUES ${GROUP_VALUES}),
       scope AS (
         SELECT s.ord, a.path AS area_path
           FROM sel s
           JOIN units su ON su.id = COALESCE(s.scope_unit_id, $5::uuid)
           JOIN units a ON a.id = CASE WHEN su.type = 'area' THEN su.id ELSE su.area_id END
          WHERE s.group_kind IS NOT NULL
       ),
       picked AS (
         SELECT s.purpose, s.unit_id AS uid FROM sel s WHERE s.unit_id IS NOT NULL
         UNION ALL
         SELECT s.purpose, u.id
           FROM sel s
           JOIN scope sc ON sc.ord = s.ord
           JOIN groups g ON g.group_kind = s.group_kind
           JOIN units a ON a.type = 'area' AND a.path LIKE sc.area_path || '%'
           JOIN units u ON u.area_id = a.id AND u.type = g.type AND u.level = g.level AND ${inForceOn('u', '$7::date')}
       )
       SELECT DISTINCT ON (uid) uid AS "unitId", purpose
         FROM picked
        ORDER BY uid, array_position($6::text[], purpose)`,
      [
        choices.map((c) => c.purpose),
        choices.map((c) => c.unitId ?? null),
        choices.map((c) => c.group ?? null),
        choices.map((c) => c.scopeUnitId ?? null),
        defaultScope,
        PURPOSE_RANK,
        day,
      ],
    );
  }

  /** "All district UBNDs" and "all district police" need districts in the scope on that day. */
  private async requireDistrictsWhereAsked(em: EntityManager, choices: RecipientChoice[], defaultScope: string | null, day: string) {
    const asked = choices.filter((c) => c.group && DISTRICT_GROUPS.has(c.group));
    if (asked.length === 0) return;
    const scopes = [...new Set(asked.map((c) => c.scopeUnitId ?? defaultScope))];
    const rows: { name: string; districts: boolean }[] = await em.query(
      `SELECT a.name, EXISTS (SELECT 1 FROM units d WHERE d.type = 'area' AND d.level = 'district'
                                 AND d.path LIKE a.path || '%' AND ${inForceOn('d', '$2::date')}) AS districts
         FROM units su JOIN units a ON a.id = CASE WHEN su.type = 'area' THEN su.id ELSE su.area_id END
        WHERE su.id = ANY($1::uuid[])`,
      [scopes, day],
    );
    const without = rows.filter((r) => !r.districts);
    if (without.length === 0) return;
    const groups = [...new Set(asked.map((c) => `"${GROUP_LABELS[c.group!]}"`))].join(', ');
    throw invalid(
      `${without.map((r) => r.name).join(', ')} không có cấp huyện vào ngày ${day.split('-').reverse().join('/')} ` +
        `(chính quyền địa phương hai cấp từ 01/07/2025), nên không gửi được cho nhóm ${groups}. ` +
        `Hãy chọn "UBND các xã, phường, đặc khu" hoặc "Công an các xã, phường".`,
      { groupsNeedingDistricts: asked.map((c) => c.group) },
    );
  }

  private async requireKnownUnits(em: EntityManager, choices: RecipientChoice[], day: string): Promise<void> {
    const ids = [...new Set(choices.flatMap((c) => [c.unitId, c.scopeUnitId]).filter((x): x is string => !!x))];
    if (ids.length === 0) return;
    const rows: { id: string; active: boolean; name: string }[] = await em.query(
      `SELECT id, ${inForceOn('units', '$2::date')} AS active, name FROM units WHERE id = ANY($1::uuid[])`,
      [ids, day],
    );
    const missing = ids.filter((id) => !rows.some((r) => r.id === id));
    if (missing.length) throw notFound(`Không tìm thấy đơn vị nhận: ${missing.join(', ')}.`, { missingUnitIds: missing });
    const inactive = rows.filter((r) => !r.active && choices.some((c) => c.unitId === r.id));
    if (inactive.length) throw invalid(`Đơn vị đã ngừng hoạt động, không gửi được: ${inactive.map((r) => r.name).join(', ')}.`);
  }

  /** Groups without an explicit scope are taken from the issuer's province. */
  private async provinceAreaOf(em: EntityManager, issuer: Unit, choices: RecipientChoice[]): Promise<string | null> {
    if (!choices.some((c) => c.group && !c.scopeUnitId)) return null;
    const areaId = issuer.type === UnitType.Area ? issuer.id : issuer.areaId;
    if (!areaId) throw invalid('Đơn vị ban hành không gắn với địa bàn nào: hãy chọn phạm vi (scopeUnitId) cho nhóm nơi nhận.');
    const [area] = await em.query(`SELECT path FROM units WHERE id = $1`, [areaId]);
    return (area.path as string).split('.')[0];
  }
}
