import { type Db, LinkSignupRepository } from '@app/rollout';
import { LinkSignupSetting } from '@app/vocabulary';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { linkSignupState, LinkSignupState, settingOf } from './link-signup-rules.js';

/** A unit's link sign-up as its page shows it: its own setting, and what applies with the unit that decides. */
export interface LinkSignupView {
  unitId: string;
  setting: LinkSignupSetting;
  allowed: boolean;
  /** The unit whose flag applies (the unit itself or the nearest above with one); null when none has one. */
  decidedBy: { id: string; code: string; name: string } | null;
}

/**
 * Reads the rule of link-signup-rules.ts for a unit. Provided by the global AccessModule for the unit
 * page (units), the link page (deliveries) and the account creation itself (users).
 */
@Injectable()
export class LinkSignupPolicy {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly units: LinkSignupRepository,
  ) {}

  async view(unitId: string, db: Db = this.db): Promise<LinkSignupView> {
    const row = await this.units.unit(db, unitId);
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
  async state(unitId: string, db: Db = this.db, lock = false): Promise<LinkSignupState> {
    if (lock) await this.units.lockUnit(db, unitId);
    const row = await this.units.unit(db, unitId);
    return row ? linkSignupState(row) : LinkSignupState.NotAllowed;
  }
}
