import { viReminderSummary } from '@app/vocabulary';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Actor } from '../../auth/actor.js';
import { DispatchAccess } from '../../access/dispatch-access.service.js';
import { ReminderHistoryQuery } from '../dto/follow-up.dto.js';

export interface EffectiveRule {
  cadenceUnit: 'hours' | 'working_days';
  every: number;
  before: number;
  maxAfter: number;
  escalateAfter: number;
  /** True when the dispatch has its own rule (set by the issuer), false when it follows its urgency's policy. */
  own: boolean;
}

/** "đã nhắc 2 lần, lần cuối 08:30 05/12" (libs/vocabulary, as the web writes it). */
export const reminderSummary = viReminderSummary;

const RULE_SQL = `
  SELECT COALESCE(x.reminder_rule->>'cadenceUnit', p.cadence_unit) AS "cadenceUnit",
         COALESCE((x.reminder_rule->>'every')::int, p.every) AS every,
         COALESCE((x.reminder_rule->>'before')::int, p.before) AS before,
         COALESCE((x.reminder_rule->>'maxAfter')::int, p.max_after) AS "maxAfter",
         COALESCE((x.reminder_rule->>'escalateAfter')::int, p.escalate_after) AS "escalateAfter",
         x.reminder_rule IS NOT NULL AS own
    FROM dispatches x JOIN reminder_policies p ON p.urgency = x.urgency WHERE x.id = $1`;

/**
 * The plan (when each step's reminders and escalation fall due, on the working-day calendar) and
 * the history (who was reminded, how often, when last) of one dispatch.
 */
@Injectable()
export class RemindersView {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: DispatchAccess,
  ) {}

  async rule(dispatchId: string): Promise<EffectiveRule> {
    const [rule] = await this.db.query(RULE_SQL, [dispatchId]);
    return rule;
  }

  async get(actor: Actor, dispatchId: string, query: ReminderHistoryQuery) {
    await this.access.requireViewable(actor, dispatchId);
    const rule = await this.rule(dispatchId);
    const plan = await this.plan(dispatchId, rule);
    const [{ total, reminders, escalations }] = await this.db.query(
      `SELECT (SELECT count(DISTINCT delivery_id) FROM reminders WHERE dispatch_id = $1)::int AS total,
              (SELECT count(*) FROM reminders WHERE dispatch_id = $1)::int AS reminders,
              (SELECT count(*) FROM escalations WHERE dispatch_id = $1)::int AS escalations`,
      [dispatchId],
    );
    const rows: { deliveryId: string; unitId: string; unitName: string; count: number; lastAt: Date; steps: string[]; manual: number }[] =
      await this.db.query(
        `SELECT r.delivery_id AS "deliveryId", u.id AS "unitId", u.name AS "unitName", count(*)::int AS count,
                max(r.created_at) AS "lastAt", array_agg(DISTINCT r.step) AS steps,
                count(*) FILTER (WHERE r.requested_by IS NOT NULL)::int AS manual
           FROM reminders r JOIN deliveries d ON d.id = r.delivery_id JOIN units u ON u.id = d.unit_id
          WHERE r.dispatch_id = $1
          GROUP BY r.delivery_id, u.id, u.name
          ORDER BY max(r.created_at) DESC, u.name
          LIMIT $2 OFFSET $3`,
        [dispatchId, query.limit, query.offset],
      );
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

  /**
   * For each deadline of the dispatch: when the "before" reminder, the reminders after it and the
   * escalation fall due. Working-day cadences count on calendar_days and go out from 07:00.
   */
  private async plan(dispatchId: string, rule: EffectiveRule) {
    const rows: { step: string; dueAt: Date; beforeAt: Date | null; afterAt: Date[]; escalateAt: Date | null }[] = await this.db.query(
      `WITH s AS (
         SELECT v.step, v.due, cd.ordinal, cd.working
           FROM dispatches x
           CROSS JOIN LATERAL (VALUES (1, 'ack', x.ack_due_at), (2, 'forward', x.forward_due_at), (3, 'report', x.report_due_at)) AS v(n, step, due)
           LEFT JOIN calendar_days cd ON cd.day = (v.due AT TIME ZONE 'Asia/Ho_Chi_Minh')::date
          WHERE x.id = $1 AND v.due IS NOT NULL
       ),
       wd AS (SELECT day, ordinal FROM calendar_days WHERE working)
       SELECT s.step, s.due AS "dueAt",
              CASE WHEN $3 = 0 THEN NULL
                   WHEN $2 = 'hours' THEN s.due - make_interval(hours => $3)
                   ELSE (SELECT (wd.day + time '07:00') AT TIME ZONE 'Asia/Ho_Chi_Minh' FROM wd
                          WHERE wd.ordinal = s.ordinal - $3 + CASE WHEN s.working THEN 0 ELSE 1 END) END AS "beforeAt",
              ARRAY(SELECT CASE WHEN $2 = 'hours' THEN s.due + make_interval(hours => (k - 1) * $4)
                                WHEN k = 1 THEN s.due
                                ELSE (SELECT (wd.day + time '07:00') AT TIME ZONE 'Asia/Ho_Chi_Minh' FROM wd WHERE wd.ordinal = s.ordinal + (k - 1) * $4) END
                      FROM generate_series(1, $5::int) AS k) AS "afterAt",
              CASE WHEN $2 = 'hours' THEN s.due + make_interval(hours => $6)
                   WHEN $6 = 0 THEN s.due
                   ELSE (SELECT (wd.day + time '07:00') AT TIME ZONE 'Asia/Ho_Chi_Minh' FROM wd WHERE wd.ordinal = s.ordinal + $6) END AS "escalateAt"
         FROM s ORDER BY s.step = 'report', s.step = 'forward'`,
      [dispatchId, rule.cadenceUnit, rule.before, rule.every, rule.maxAfter, rule.escalateAfter],
    );
    return rows;
  }
}
