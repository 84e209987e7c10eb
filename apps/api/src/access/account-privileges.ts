import { Role } from '@app/database';

/**
 * Who may do what to an account: the one place these rules live (next to AccessService, which
 * decides unit scope). Pure functions, so the whole matrix is tested without a database.
 *
 * Roles rank admin > leader > issuer > officer. Nobody edits, demotes, deactivates, moves or resets
 * the password of an account ranking at or above their own, nor grants a role at or above their own.
 * Admins are the exception that keeps the system administrable: only admins touch admins, and an
 * admin may touch another admin. The last active admin can be neither demoted nor deactivated.
 * Your own account: name, title and password only (never your own role, unit or active flag).
 */
export const ROLE_RANK: Readonly<Record<Role, number>> = {
  [Role.Admin]: 4,
  [Role.Leader]: 3,
  [Role.Issuer]: 2,
  [Role.Officer]: 1,
};

/** Roles from the highest rank down, as the README documents them. */
export const ROLES_BY_RANK: readonly Role[] = [Role.Admin, Role.Leader, Role.Issuer, Role.Officer];

export interface AccountActor {
  userId: string;
  role: Role;
}

export interface AccountTarget {
  id: string;
  role: Role;
  active: boolean;
}

/** What a request would change on an account (password: whether it is reset, never its value). */
export interface AccountChange {
  fullName?: unknown;
  title?: unknown;
  role?: Role;
  active?: boolean;
  password?: unknown;
  unitId?: string;
}

export type PrivilegeRefusal = { kind: 'forbidden' | 'conflict'; message: string };

const forbid = (message: string): PrivilegeRefusal => ({ kind: 'forbidden', message });

/** May `actor` hand out `role` (when creating an account or changing one)? */
export function grantRefusal(actor: AccountActor, role: Role): PrivilegeRefusal | null {
  if (actor.role === Role.Admin) return null;
  if (role === Role.Admin) return forbid('Chỉ quản trị viên được cấp vai trò quản trị.');
  if (ROLE_RANK[role] >= ROLE_RANK[actor.role]) {
    return forbid('Bạn chỉ được cấp vai trò thấp hơn vai trò của mình (thứ bậc: quản trị > lãnh đạo > cán bộ ban hành > cán bộ).');
  }
  return null;
}

/**
 * Why `actor` may not apply `change` to `target`, or null when allowed. `activeAdmins` is the
 * number of active admin accounts, read under a lock by the caller when the change could lower it.
 */
export function accountChangeRefusal(
  actor: AccountActor,
  target: AccountTarget,
  change: AccountChange,
  activeAdmins: number,
): PrivilegeRefusal | null {
  const changesRole = change.role !== undefined && change.role !== target.role;
  const changesUnit = change.unitId !== undefined;
  const deactivates = change.active === false && target.active;
  const changesActive = change.active !== undefined && change.active !== target.active;

  if (target.id === actor.userId) {
    if (changesRole || changesUnit || changesActive) {
      return forbid('Bạn không thể tự đổi vai trò, đơn vị hoặc tự khóa/mở tài khoản của mình; hãy nhờ người có thẩm quyền.');
    }
    return null;
  }
  if (target.role === Role.Admin && actor.role !== Role.Admin) {
    return forbid('Chỉ quản trị viên được thay đổi tài khoản quản trị.');
  }
  if (actor.role !== Role.Admin && ROLE_RANK[target.role] >= ROLE_RANK[actor.role]) {
    return forbid('Bạn chỉ được thay đổi tài khoản có vai trò thấp hơn vai trò của mình.');
  }
  if (change.role !== undefined) {
    const refusal = grantRefusal(actor, change.role);
    if (refusal) return refusal;
  }
  const removesAdmin = target.role === Role.Admin && target.active && ((changesRole && change.role !== Role.Admin) || deactivates);
  if (removesAdmin && activeAdmins <= 1) {
    return {
      kind: 'conflict',
      message: 'Đây là tài khoản quản trị cuối cùng còn hoạt động: không thể hạ vai trò hoặc khóa tài khoản này.',
    };
  }
  return null;
}

/** Changes after which tokens issued earlier must stop working. */
export function endsSessions(target: AccountTarget, change: AccountChange): boolean {
  return (
    change.password !== undefined ||
    (change.role !== undefined && change.role !== target.role) ||
    change.unitId !== undefined ||
    (change.active !== undefined && change.active !== target.active)
  );
}
