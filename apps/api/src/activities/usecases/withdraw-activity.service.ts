import { ActivityRepository } from '@app/rollout';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService, auditActor } from '../../audit/audit.service.js';
import type { Actor } from '../../auth/actor.js';
import { ActivityAccess, assertDispatchInForce } from '../activity-access.js';
import type { WithdrawActivityDto } from '../dto/activity.dto.js';
import { ActivityView, ActivityViews } from '../views/activity-views.service.js';

/**
 * Deleting an activity is a soft, audited withdrawal: the row stays readable, marked withdrawn, and
 * leaves every count. Withdrawing again changes nothing and returns the first withdrawal.
 */
@Injectable()
export class WithdrawActivityService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly activities: ActivityAccess,
    private readonly repository: ActivityRepository,
    private readonly views: ActivityViews,
    private readonly audit: AuditService,
  ) {}

  async withdraw(actor: Actor, activityId: string, dto: WithdrawActivityDto, ip: string | null): Promise<ActivityView> {
    return this.db.transaction(async (em) => {
      const { activity, delivery } = await this.activities.requireOwn(actor, activityId, em, true);
      if (activity.withdrawnAt) return this.views.one(activity.id, em);
      assertDispatchInForce(delivery);
      const withdrawnAt = await this.repository.withdraw(em, activity.id, actor.userId, dto.reason);
      await this.audit.record(em, auditActor(actor, ip), {
        action: 'activity.withdrawn',
        entityType: 'activity',
        entityId: activity.id,
        dispatchId: activity.dispatchId,
        before: { withdrawnAt: null, version: activity.version },
        after: { withdrawnAt, reason: dto.reason, version: activity.version },
      });
      return this.views.one(activity.id, em);
    });
  }
}
