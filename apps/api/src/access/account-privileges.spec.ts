import { Role } from '@app/database';
import { accountChangeRefusal, AccountChange, endsSessions, grantRefusal, ROLE_RANK, ROLES_BY_RANK } from './account-privileges.js';

const { Admin, Leader, Issuer, Officer } = Role;
const actor = (role: Role) => ({ userId: `actor-${role}`, role });
const target = (role: Role, active = true) => ({ id: `target-${role}`, role, active });

/** Expected, declared once: which target roles each actor role may change at all (not themselves). */
const MAY_TOUCH: Record<Role, Role[]> = {
  [Admin]: [Admin, Leader, Issuer, Officer],
  [Leader]: [Issuer, Officer],
  [Issuer]: [Officer],
  [Officer]: [],
};
/** Which roles each actor role may grant. */
const MAY_GRANT: Record<Role, Role[]> = {
  [Admin]: [Admin, Leader, Issuer, Officer],
  [Leader]: [Issuer, Officer],
  [Issuer]: [Officer],
  [Officer]: [],
};

const CHANGES: Record<string, AccountChange> = {
  rename: { fullName: 'Tên mới' },
  'reset password': { password: 'x' },
  deactivate: { active: false },
  'move to another unit': { unitId: 'u2' },
};

describe('account privileges', () => {
  it('ranks admin > leader > issuer > officer', () => {
    expect([...ROLES_BY_RANK].sort((a, b) => ROLE_RANK[b] - ROLE_RANK[a])).toEqual([Admin, Leader, Issuer, Officer]);
  });

  describe.each(ROLES_BY_RANK)('actor %s', (actorRole) => {
    describe.each(ROLES_BY_RANK)('on an account of role %s', (targetRole) => {
      const allowed = MAY_TOUCH[actorRole].includes(targetRole);
      it.each(Object.keys(CHANGES))(`${allowed ? 'may' : 'may not'} %s`, (name) => {
        // Two active admins: the last-admin rule does not interfere here.
        const refusal = accountChangeRefusal(actor(actorRole), target(targetRole), CHANGES[name], 2);
        expect(refusal === null).toBe(allowed);
        if (!allowed) expect(refusal).toMatchObject({ kind: 'forbidden' });
      });

      it.each(ROLES_BY_RANK.filter((r) => r !== targetRole))('changing its role to %s', (newRole) => {
        const ok = allowed && MAY_GRANT[actorRole].includes(newRole);
        expect(accountChangeRefusal(actor(actorRole), target(targetRole), { role: newRole }, 2) === null).toBe(ok);
      });
    });

    it.each(ROLES_BY_RANK)('grants %s only below its own rank (admins: any)', (role) => {
      expect(grantRefusal(actor(actorRole), role) === null).toBe(MAY_GRANT[actorRole].includes(role));
    });

    it('may rename itself and change its own password, but never its own role, unit or active flag', () => {
      const self = { id: `actor-${actorRole}`, role: actorRole, active: true };
      expect(accountChangeRefusal(actor(actorRole), self, { fullName: 'x', title: 'y', password: 'z' }, 2)).toBeNull();
      for (const change of [{ role: Officer }, { unitId: 'u2' }, { active: false }] as AccountChange[]) {
        if (change.role === actorRole) continue;
        expect(accountChangeRefusal(actor(actorRole), self, change, 2)).toMatchObject({ kind: 'forbidden' });
      }
    });
  });

  it('a leader can neither reset the password of, demote nor deactivate an admin (the probe)', () => {
    for (const change of [{ password: 'p' }, { role: Issuer }, { active: false }] as AccountChange[]) {
      expect(accountChangeRefusal(actor(Leader), target(Admin), change, 1)).toEqual({
        kind: 'forbidden',
        message: 'Chỉ quản trị viên được thay đổi tài khoản quản trị.',
      });
    }
  });

  it('the last active admin can be neither demoted nor deactivated, even by another (inactive-count) admin', () => {
    expect(accountChangeRefusal(actor(Admin), target(Admin), { role: Leader }, 1)).toMatchObject({ kind: 'conflict' });
    expect(accountChangeRefusal(actor(Admin), target(Admin), { active: false }, 1)).toMatchObject({ kind: 'conflict' });
    // With a second active admin both are fine, and renaming the last admin always is.
    expect(accountChangeRefusal(actor(Admin), target(Admin), { role: Leader }, 2)).toBeNull();
    expect(accountChangeRefusal(actor(Admin), target(Admin), { active: false }, 2)).toBeNull();
    expect(accountChangeRefusal(actor(Admin), target(Admin), { fullName: 'x', password: 'y' }, 1)).toBeNull();
    // Re-activating or keeping the admin role does not lower the count.
    expect(accountChangeRefusal(actor(Admin), target(Admin, false), { active: true }, 1)).toBeNull();
    expect(accountChangeRefusal(actor(Admin), target(Admin), { role: Admin, active: true }, 1)).toBeNull();
  });

  it('password, role, unit and active changes end sessions; a rename does not', () => {
    const t = target(Officer);
    expect(endsSessions(t, { password: 'x' })).toBe(true);
    expect(endsSessions(t, { role: Issuer })).toBe(true);
    expect(endsSessions(t, { unitId: 'u2' })).toBe(true);
    expect(endsSessions(t, { active: false })).toBe(true);
    expect(endsSessions(t, { fullName: 'x', role: Officer, active: true })).toBe(false);
  });
});
