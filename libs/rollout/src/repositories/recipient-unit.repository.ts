import type { RecipientGroup, UnitLevel, UnitType } from '@app/vocabulary';
import { Injectable } from '@nestjs/common';
import { GROUP_VALUES, PURPOSE_RANK, type RecipientChoice, type ResolvedRecipient } from '../recipients/recipient-groups.js';
import { inForceOn } from './in-force.js';
import { type Db, selectRows } from './sql.js';

/** A unit a dispatch can be addressed to, as the recipient picker lists it. */
export interface RecipientUnit {
  id: string;
  code: string;
  name: string;
  type: UnitType;
  level: UnitLevel;
  parentId: string | null;
}

/** What the publish preview shows of a recipient unit: who it is and where its mail goes. */
export interface RecipientMailbox {
  id: string;
  code: string;
  name: string;
  level: UnitLevel;
  type: UnitType;
  emails: string[];
}

/** Which units a forward may reach: strictly below the forwarding unit, in force on the dispatch's issued date. */
export interface ForwardTargetQuery {
  /** LIKE pattern of the forwarding unit's subtree, already escaped. */
  subtreeLike: string;
  forwardingUnitId: string;
  unitIds: string[];
  groups: RecipientGroup[];
  dispatchId: string;
}

/**
 * The units side of addressing a dispatch (resolving "Kính gửi" / "Nơi nhận" choices, forwarding,
 * picking recipients): set-based reads of the unit tree, one statement each.
 */
@Injectable()
export class RecipientUnitRepository {
  /**
   * One row per unit for these choices: single units as named, groups as the units of that type and
   * level in force on `day` in the choice's scope (or `defaultScope`, a province path), the strongest
   * purpose winning when a unit is chosen twice.
   */
  async resolve(db: Db, choices: RecipientChoice[], defaultScope: string | null, day: string): Promise<ResolvedRecipient[]> {
    return selectRows<ResolvedRecipient>(
      db,
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

  /** For each scope unit: the name of its area, and whether that area has districts in force on `day`. */
  async areasWithDistricts(db: Db, scopeUnitIds: (string | null)[], day: string): Promise<{ name: string; districts: boolean }[]> {
    return selectRows<{ name: string; districts: boolean }>(
      db,
      `SELECT a.name, EXISTS (SELECT 1 FROM units d WHERE d.type = 'area' AND d.level = 'district'
                                 AND d.path LIKE a.path || '%' AND ${inForceOn('d', '$2::date')}) AS districts
         FROM units su JOIN units a ON a.id = CASE WHEN su.type = 'area' THEN su.id ELSE su.area_id END
        WHERE su.id = ANY($1::uuid[])`,
      [scopeUnitIds, day],
    );
  }

  /** These units, with whether each is in force on `day`; unknown ids are absent. */
  async inForce(db: Db, unitIds: string[], day: string): Promise<{ id: string; active: boolean; name: string }[]> {
    return selectRows<{ id: string; active: boolean; name: string }>(
      db,
      `SELECT id, ${inForceOn('units', '$2::date')} AS active, name FROM units WHERE id = ANY($1::uuid[])`,
      [unitIds, day],
    );
  }

  /** The unit's materialised path; null when there is no such unit. */
  async pathOf(db: Db, unitId: string): Promise<string | null> {
    const [row] = await selectRows<{ path: string }>(db, `SELECT path FROM units WHERE id = $1`, [unitId]);
    return row?.path ?? null;
  }

  async names(db: Db, unitIds: string[]): Promise<string[]> {
    const rows = await selectRows<{ name: string }>(db, `SELECT name FROM units WHERE id = ANY($1::uuid[])`, [unitIds]);
    return rows.map((r) => r.name);
  }

  /** The units a forward reaches: the ones named and the members of the groups, with whether each was named. */
  async forwardTargets(db: Db, q: ForwardTargetQuery): Promise<{ id: string; named: boolean }[]> {
    return selectRows<{ id: string; named: boolean }>(
      db,
      `WITH groups(group_kind, type, level) AS (VALUES ${GROUP_VALUES})
       SELECT u.id, u.id = ANY($3::uuid[]) AS named
         FROM units u
        WHERE u.path LIKE $1 AND u.id <> $2 AND ${inForceOn('u', '(SELECT issued_date FROM dispatches WHERE id = $5)')}
          AND (u.id = ANY($3::uuid[]) OR EXISTS (SELECT 1 FROM groups g WHERE g.group_kind = ANY($4::text[]) AND g.type = u.type AND g.level = u.level))`,
      [q.subtreeLike, q.forwardingUnitId, q.unitIds, q.groups, q.dispatchId],
    );
  }

  /** The acting units of the province of `unitId`'s area, in tree order (capped at 20 000). */
  async actingUnitsOfProvince(db: Db, unitId: string): Promise<RecipientUnit[]> {
    return selectRows<RecipientUnit>(
      db,
      `WITH me AS (SELECT COALESCE(CASE WHEN type = 'area' THEN id END, area_id) AS area_id FROM units WHERE id = $1),
            province AS (SELECT split_part(a.path, '.', 1) || '.' AS prefix FROM units a JOIN me ON a.id = me.area_id)
       SELECT u.id, u.code, u.name, u.type, u.level, u.parent_id AS "parentId"
         FROM units u JOIN units a ON a.id = u.area_id, province p
        WHERE u.type <> 'area' AND u.active AND a.path LIKE p.prefix || '%'
        ORDER BY u.path
        LIMIT 20000`,
      [unitId],
    );
  }

  /** These units with their e-mail addresses, in tree order. */
  async mailboxes(db: Db, unitIds: string[]): Promise<RecipientMailbox[]> {
    return selectRows<RecipientMailbox>(
      db,
      `SELECT id, code, name, level, type, emails FROM units WHERE id = ANY($1::uuid[]) ORDER BY path`,
      [unitIds],
    );
  }
}
