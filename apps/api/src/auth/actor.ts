import { Role } from '@app/database';

/** The signed-in user as every service sees it: who, for which unit, where that unit sits in the tree. */
export interface Actor {
  userId: string;
  email: string;
  fullName: string;
  role: Role;
  unitId: string;
  unitName: string;
  unitPath: string;
  /**
   * For an admin of a province (attached to a body or area of it): the paths of the roots of the
   * province's trees (its area, UBND tỉnh, Công an tỉnh). Absent for everyone else; an admin
   * without it administers the whole installation. Set by AccessService.provinceRootsFor.
   */
  provinceRoots?: string[];
}

/** Installation admins administer everything; provincial admins their province; everyone else their unit's subtree. */
export const hasGlobalScope = (actor: Actor): boolean => actor.role === Role.Admin && !actor.provinceRoots;
