import { invalid, notFound } from '@app/common';
import { RecipientGroup, RecipientPurpose, Unit, UnitLevel, UnitType } from '@app/database';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

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
 * into one row per unit, in one set-based query whatever the number of units.
 */
@Injectable()
export class RecipientResolver {
  async resolve(em: EntityManager, issuer: Unit, choices: RecipientChoice[]): Promise<ResolvedRecipient[]> {
    if (choices.length === 0) return [];
    await this.requireKnownUnits(em, choices);
    const defaultScope = await this.provinceAreaOf(em, issuer, choices);
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
           JOIN units u ON u.area_id = a.id AND u.type = g.type AND u.level = g.level AND u.active
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
      ],
    );
  }

  private async requireKnownUnits(em: EntityManager, choices: RecipientChoice[]): Promise<void> {
    const ids = [...new Set(choices.flatMap((c) => [c.unitId, c.scopeUnitId]).filter((x): x is string => !!x))];
    if (ids.length === 0) return;
    const rows: { id: string; active: boolean; name: string }[] = await em.query(
      `SELECT id, active, name FROM units WHERE id = ANY($1::uuid[])`,
      [ids],
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
