import { describe, expect, it } from '@jest/globals';
import { LinkSignupSetting } from '@app/vocabulary';
import { flagOf, linkSignupState, LinkSignupState, requireAvailable, settingOf } from './link-signup-rules.js';

describe('link sign-up rules', () => {
  const unit = { decided: true as boolean | null, active: true, hasAccount: false };

  it('offers an account only where allowed, to an active unit with no account yet', () => {
    expect(linkSignupState(unit)).toBe(LinkSignupState.Available);
    expect(linkSignupState({ ...unit, decided: null })).toBe(LinkSignupState.NotAllowed);
    expect(linkSignupState({ ...unit, decided: false })).toBe(LinkSignupState.NotAllowed);
    expect(linkSignupState({ ...unit, active: false })).toBe(LinkSignupState.UnitInactive);
    expect(linkSignupState({ ...unit, hasAccount: true })).toBe(LinkSignupState.UnitHasAccount);
    // Not allowed says nothing more about the unit.
    expect(linkSignupState({ decided: null, active: false, hasAccount: true })).toBe(LinkSignupState.NotAllowed);
  });

  it('refuses with the catalogued code and status of each state', () => {
    expect(() => requireAvailable(LinkSignupState.Available)).not.toThrow();
    const refusal = (s: LinkSignupState) => {
      try {
        requireAvailable(s);
      } catch (e) {
        return (e as { featureCode: string }).featureCode;
      }
      return null;
    };
    expect(refusal(LinkSignupState.NotAllowed)).toBe('LINK_SIGNUP_NOT_ALLOWED');
    expect(refusal(LinkSignupState.UnitHasAccount)).toBe('LINK_SIGNUP_UNIT_HAS_ACCOUNT');
    expect(refusal(LinkSignupState.UnitInactive)).toBe('LINK_SIGNUP_UNIT_INACTIVE');
  });

  it('maps the stored flag to the setting and back', () => {
    for (const s of Object.values(LinkSignupSetting)) expect(settingOf(flagOf(s))).toBe(s);
    expect(flagOf(LinkSignupSetting.Inherit)).toBeNull();
  });
});
