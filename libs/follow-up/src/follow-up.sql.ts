/**
 * The SQL of follow-up (reminders and escalations): set-based statements over every published
 * dispatch, in bounded batches. No job, no query and no JavaScript per delivery.
 *
 * $1 is "now" (from the Clock, so tests move time); the Vietnam calendar date of $1 is looked up in
 * calendar_days. A step is open while the unit has not done it:
 *   ack      acknowledged_at IS NULL
 *   forward  the unit had units below it (expects_forward) and forwarded_at IS NULL
 *   report   no activity reported and not completed (status not in_progress / completed)
 * Refused and recalled deliveries, and dispatches that are not published, are never chased.
 *
 * Why it is fast at 1,000,000 deliveries: a sweep reads only the deliveries that can be due now.
 * Each dispatch's rule bounds the deadlines that can have a slot at $1 (a window: so many hours or
 * working days before and after), and each step has a partial index on its open deliveries,
 * (dispatch_id, due, id) (migration 1796122500001), so a sweep is one index range scan per
 * published dispatch and step. Dispatches long past their last slot, and working-day rules outside
 * office hours, cost one empty probe. The exact slot is then computed for those rows only.
 */

/** The steps and, for each, its deadline column and when it is open (the partial indexes' predicates, word for word). */
export const FOLLOW_UP_STEPS = {
  ack: { due: 'ack_due_at', open: `d.ack_due_at IS NOT NULL AND d.acknowledged_at IS NULL AND d.status NOT IN ('refused', 'recalled')` },
  forward: {
    due: 'forward_due_at',
    open: `d.forward_due_at IS NOT NULL AND d.expects_forward AND d.forwarded_at IS NULL AND d.status NOT IN ('refused', 'recalled')`,
  },
  report: {
    due: 'report_due_at',
    open: `d.report_due_at IS NOT NULL AND d.status NOT IN ('in_progress', 'completed', 'refused', 'recalled')`,
  },
} as const;
export type FollowUpStepName = keyof typeof FOLLOW_UP_STEPS;

const VN_DATE = `($1::timestamptz AT TIME ZONE 'Asia/Ho_Chi_Minh')::date`;

/**
 * The rule of each published dispatch (its own reminder_rule, else its urgency's policy), and
 * today: its working-day ordinal, and whether working-day cadences may write now (a working day,
 * in office hours, 07:00-20:00 in Vietnam).
 */
const RULES_SQL = `
  rules AS (
    SELECT x.id AS dispatch_id, x.issuer_unit_id,
           COALESCE(x.reminder_rule->>'cadenceUnit', p.cadence_unit) AS unit,
           COALESCE((x.reminder_rule->>'every')::int, p.every) AS every,
           COALESCE((x.reminder_rule->>'before')::int, p.before) AS before,
           COALESCE((x.reminder_rule->>'maxAfter')::int, p.max_after) AS max_after,
           COALESCE((x.reminder_rule->>'escalateAfter')::int, p.escalate_after) AS escalate_after
      FROM dispatches x JOIN reminder_policies p ON p.urgency = x.urgency
     WHERE x.status = 'published'
  ),
  today AS (
    SELECT c.ordinal,
           c.working AND ($1::timestamptz AT TIME ZONE 'Asia/Ho_Chi_Minh')::time BETWEEN time '07:00' AND time '20:00' AS office_open
      FROM calendar_days c WHERE c.day = ${VN_DATE}
  )`;

/** 00:00 in Vietnam of the working day whose ordinal is k (NULL outside the calendar). */
const workingDayStart = (k: string) =>
  `(SELECT c.day::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh' FROM calendar_days c WHERE c.working AND c.ordinal = ${k})`;

/**
 * The deadlines that can have a reminder slot at $1, per dispatch: [lo, hi). A wider window only
 * costs rows; the slot itself is decided exactly below.
 * - hours: after-k up to every*max_after hours past the deadline; 'before' from \`before\` hours ahead.
 * - working days: the due day's ordinal within (today - every*max_after, today + before].
 */
const REMIND_WINDOWS_SQL = `
  windows AS (
    SELECT r.*,
      CASE WHEN r.unit = 'hours' THEN $1::timestamptz - make_interval(hours => r.every * r.max_after)
           ELSE COALESCE(${workingDayStart('t.ordinal - r.every * r.max_after + 1')}, '-infinity') END AS lo,
      CASE WHEN r.unit = 'hours' THEN $1::timestamptz + make_interval(hours => r.before, secs => 1)
           WHEN r.before > 0 THEN COALESCE(${workingDayStart('t.ordinal + r.before + 1')}, 'infinity')
           ELSE $1::timestamptz + interval '1 second' END AS hi
      FROM rules r LEFT JOIN today t ON true
     WHERE r.unit = 'hours' OR t.office_open
  )`;

