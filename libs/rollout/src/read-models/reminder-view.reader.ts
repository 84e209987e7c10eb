import { Injectable } from '@nestjs/common';
import { type Db, selectRows } from '../repositories/sql.js';

/** The reminder rule in force for a dispatch: the issuer's own, key by key over its urgency's policy. */
export interface EffectiveRule {
  cadenceUnit: 'hours' | 'working_days';
  every: number;
  before: number;
  maxAfter: number;
  escalateAfter: number;
  /** True when the dispatch has its own rule (set by the issuer), false when it follows its urgency's policy. */
  own: boolean;
}

/** When one deadline's reminders and escalation fall due. */
export interface ReminderPlanStep {
  step: 'ack' | 'forward' | 'report';
  dueAt: Date;
  beforeAt: Date | null;
  afterAt: Date[];
  escalateAt: Date | null;
}

/** How many units were reminded, how many reminders and escalations went out. */
export interface ReminderTotals {
  total: number;
  reminders: number;
  escalations: number;
}

/** One reminded unit of the history: how often, by which steps, how many by hand, when last. */
export interface ReminderHistoryRow {
  deliveryId: string;
  unitId: string;
  unitName: string;
  count: number;
  lastAt: Date;
  steps: string[];
  manual: number;
}

const RULE_SQL = `
  SELECT COALESCE(x.reminder_rule->>'cadenceUnit', p.cadence_unit) AS "cadenceUnit",
         COALESCE((x.reminder_rule->>'every')::int, p.every) AS every,
         COALESCE((x.reminder_rule->>'before')::int, p.before) AS before,
         COALESCE((x.reminder_rule->>'maxAfter')::int, p.max_after) AS "maxAfter",
         COALESCE((x.reminder_rule->>'escalateAfter')::int, p.escalate_after) AS "escalateAfter",
         x.reminder_rule IS NOT NULL AS own
    FROM dispatches x JOIN reminder_policies p ON p.urgency = x.urgency WHERE x.id = $1`;

/**
 * The reminders page of a dispatch: the rule in force, the plan (when each step's reminders and
 * escalation fall due, on the working-day calendar) and the history (who was reminded, how often, when last).
 */
@Injectable()
export class ReminderViewReader {
  /** The caller checked the dispatch exists. */
  async rule(db: Db, dispatchId: string): Promise<EffectiveRule> {
    const [rule] = await selectRows<EffectiveRule>(db, RULE_SQL, [dispatchId]);
    return rule;
  }

  async totals(db: Db, dispatchId: string): Promise<ReminderTotals> {
    const [row] = await selectRows<ReminderTotals>(
      db,
      `SELECT (SELECT count(DISTINCT delivery_id) FROM reminders WHERE dispatch_id = $1)::int AS total,
              (SELECT count(*) FROM reminders WHERE dispatch_id = $1)::int AS reminders,
              (SELECT count(*) FROM escalations WHERE dispatch_id = $1)::int AS escalations`,
      [dispatchId],
    );
    return row;
  }

  /** One page of the reminded units, most recently reminded first. */
  async history(db: Db, dispatchId: string, limit: number, offset: number): Promise<ReminderHistoryRow[]> {
    return selectRows<ReminderHistoryRow>(
      db,
      `SELECT r.delivery_id AS "deliveryId", u.id AS "unitId", u.name AS "unitName", count(*)::int AS count,
              max(r.created_at) AS "lastAt", array_agg(DISTINCT r.step) AS steps,
              count(*) FILTER (WHERE r.requested_by IS NOT NULL)::int AS manual
         FROM reminders r JOIN deliveries d ON d.id = r.delivery_id JOIN units u ON u.id = d.unit_id
        WHERE r.dispatch_id = $1
        GROUP BY r.delivery_id, u.id, u.name
        ORDER BY max(r.created_at) DESC, u.name
        LIMIT $2 OFFSET $3`,
      [dispatchId, limit, offset],
    );
  }

  /**
   * For each deadline of the dispatch: when the "before" reminder, the reminders after it and the
   * escalation fall due. Working-day cadences count on calendar_days and go out from 07:00.
   */
  async plan(db: Db, dispatchId: string, rule: EffectiveRule): Promise<ReminderPlanStep[]> {
    return selectRows<ReminderPlanStep>(
      db,
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
  }
}
