import { Clock } from '@app/common';
import { DispatchStatus } from '@app/database';
import { DeliveryRepository, DISPATCH_TRANSITIONS, DispatchAction, DispatchRepository, MessageRepository } from '@app/rollout';
import { Injectable } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService, auditActor } from '../../audit/audit.service.js';
import type { Actor } from '../../auth/actor.js';
import { DispatchAccess } from '../../access/dispatch-access.service.js';
import { DISPATCH_MAILS_WRITTEN, type DeliveriesCreatedEvent } from '../../dispatches/events.js';

export interface RecallResult {
  dispatchId: string;
  status: DispatchStatus;
  recalledAt: Date;
  reason: string;
  deliveriesRecalled: number;
  messagesCancelled: number;
  recallMessages: number;
}

/**
 * Thu hồi: in one transaction the dispatch becomes recalled and every delivery of it, down the
 * whole cascade, moves to `recalled` (the Recall row of the transition table); mails not sent yet
 * are cancelled, and every address that received the notice gets a recall notice. Repeating it
 * returns the first recall unchanged.
 */
@Injectable()
export class RecallDispatchService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: DispatchAccess,
    private readonly audit: AuditService,
    private readonly events: EventEmitter2,
    private readonly clock: Clock,
    private readonly dispatches: DispatchRepository,
    private readonly deliveries: DeliveryRepository,
    private readonly messages: MessageRepository,
  ) {}

  async recall(actor: Actor, dispatchId: string, reason: string, ip: string | null): Promise<RecallResult> {
    await this.access.requireManageable(actor, dispatchId);
    const result = await this.db.transaction(async (em) => {
      const { decision, from } = await this.dispatches.require(em, dispatchId, DispatchAction.Recall);
      if (decision === 'keep') {
        const first = await this.dispatches.recallOf(em, dispatchId);
        return {
          dispatchId,
          status: from,
          recalledAt: first.recalledAt,
          reason: first.reason,
          deliveriesRecalled: 0,
          messagesCancelled: 0,
          recallMessages: 0,
        };
      }
      const now = this.clock.now();
      const recalled = await this.deliveries.recallAll(em, dispatchId, now);
      await this.dispatches.apply(em, dispatchId, DispatchAction.Recall);
      await this.dispatches.recordRecall(em, dispatchId, now, actor.userId, reason);
      // Nothing more of this dispatch goes out: notices, reminders and escalations still waiting are cancelled.
      const cancelled = await this.messages.cancelPendingOfDispatch(em, dispatchId);
      // Every address that received the notice is told, once.
      const recallMessages = await this.messages.writeRecallNotices(em, dispatchId);
      const who = auditActor(actor, ip);
      await this.audit.record(em, who, {
        action: DISPATCH_TRANSITIONS[DispatchAction.Recall].auditAction,
        entityType: 'dispatch',
        entityId: dispatchId,
        dispatchId,
        before: { status: from },
        after: { status: DispatchStatus.Recalled, reason, deliveries: recalled.length },
      });
      await this.audit.recordMany(em, who, {
        action: 'delivery.recalled',
        entityType: 'delivery',
        entityIds: recalled,
        dispatchId,
        after: { status: 'recalled', reason },
      });
      return {
        dispatchId,
        status: DispatchStatus.Recalled,
        recalledAt: now,
        reason,
        deliveriesRecalled: recalled.length,
        messagesCancelled: cancelled,
        recallMessages,
      };
    });
    if (result.recallMessages > 0) this.events.emit(DISPATCH_MAILS_WRITTEN, { dispatchId } satisfies DeliveriesCreatedEvent);
    return result;
  }
}
