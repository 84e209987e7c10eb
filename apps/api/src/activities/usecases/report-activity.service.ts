import { Clock, vnCalendarDate } from '@app/common';
import { DeliveryStatus } from '@app/database';
import {
  ActivityRepository,
  DeliveryAction,
  DELIVERY_TRANSITIONS,
  DeliveryRepository,
  DispatchRepository,
  requireTransition,
} from '@app/rollout';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService, auditActor } from '../../audit/audit.service.js';
import type { Actor } from '../../auth/actor.js';
import { DeliveryAccess } from '../../access/delivery-access.service.js';
import { requireTaskNumber, snapshotOf } from '../activity-access.js';
import { assertDateAccepted, computeFlags } from '../activity-flags.js';
import type { ReportActivityDto } from '../dto/activity.dto.js';
import { ActivityViews, ActivityView } from '../views/activity-views.service.js';

/**
 * A unit reports what it did for a delivery. One transaction: the activity with its flags, the
 * delivery's move to "05 in progress" (conditional, so concurrent reports move it once), and the
 * audit events of both.
 */
@Injectable()
export class ReportActivityService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly deliveries: DeliveryAccess,
    private readonly views: ActivityViews,
    private readonly repository: DeliveryRepository,
    private readonly activities: ActivityRepository,
    private readonly dispatches: DispatchRepository,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async report(actor: Actor, deliveryId: string, dto: ReportActivityDto, ip: string | null): Promise<ActivityView> {
    return this.db.transaction(async (em) => {
      // Locked: a refusal or acknowledgement committing meanwhile cannot slip between the checks and the insert.
      const delivery = await this.deliveries.requireOwn(actor, deliveryId, em, true);
      // The transition table decides: refused or dispatch not in force -> its catalogued 409.
      requireTransition(DeliveryAction.ReportActivity, delivery);
      const today = vnCalendarDate(this.clock.now());
      assertDateAccepted(dto.occurredOn, today);
      const taskNumber = dto.taskNumber ?? null;
      requireTaskNumber(await this.dispatches.taskNumbers(em, delivery.dispatchId), taskNumber);
      const links = dto.links ?? [];
      const flags = computeFlags({
        channel: dto.channel,
        occurredOn: dto.occurredOn,
        links,
        reportedAt: this.clock.now(),
        acknowledgedAt: delivery.acknowledgedAt,
        dispatchIssuedDate: delivery.dispatchIssuedDate,
        datedInFuture: dto.occurredOn > today,
        duplicateEvidence: false,
      });
      const activity = await this.activities.insert(em, {
        deliveryId: delivery.id,
        unitId: delivery.unitId,
        dispatchId: delivery.dispatchId,
        taskNumber,
        channel: dto.channel,
        occurredOn: dto.occurredOn,
        place: dto.place || null,
        reach: dto.reach ?? null,
        quantity: dto.quantity ?? null,
        links,
        description: dto.description || null,
        flags,
        reportedBy: actor.userId || null, // none when reported through the e-mail link
      });
      const who = auditActor(actor, ip);
      await this.audit.record(em, who, {
        action: 'activity.reported',
        entityType: 'activity',
        entityId: activity.id,
        dispatchId: delivery.dispatchId,
        after: { deliveryId: delivery.id, unitId: delivery.unitId, ...snapshotOf(activity) },
      });
      // "05": the transition table says which statuses a first report moves (acknowledged ones).
      if (await this.repository.startProgress(em, delivery.id)) {
        await this.audit.record(em, who, {
          action: DELIVERY_TRANSITIONS[DeliveryAction.ReportActivity].auditAction,
          entityType: 'delivery',
          entityId: delivery.id,
          dispatchId: delivery.dispatchId,
          before: { status: delivery.status },
          after: { status: DeliveryStatus.InProgress, activityId: activity.id },
        });
      }
      return this.views.one(activity.id, em);
    });
  }
}