/** The deadlines that can have an escalation slot at $1: past the grace, for at most every*max_after more. */
const ESCALATE_WINDOWS_SQL = `
  windows AS (
    SELECT r.*,
      CASE WHEN r.unit = 'hours' THEN $1::timestamptz - make_interval(hours => r.escalate_after + r.every * r.max_after)
           ELSE COALESCE(${workingDayStart('t.ordinal - r.escalate_after - r.every * r.max_after + 1')}, '-infinity') END AS lo,
      CASE WHEN r.unit = 'hours' THEN $1::timestamptz - make_interval(hours => r.escalate_after, secs => -1)
           ELSE LEAST($1::timestamptz + interval '1 second', COALESCE(${workingDayStart('t.ordinal - r.escalate_after + 1')}, 'infinity')) END AS hi
      FROM rules r LEFT JOIN today t ON true
     WHERE r.unit = 'hours' OR t.office_open
  )`;

/** Today's and the due day's working-day ordinals of each candidate row (alias b). */
const PENDING_SQL = (step: FollowUpStepName) => `
  pending AS (
    SELECT b.*, '${step}'::text AS step, t.office_open AS today_working,
           t.ordinal - cd.ordinal AS wd_after_due, cd.ordinal - t.ordinal AS wd_before_due
      FROM batch b
      LEFT JOIN today t ON true
      LEFT JOIN calendar_days cd ON cd.day = (b.due_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date
  )`;

/**
 * The current slot of each pending step, or NULL when no reminder is due now:
 * - 'before': from \`before\` hours (or working days) ahead of the deadline until it;
 * - 'after-k': the k-th cadence period after the deadline, k = 1 .. max_after.
 * Working-day cadences only remind on working days. A sweep that missed slots (worker down)
 * sends only the current one: no burst of stale reminders.
 */
const SLOT_SQL = `
  slotted AS (
    SELECT p.*,
      CASE
        WHEN p.unit = 'hours' THEN
          CASE WHEN $1::timestamptz >= p.due_at THEN
                 CASE WHEN floor(extract(epoch FROM $1::timestamptz - p.due_at) / 3600 / p.every) + 1 <= p.max_after
                      THEN 'after-' || (floor(extract(epoch FROM $1::timestamptz - p.due_at) / 3600 / p.every)::int + 1) END
               WHEN p.before > 0 AND $1::timestamptz >= p.due_at - make_interval(hours => p.before) THEN 'before' END
        WHEN NOT p.today_working OR p.wd_after_due IS NULL THEN NULL
        WHEN $1::timestamptz >= p.due_at THEN
          CASE WHEN p.wd_after_due / p.every + 1 <= p.max_after THEN 'after-' || (p.wd_after_due / p.every + 1) END
        WHEN p.before > 0 AND p.wd_before_due <= p.before THEN 'before'
      END AS slot
    FROM pending p
  )`;

/**
 * One batch of the reminder sweep for one step: the next $5 open deliveries inside their
 * dispatch's window, in (dispatch_id, due, id) order after the cursor ($2, $3, $4), read from the
 * step's partial index. Inserts the reminders now due (one per delivery, step and slot) and one
 * outbox message per address, and returns the cursor of the last row read.
 */
export function reminderBatchSql(step: FollowUpStepName): string {
  const { due, open } = FOLLOW_UP_STEPS[step];
  return `
  WITH ${RULES_SQL}, ${REMIND_WINDOWS_SQL},
  batch AS MATERIALIZED (
    SELECT w.dispatch_id, w.unit, w.every, w.before, w.max_after, d.id AS delivery_id, d.${due} AS due_at
      FROM windows w
      JOIN deliveries d ON d.dispatch_id = w.dispatch_id
       AND d.${due} >= CASE WHEN w.dispatch_id = $2::uuid THEN GREATEST(w.lo, $3::timestamptz) ELSE w.lo END
       AND d.${due} < w.hi
     WHERE ${open}
       AND w.dispatch_id >= $2::uuid
       AND (w.dispatch_id > $2::uuid OR (d.${due}, d.id) > ($3::timestamptz, $4::uuid))
     ORDER BY w.dispatch_id, d.${due}, d.id
     LIMIT $5
  ),
  ${PENDING_SQL(step)}, ${SLOT_SQL},
  inserted AS (
    INSERT INTO reminders (delivery_id, dispatch_id, step, slot, due_at, created_at)
    SELECT delivery_id, dispatch_id, step, slot, due_at, $1::timestamptz FROM slotted WHERE slot IS NOT NULL
    ON CONFLICT ON CONSTRAINT reminders_slot_uq DO NOTHING
    RETURNING id, delivery_id
  ),
  mailed AS (
    INSERT INTO messages (delivery_id, reminder_id, kind, to_address)
    SELECT i.delivery_id, i.id, 'reminder', lower(e.address)
      FROM inserted i
      -- Lateral: primary-key lookups per reminder written, never a scan of every unit.
      CROSS JOIN LATERAL (
        SELECT DISTINCT unnest(u.emails) AS address FROM deliveries d JOIN units u ON u.id = d.unit_id WHERE d.id = i.delivery_id
      ) e
    RETURNING 1
  ),
  last AS (SELECT dispatch_id, due_at, delivery_id FROM batch ORDER BY dispatch_id DESC, due_at DESC, delivery_id DESC LIMIT 1)
  SELECT (SELECT count(*) FROM inserted)::int AS reminders, (SELECT count(*) FROM mailed)::int AS messages,
         (SELECT count(*) FROM batch)::int AS scanned,
         (SELECT dispatch_id FROM last) AS "lastDispatchId",
         -- As text: a JS Date would drop the microseconds and stall the keyset.
         (SELECT due_at::text FROM last) AS "lastDueAt",
         (SELECT delivery_id FROM last) AS "lastDeliveryId"`;
}

