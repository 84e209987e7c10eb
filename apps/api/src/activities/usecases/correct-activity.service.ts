import { Clock, conflict, vnCalendarDate } from '@app/common';
import { ActivityFlag } from '@app/database';
import { ActivityRepository, DispatchRepository } from '@app/rollout';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { isDeepStrictEqual } from 'node:util';
import { DataSource } from 'typeorm';
import { AuditService, auditActor } from '../../audit/audit.service.js';
import type { Actor } from '../../auth/actor.js';
import {
  ActivityAccess,
  ActivitySnapshot,
  assertNotWithdrawn,
  assertOpenForReports,
  requireTaskNumber,
  snapshotOf,
} from '../activity-access.js';
import { assertDateAccepted, computeFlags } from '../activity-flags.js';
import type { CorrectActivityDto } from '../dto/activity.dto.js';
import { ActivityView, ActivityViews } from '../views/activity-views.service.js';

/**
 * A correction never overwrites silently: the version being replaced goes to activity_revisions,
 * the version number goes up, the flags are recomputed, and the audit event carries before/after.
 * The caller names the version it corrects; a stale one is refused (409), so two officers
 * correcting at once cannot erase each other's work.
 */
@Injectable()
export class CorrectActivityService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly activities: ActivityAccess,
    private readonly repository: ActivityRepository,
    private readonly dispatches: DispatchRepository,
    private readonly views: ActivityViews,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async correct(actor: Actor, activityId: string, dto: CorrectActivityDto, ip: string | null): Promise<ActivityView> {
    return this.db.transaction(async (em) => {
      const { activity, delivery } = await this.activities.requireOwn(actor, activityId, em, true);
      assertNotWithdrawn(activity);
      if (dto.version !== activity.version) {
        throw conflict(
          `Hoạt động đã được sửa bởi người khác (phiên bản hiện tại ${activity.version}, bạn đang sửa phiên bản ${dto.version}). Hãy tải lại rồi sửa lại.`,
          { currentVersion: activity.version },
        );
      }
      assertOpenForReports(delivery);

      const next = {
        taskNumber: dto.taskNumber !== undefined ? dto.taskNumber : activity.taskNumber,
        channel: dto.channel ?? activity.channel,
        occurredOn: dto.occurredOn ?? activity.occurredOn,
        place: dto.place !== undefined ? dto.place || null : activity.place,
        reach: dto.reach !== undefined ? dto.reach : activity.reach,
        quantity: dto.quantity !== undefined ? dto.quantity : activity.quantity,
        links: dto.links !== undefined ? (dto.links ?? []) : activity.links,
        description: dto.description !== undefined ? dto.description || null : activity.description,
      };
      const today = vnCalendarDate(this.clock.now());
      const dateChanged = next.occurredOn !== activity.occurredOn;
      if (dateChanged) assertDateAccepted(next.occurredOn, today);
      if (next.taskNumber !== activity.taskNumber)
        requireTaskNumber(await this.dispatches.taskNumbers(em, delivery.dispatchId), next.taskNumber);

      const flags = computeFlags({
        ...next,
        reportedAt: activity.createdAt,
        acknowledgedAt: delivery.acknowledgedAt,
        dispatchIssuedDate: delivery.dispatchIssuedDate,
        // "Dated in the future" belongs to the moment a date was written: a correction that keeps the date keeps the verdict.
        datedInFuture: dateChanged ? next.occurredOn > today : activity.flags.includes(ActivityFlag.FutureDate),
        duplicateEvidence: activity.flags.includes(ActivityFlag.DuplicateEvidence),
      });
      const before = snapshotOf(activity);
      const after: ActivitySnapshot = { ...next, flags, version: activity.version + 1 };
      if (isDeepStrictEqual({ ...before, version: 0 }, { ...after, version: 0 })) return this.views.one(activity.id, em);

      await this.repository.keepRevision(em, activity.id, activity.version, before, actor.userId);
      await this.repository.correct(em, activity.id, after);
      await this.audit.record(em, auditActor(actor, ip), {
        action: 'activity.corrected',
        entityType: 'activity',
        entityId: activity.id,
        dispatchId: activity.dispatchId,
        before: { ...before },
        after: { ...after },
      });
      return this.views.one(activity.id, em);
    });
  }
}
