import { currentRequestId } from '@app/common';
import { MetricsRegistry } from '@app/observability';
import { Injectable } from '@nestjs/common';
import type { Counter } from 'prom-client';
import { EntityManager } from 'typeorm';
import type { Actor } from '../auth/actor.js';
import type { AUDIT_ENTITY_TYPES } from './dto/audit.query.js';

export type AuditEntityType = (typeof AUDIT_ENTITY_TYPES)[number];

/** Who did it: a signed-in user, or a person named on a signed link (no account). */
export interface AuditActor {
  userId?: string | null;
  name?: string | null;
  unitId?: string | null;
  ip?: string | null;
}

export interface AuditEntry {
  action: string;
  entityType: AuditEntityType;
  entityId: string;
  dispatchId?: string | null;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
}

export const auditActor = (actor: Actor, ip?: string | null): AuditActor => ({
  // An e-mail link acts with no account (deliveries/ack-link/link-actor.ts): no user id to record.
  userId: actor.userId || null,
  name: actor.fullName,
  unitId: actor.unitId,
  ip: ip ?? null,
});

/**
 * Writes audit events inside the caller's transaction, so a state change and its audit event
 * commit or roll back together. Each row carries the id of the request (or job) it was written
 * for, read from the request context: callers never pass it.
 */
@Injectable()
export class AuditService {
  /** Every state change by action: acknowledgements per minute is rate(...{action="delivery.acknowledged"}) * 60. */
  private readonly events: Counter<'action'>;

  constructor(metrics: MetricsRegistry) {
    this.events = metrics.counter({
      name: 'cvt_audit_events_total',
      help: 'Audit events written (state changes), by action, e.g. delivery.acknowledged',
      labelNames: ['action'],
    });
  }

  /** For a use case that writes its audit event in its own statement (the acknowledgement): counts it. */
  written(action: string): void {
    this.events.inc({ action });
  }

  async record(em: EntityManager, who: AuditActor, entry: AuditEntry): Promise<void> {
    await em.query(
      `INSERT INTO audit_events (actor_user_id, actor_name, actor_unit_id, ip, action, entity_type, entity_id, dispatch_id, before, after, request_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
      [
        who.userId ?? null,
        who.name ?? null,
        who.unitId ?? null,
        who.ip ?? null,
        entry.action,
        entry.entityType,
        entry.entityId,
        entry.dispatchId ?? null,
        entry.before ? JSON.stringify(entry.before) : null,
        entry.after ? JSON.stringify(entry.after) : null,
        currentRequestId() ?? null,
      ],
    );
    // Counted when written: a transaction rolled back after this point still counts (rare; the
    // audit row is the last write of every use case).
    this.events.inc({ action: entry.action });
  }

  /**
   * One event per entity for a change applied to many rows at once (a recall reaches every
   * delivery of a dispatch): one INSERT over the ids, same actor, action, before and after.
   */
  async recordMany(em: EntityManager, who: AuditActor, entry: Omit<AuditEntry, 'entityId'> & { entityIds: string[] }): Promise<void> {
    if (entry.entityIds.length === 0) return;
    await em.query(
      `INSERT INTO audit_events (actor_user_id, actor_name, actor_unit_id, ip, action, entity_type, entity_id, dispatch_id, before, after, request_id)
       SELECT $1, $2, $3, $4, $5, $6, id, $8, $9, $10, $11 FROM unnest($7::uuid[]) AS id`,
      [
        who.userId ?? null,
        who.name ?? null,
        who.unitId ?? null,
        who.ip ?? null,
        entry.action,
        entry.entityType,
        entry.entityIds,
        entry.dispatchId ?? null,
        entry.before ? JSON.stringify(entry.before) : null,
        entry.after ? JSON.stringify(entry.after) : null,
        currentRequestId() ?? null,
      ],
    );
  }
}