/**
 * Past deadline + grace (escalate_after hours or working days), the unit above each late unit is
 * told, with the list of its late units: the unit that forwarded (the parent delivery's unit) or,
 * for the issuer's own recipients, the issuer. Cadence as reminders: slot 'esc-k' is the k-th
 * cadence period after the grace, k = 1 .. max_after, so a forgotten dispatch stops escalating.
 *
 * One statement handles one step of one dispatch: the next dispatch after the cursor ($2) with an
 * open delivery inside its window. An escalation lists all the late units below one unit, so a
 * batch never splits a dispatch; a dispatch is at most one national rollout (~70,000 deliveries).
 */
export function escalationBatchSql(step: FollowUpStepName): string {
  const { due, open } = FOLLOW_UP_STEPS[step];
  const inWindow = `d.dispatch_id = w.dispatch_id AND d.${due} >= w.lo AND d.${due} < w.hi AND ${open}`;
  return `
  WITH ${RULES_SQL}, ${ESCALATE_WINDOWS_SQL},
  target AS MATERIALIZED (
    SELECT w.* FROM windows w
     WHERE w.dispatch_id > $2::uuid AND EXISTS (SELECT 1 FROM deliveries d WHERE ${inWindow})
     ORDER BY w.dispatch_id LIMIT 1
  ),
  batch AS MATERIALIZED (
    SELECT w.dispatch_id, w.issuer_unit_id, w.unit, w.every, w.before, w.max_after, w.escalate_after,
           d.id AS delivery_id, d.parent_delivery_id, d.${due} AS due_at
      FROM target w JOIN deliveries d ON ${inWindow}
  ),
  ${PENDING_SQL(step)},
  late AS (
    SELECT p.*,
      CASE
        WHEN p.unit = 'hours' THEN
          CASE WHEN $1::timestamptz >= p.due_at + make_interval(hours => p.escalate_after)
                AND floor((extract(epoch FROM $1::timestamptz - p.due_at) / 3600 - p.escalate_after) / p.every) + 1 <= p.max_after
               THEN 'esc-' || (floor((extract(epoch FROM $1::timestamptz - p.due_at) / 3600 - p.escalate_after) / p.every)::int + 1) END
        WHEN p.today_working AND $1::timestamptz >= p.due_at AND p.wd_after_due >= p.escalate_after
             AND (p.wd_after_due - p.escalate_after) / p.every + 1 <= p.max_after
          THEN 'esc-' || ((p.wd_after_due - p.escalate_after) / p.every + 1)
      END AS slot
    FROM pending p
  ),
  grouped AS (
    SELECT l.dispatch_id, l.step, l.slot, l.parent_delivery_id AS to_delivery_id,
           COALESCE(pd.unit_id, l.issuer_unit_id) AS to_unit_id,
           array_agg(l.delivery_id ORDER BY l.delivery_id) AS late_ids
      FROM late l LEFT JOIN deliveries pd ON pd.id = l.parent_delivery_id
     WHERE l.slot IS NOT NULL
     GROUP BY l.dispatch_id, l.step, l.slot, l.parent_delivery_id, COALESCE(pd.unit_id, l.issuer_unit_id)
  ),
  inserted AS (
    INSERT INTO escalations (dispatch_id, to_unit_id, to_delivery_id, step, slot, late_delivery_ids, created_at)
    SELECT dispatch_id, to_unit_id, to_delivery_id, step, slot, late_ids, $1::timestamptz FROM grouped
    ON CONFLICT ON CONSTRAINT escalations_slot_uq DO NOTHING
    RETURNING id, to_unit_id, to_delivery_id
  ),
  mailed AS (
    INSERT INTO messages (delivery_id, escalation_id, kind, to_address)
    SELECT i.to_delivery_id, i.id, 'escalation', lower(e.address)
      FROM inserted i
      JOIN units u ON u.id = i.to_unit_id
      CROSS JOIN LATERAL (SELECT DISTINCT unnest(u.emails) AS address) e
    RETURNING 1
  )
  SELECT (SELECT count(*) FROM inserted)::int AS escalations, (SELECT count(*) FROM mailed)::int AS messages,
         (SELECT dispatch_id FROM target) AS "dispatchId"`;
}
