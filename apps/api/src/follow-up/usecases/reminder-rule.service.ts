import { fail } from '@app/common';
import { DispatchStatus } from '@app/database';
import { DispatchRepository } from '@app/rollout';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService, auditActor } from '../../audit/audit.service.js';
import type { Actor } from '../../auth/actor.js';
import { DispatchAccess } from '../../access/dispatch-access.service.js';
import { ReminderRuleDto } from '../dto/follow-up.dto.js';
import { RemindersView } from '../views/reminders-view.service.js';

/** The issuer edits the reminder rule of one dispatch; the next sweep follows it. */
@Injectable()
export class ReminderRuleService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: DispatchAccess,
    private readonly audit: AuditService,
    private readonly view: RemindersView,
    private readonly dispatches: DispatchRepository,
  ) {}

  async set(actor: Actor, dispatchId: string, dto: ReminderRuleDto, ip: string | null) {
    const { dispatch } = await this.access.requireManageable(actor, dispatchId);
    if (dispatch.status === DispatchStatus.Recalled || dispatch.status === DispatchStatus.Closed) {
      throw fail('REMINDER_RULE_NOT_IN_FORCE');
    }
    const rule = Object.fromEntries(Object.entries({ ...dto }).filter(([, v]) => v !== undefined));
    await this.db.transaction(async (em) => {
      await this.dispatches.setReminderRule(em, dispatchId, Object.keys(rule).length ? rule : null);
      await this.audit.record(em, auditActor(actor, ip), {
        action: 'dispatch.reminder_rule_set',
        entityType: 'dispatch',
        entityId: dispatchId,
        dispatchId,
        before: { rule: dispatch.reminderRule },
        after: { rule },
      });
    });
    return this.view.rule(dispatchId);
  }
}
