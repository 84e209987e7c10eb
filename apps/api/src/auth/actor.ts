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
}

/** Admins administer the whole installation; everyone else acts inside their unit's subtree. */
export const hasGlobalScope = (actor: Actor): boolean => actor.role === Role.Admin;
