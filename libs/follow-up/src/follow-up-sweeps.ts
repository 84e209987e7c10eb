import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ESCALATION_SWEEP_SQL, REMINDER_SWEEP_SQL } from './follow-up.sql.js';

export interface ReminderSweepResult {
  reminders: number;
  messages: number;
}

export interface EscalationSweepResult {
  escalations: number;
  messages: number;
}

/**
 * Runs the follow-up sweeps at a given instant. Each is one set-based statement (follow-up.sql.ts)
 * whose unique keys make it idempotent: run it twice, from two workers, or after a restart, and
 * the second run writes nothing. The messages it writes wait in the outbox as pending rows; the
 * caller hands them to the mail queue (MailOutbox.enqueuePending), or the outbox relay does.
 */
@Injectable()
export class FollowUpSweeps {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async remind(now: Date, dispatchId: string | null = null): Promise<ReminderSweepResult> {
    const [row] = await this.db.query(REMINDER_SWEEP_SQL, [now, dispatchId]);
    return row;
  }

  async escalate(now: Date, dispatchId: string | null = null): Promise<EscalationSweepResult> {
    const [row] = await this.db.query(ESCALATION_SWEEP_SQL, [now, dispatchId]);
    return row;
  }
}
