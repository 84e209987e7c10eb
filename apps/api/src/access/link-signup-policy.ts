import { LinkSignupSetting } from '@app/vocabulary';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { linkSignupState, LinkSignupState, settingOf } from './link-signup-rules.js';

/** A unit's link sign-up as its page shows it: its own setting, and what applies with the unit that decides. */
export interface LinkSignupView {
  unitId: string;
  setting: LinkSignupSetting;
  allowed: boolean;
  /** The unit whose flag applies (the unit itself or the nearest above with one); null when none has one. */
  decidedBy: { id: string; code: string; name: string } | null;
}

interface Row {
  unitId: string;
  active: boolean;
  own: boolean | null;
  hasAccount: boolean;
  decidedById: string | null;
  decidedByCode: string | null;
  decidedByName: string | null;
  decided: boolean | null;
}

// The unit, the nearest unit on its path (itself included) that has a flag, and whether it has an account:
// one query over the ancestors' primary keys (the path lists them) and users_unit_idx.
const SQL = `
  SELECT u.id AS "unitId", u.active, u.link_signup AS "own",
         EXISTS (SELECT 1 FROM users x WHERE x.unit_id = u.id) AS "hasAccount",
         d.id AS "decidedById", d.code AS "decidedByCode", d.name AS "decidedByName", d.link_signup AS "decided"
    FROM units u
    LEFT JOIN LATERAL (
      SELECT a.id, a.code, a.name, a.link_signup FROM units a
       WHERE a.id = ANY (string_to_array(rtrim(u.path, '.'), '.')::uuid[]) AND a.link_signup IS NOT NULL
       ORDER BY length(a.path) DESC LIMIT 1
    ) d ON true
   WHERE u.id = $1`;

/**
 * Reads the rule of link-signup-rules.ts for a unit. Provided by the global AccessModule for the unit
 * page (units), the link page (deliveries) and the account creation itself (users).
 */
@Injectable()
export class LinkSignupPolicy {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async view(unitId: string, em: EntityManager = this.db.manager): Promise<LinkSignupView> {
    const row = await this.load(em, unitId, false);
    return {
      unitId,
      setting: settingOf(row?.own ?? null),
      allowed: row?.decided === true,
      decidedBy: row?.decidedById ? { id: row.decidedById, code: row.decidedByCode!, name: row.decidedByName! } : null,
    };
  }

  /**
   * The state for a unit. With `lock`, inside the caller's transaction, the unit's row is locked first:
   * two creations for one unit run one after the other, and the second sees the first one's account.
   */
  async state(unitId: string, em: EntityManager = this.db.manager, lock = false): Promise<LinkSignupState> {
    const row = await this.load(em, unitId, lock);
    return row ? linkSignupState(row) : LinkSignupState.NotAllowed;
  }

  private async load(em: EntityManager, unitId: string, lock: boolean): Promise<Row | undefined> {
    // The lock in a statement of its own: a statement that waited for a lock still reads with the snapshot
    // it started with (READ COMMITTED), so the check after it must be a new statement to see the winner's account.
    if (lock) await em.query(`SELECT 1 FROM units WHERE id = $1 FOR UPDATE`, [unitId]);
    const rows: Row[] = await em.query(SQL, [unitId]);
    return rows[0];
  }
}
