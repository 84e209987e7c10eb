import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { escalationBatchSql, FOLLOW_UP_STEPS, type FollowUpStepName, reminderBatchSql } from './follow-up.sql.js';

export interface ReminderSweepResult {
  reminders: number;
  messages: number;
}

export interface EscalationSweepResult {
  escalations: number;
  messages: number;
}

/** Deliveries read per reminder statement: each batch is its own short transaction. */
export const REMINDER_BATCH = 5000;

const STEPS = Object.keys(FOLLOW_UP_STEPS) as FollowUpStepName[];
const REMINDER_SQL = Object.fromEntries(STEPS.map((s) => [s, reminderBatchSql(s)])) as Record<FollowUpStepName, string>;
const ESCALATION_SQL = Object.fromEntries(STEPS.map((s) => [s, escalationBatchSql(s)])) as Record<FollowUpStepName, string>;
const FIRST_UUID = '00000000-0000-0000-0000-000000000000';

interface ReminderBatchRow extends ReminderSweepResult {
  scanned: number;
  lastDispatchId: string | null;
  lastDueAt: string | null;
  lastDeliveryId: string | null;
}

/**
 * Runs the follow-up sweeps at a given instant, as set-based statements in bounded batches
 * (follow-up.sql.ts): per step, reminders in keyset pages of REMINDER_BATCH deliveries, and
 * escalations one dispatch at a time. Only the deliveries that can be due are read. Unique keys
 * make every batch idempotent: run the sweep twice, from two workers, or after a restart, and the
 * second run writes nothing. The messages wait in the outbox as pending rows; the caller hands
 * them to the mail queue (MailOutbox.enqueuePending), or the outbox relay does.
 */
@Injectable()
export class FollowUpSweeps {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async remind(now: Date): Promise<ReminderSweepResult> {
    const total = { reminders: 0, messages: 0 };
    for (const step of STEPS) {
      let cursor: [string, string, string] = [FIRST_UUID, '-infinity', FIRST_UUID];
      for (;;) {
        const [row] = (await this.db.query(REMINDER_SQL[step], [now, ...cursor, REMINDER_BATCH])) as ReminderBatchRow[];
        total.reminders += row.reminders;
        total.messages += row.messages;
        if (row.scanned < REMINDER_BATCH) break;
        cursor = [row.lastDispatchId!, row.lastDueAt!, row.lastDeliveryId!];
      }
    }
    return total;
  }

  async escalate(now: Date): Promise<EscalationSweepResult> {
    const total = { escalations: 0, messages: 0 };
    for (const step of STEPS) {
      let after = FIRST_UUID;
      for (;;) {
        const [row] = (await this.db.query(ESCALATION_SQL[step], [now, after])) as (EscalationSweepResult & {
          dispatchId: string | null;
        })[];
        total.escalations += row.escalations;
        total.messages += row.messages;
        if (!row.dispatchId) break;
        after = row.dispatchId;
      }
    }
    return total;
  }
}
