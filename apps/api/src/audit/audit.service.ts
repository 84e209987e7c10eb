import { AuditEvent } from '@app/database';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { Actor } from '../auth/actor.js';

/** Who did it: a signed-in user, or a person named on a signed link (no account). */
export interface AuditActor {
  userId?: string | null;
  name?: string | null;
  unitId?: string | null;
  ip?: string | null;
}

export interface AuditEntry {
  action: string;
  entityType: 'delivery' | 'activity' | 'dispatch' | 'unit' | 'user';
  entityId: string;
  dispatchId?: string | null;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
}

export const auditActor = (actor: Actor, ip?: string | null): AuditActor => ({ userId: actor.userId, name: actor.fullName, unitId: actor.unitId, ip: ip ?? null });

/**
 * Writes audit events inside the caller's transaction, so a state change and its audit event
 * commit or roll back together.
 */
@Injectable()
export class AuditService {
  async record(em: EntityManager, who: AuditActor, entry: AuditEntry): Promise<void> {
    await em.insert(AuditEvent, {
      actorUserId: who.userId ?? null,
      actorName: who.name ?? null,
      actorUnitId: who.unitId ?? null,
      ip: who.ip ?? null,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId,
      dispatchId: entry.dispatchId ?? null,
      before: entry.before ?? null,
      after: entry.after ?? null,
    });
  }
}
