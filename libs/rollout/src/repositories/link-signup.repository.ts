import { Role, User } from '@app/database';
import { Injectable } from '@nestjs/common';
import { type Db, selectRows } from './sql.js';

/** A unit as the link sign-up rule reads it: its own flag, the flag that applies and who set it, and whether it has an account. */
export interface LinkSignupUnitRow {
  unitId: string;
  active: boolean;
  own: boolean | null;
  hasAccount: boolean;
  decidedById: string | null;
  decidedByCode: string | null;
  decidedByName: string | null;
  decided: boolean | null;
}

/** The officer account a delivery's signed link creates on the delivery's unit. */
export interface LinkAccountRow {
  email: string;
  fullName: string;
  role: Role;
  unitId: string;
  passwordHash: string;
}

// The unit, the nearest unit on its path (itself included) that has a flag, and whether it has an account:
// one query over the ancestors' primary keys (the path lists them) and users_unit_idx.
const UNIT_SQL = `
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
 * The reads and the write of "Tạo tài khoản cho đơn vị" from a delivery's signed link: the unit's
 * link sign-up flag as it applies, the unit lock that serialises two creations, and the account.
 */
@Injectable()
export class LinkSignupRepository {
  /** The unit with the flag that applies to it; null when there is no such unit. */
  async unit(db: Db, unitId: string): Promise<LinkSignupUnitRow | null> {
    const [row] = await selectRows<LinkSignupUnitRow>(db, UNIT_SQL, [unitId]);
    return row ?? null;
  }

  /**
   * Locks the unit's row for the caller's transaction, in a statement of its own: a statement that waited
   * for a lock still reads with the snapshot it started with (READ COMMITTED), so the check after it must
   * be a new statement to see the winner's account.
   */
  async lockUnit(db: Db, unitId: string): Promise<void> {
    await selectRows<never>(db, `SELECT 1 FROM units WHERE id = $1 FOR UPDATE`, [unitId]);
  }

  async emailTaken(db: Db, email: string): Promise<boolean> {
    const rows = await selectRows<unknown>(db, `SELECT 1 FROM users WHERE email = $1`, [email]);
    return rows.length > 0;
  }

  /** The new account's id. A taken e-mail fails on users' unique index (23505), which the caller answers. */
  async createAccount(db: Db, account: LinkAccountRow): Promise<string> {
    const users = db.getRepository(User);
    const { id } = await users.save(users.create({ ...account, title: null }));
    return id;
  }
}
