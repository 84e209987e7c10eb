import { Role } from '@app/database';
import type { Actor } from '../auth/actor.js';
import type { ClientInfo } from '../auth/client-info.decorator.js';

/**
 * Whoever holds a delivery's signed e-mail link acts for that delivery's unit, with an officer's rights and no
 * account: the use cases check `unitId` exactly as for a signed-in officer, so the link reaches this one unit
 * and nothing above or beside it. `userId` is empty (no account), written as NULL; the name says it came by link.
 */
export function linkActor(unit: { unitId: string; unitName: string; unitPath: string }, client: ClientInfo): Actor {
  return {
    userId: '',
    email: '',
    fullName: `Qua liên kết e-mail (${client.userAgent?.slice(0, 120) ?? 'không rõ trình duyệt'})`,
    role: Role.Officer,
    unitId: unit.unitId,
    unitName: unit.unitName,
    unitPath: unit.unitPath,
  };
}
