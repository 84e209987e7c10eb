import { UnitLevel, UnitType } from '@app/vocabulary';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

export interface LineageUnit {
  id: string;
  code: string;
  name: string;
  type: UnitType;
  level: UnitLevel;
  areaKind: string | null;
  active: boolean;
  retiredOn: string | null;
  /** The day the succession took effect. */
  effectiveOn: string;
}

export interface Lineage {
  predecessors: LineageUnit[];
  successors: LineageUnit[];
}

interface LineageRow extends LineageUnit {
  relation: 'predecessor' | 'successor';
  of: string;
}

/**
 * Predecessors and successors of units. Links are stored between areas (unit_successions); a body
 * inherits them through the area it serves: the predecessors of UBND xã Hải Tiến (2025) are the
 * UBND of the communes merged into Xã Hải Tiến, at the same level. One query for many units.
 * Names and codes of the linked units are geography and shown to anyone who may see the unit.
 */
@Injectable()
export class UnitLineageService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async of(unitId: string): Promise<Lineage> {
    return (await this.ofMany([unitId])).get(unitId) ?? { predecessors: [], successors: [] };
  }

  async ofMany(unitIds: string[]): Promise<Map<string, Lineage>> {
    const rows: LineageRow[] = await this.db.query(
      `WITH me AS (
         SELECT u.id, u.type, u.level, CASE WHEN u.type = 'area' THEN u.id ELSE u.area_id END AS area_id
           FROM units u WHERE u.id = ANY($1::uuid[])
       ),
       linked AS (
         SELECT me.id AS of, 'predecessor' AS relation, s.predecessor_id AS area_id, s.effective_on FROM me JOIN unit_successions s ON s.successor_id = me.area_id
         UNION ALL
         SELECT me.id, 'successor', s.successor_id, s.effective_on FROM me JOIN unit_successions s ON s.predecessor_id = me.area_id
       ),
       hit AS (
         SELECT l.of, l.relation, l.effective_on, l.area_id AS unit_id FROM linked l JOIN me ON me.id = l.of WHERE me.type = 'area'
         UNION ALL
         SELECT l.of, l.relation, l.effective_on, x.id
           FROM linked l JOIN me ON me.id = l.of
           JOIN units x ON x.area_id = l.area_id AND x.type = me.type AND x.level = me.level
          WHERE me.type <> 'area'
       )
       SELECT h.of, h.relation, x.id, x.code, x.name, x.type, x.level, x.area_kind AS "areaKind", x.active,
              x.retired_on::text AS "retiredOn", h.effective_on::text AS "effectiveOn"
         FROM hit h JOIN units x ON x.id = h.unit_id
        ORDER BY h.of, h.relation, x.code`,
      [unitIds],
    );
    const out = new Map<string, Lineage>();
    for (const { of, relation, ...unit } of rows) {
      const entry = out.get(of) ?? { predecessors: [], successors: [] };
      (relation === 'predecessor' ? entry.predecessors : entry.successors).push(unit);
      out.set(of, entry);
    }
    return out;
  }
}
