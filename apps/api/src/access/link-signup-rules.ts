import { fail } from '@app/common';
import { LinkSignupSetting } from '@app/vocabulary';

/**
 * Whether a unit reached by an e-mail link may create an account there, and if not why: part of the
 * API contract (the link page switches on it), so renaming a value breaks clients.
 */
export enum LinkSignupState {
  /** The page offers "Tạo tài khoản cho đơn vị". */
  Available = 'available',
  /** No admin allowed it for this unit or a unit above it (or one refused it). */
  NotAllowed = 'not_allowed',
  /** The unit has an account already (active or deactivated): more come from a leader or an admin. */
  UnitHasAccount = 'unit_has_account',
  /** The unit was deactivated or retired. */
  UnitInactive = 'unit_inactive',
}

/** The stored flag (units.link_signup) as the api says it, and back. */
export const settingOf = (flag: boolean | null): LinkSignupSetting =>
  flag === null ? LinkSignupSetting.Inherit : flag ? LinkSignupSetting.Allow : LinkSignupSetting.Deny;

export const flagOf = (setting: LinkSignupSetting): boolean | null =>
  setting === LinkSignupSetting.Inherit ? null : setting === LinkSignupSetting.Allow;

/**
 * The rule, in one place. `decided` is the flag of the nearest unit, itself included, that has one
 * (null when none has: refused by default). Only a unit's first account is created by link, so a
 * leaked link yields at most one account, which an admin can see in the audit trail and deactivate;
 * and an account an admin deactivated cannot be replaced by whoever holds a link.
 */
export function linkSignupState(unit: { decided: boolean | null; active: boolean; hasAccount: boolean }): LinkSignupState {
  if (unit.decided !== true) return LinkSignupState.NotAllowed;
  if (!unit.active) return LinkSignupState.UnitInactive;
  if (unit.hasAccount) return LinkSignupState.UnitHasAccount;
  return LinkSignupState.Available;
}

/** Throws the catalogued refusal for any state but Available. */
export function requireAvailable(state: LinkSignupState): void {
  switch (state) {
    case LinkSignupState.Available:
      return;
    case LinkSignupState.NotAllowed:
      throw fail('LINK_SIGNUP_NOT_ALLOWED');
    case LinkSignupState.UnitInactive:
      throw fail('LINK_SIGNUP_UNIT_INACTIVE');
    case LinkSignupState.UnitHasAccount:
      throw fail('LINK_SIGNUP_UNIT_HAS_ACCOUNT');
  }
}
