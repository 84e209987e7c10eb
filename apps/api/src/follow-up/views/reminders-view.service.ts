import { type EffectiveRule, ReminderViewReader } from '@app/rollout';
import { viReminderSummary } from '@app/vocabulary';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Actor } from '../../auth/actor.js';
import { DispatchAccess } from '../../access/dispatch-access.service.js';
import { ReminderHistoryQuery } from '../dto/follow-up.dto.js';
import type { DispatchRemindersDto } from '../dto/follow-up-responses.dto.js';

export type { EffectiveRule };

/** "đã nhắc 2 lần, lần cuối 08:30 05/12" (libs/vocabulary, as the web writes it). */
export const reminderSummary = viReminderSummary;

/**
 * The plan (when each step's reminders and escalation fall due, on the working-day calendar) and
 * the history (who was reminded, how often, when last) of one dispatch.
 */
@Injectable()
export class RemindersView {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: DispatchAccess,
    private readonly reader: ReminderViewReader,
  ) {}

  async rule(dispatchId: string): Promise<EffectiveRule> {
    return this.reader.rule(this.db, dispatchId);
  }

  async get(actor: Actor, dispatchId: string, query: ReminderHistoryQuery): Promise<DispatchRemindersDto> {
    await this.access.requireViewable(actor, dispatchId);
    const rule = await this.rule(dispatchId);
    const plan = await this.reader.plan(this.db, dispatchId, rule);
    const { total, reminders, escalations } = await this.reader.totals(this.db, dispatchId);
    const rows = await this.reader.history(this.db, dispatchId, query.limit, query.offset);
    return {
      rule,
      plan,
      history: {
        unitsReminded: total,
        reminders,
        escalations,
        page: query.page,
        limit: query.limit,
        items: rows.map((r) => ({ ...r, summary: reminderSummary(r.count, r.lastAt) })),
      },
    };
  }
}
