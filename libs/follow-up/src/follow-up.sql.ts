/**
 * The SQL of follow-up (reminders and escalations). Each sweep is ONE statement over every
 * published dispatch: no job, no query and no JavaScript per delivery.
 *
 * $1 is "now" (from the Clock, so tests move time); the Vietnam calendar date of $1 is looked up in
 * calendar_days. A step is pending while the unit has not done it:
 *   ack      acknowledged_at IS NULL
 *   forward  the unit had units below it (expects_forward) and forwarded_at IS NULL
 *   report   no activity reported and not completed (status not in_progress / completed)
 * Refused and recalled deliveries, and dispatches that are not published, are never chased.
 */

/** The rule of each published dispatch: its own (reminder_rule), else its urgency's policy. */
const RULES_SQL = `
  rules AS (
    SELECT x.id AS dispatch_id, x.issuer_unit_id,
           COALESCE(x.reminder_rule->>'cadenceUnit', p.cadence_unit) AS unit,
           COALESCE((x.reminder_rule->>'every')::int, p.every) AS every,
           COALESCE((x.reminder_rule->>'before')::int, p.before) AS before,
           COALESCE((x.reminder_rule->>'maxAfter')::int, p.max_after) AS max_after,
           COALESCE((x.reminder_rule->>'escalateAfter')::int, p.escalate_after) AS escalate_after
      FROM dispatches x JOIN reminder_policies p ON p.urgency = x.urgency
     WHERE x.status = 'published' AND ($2::uuid IS NULL OR x.id = $2::uuid)
  )`;

/** Every pending step with a deadline, with the working-day ordinals of today and of the due day. */
const PENDING_SQL = `
  today AS (
    SELECT c.ordinal, c.working FROM calendar_days c WHERE c.day = ($1::timestamptz AT TIME ZONE 'Asia/Ho_Chi_Minh')::date
  ),
  pending AS (
    SELECT d.id AS delivery_id, d.dispatch_id, d.unit_id, d.parent_delivery_id, r.issuer_unit_id,
           s.step, s.due_at, r.unit, r.every, r.before, r.max_after, r.escalate_after,
           -- Working-day cadences write only on a working day, in office hours (07:00-20:00 in Vietnam).
           t.working AND ($1::timestamptz AT TIME ZONE 'Asia/Ho_Chi_Minh')::time BETWEEN time '07:00' AND time '20:00' AS today_working,
           t.ordinal - cd.ordinal AS wd_after_due,
           cd.ordinal - t.ordinal AS wd_before_due
      FROM rules r
      JOIN deliveries d ON d.dispatch_id = r.dispatch_id
      CROSS JOIN LATERAL (VALUES
        ('ack', d.ack_due_at, d.acknowledged_at IS NULL),
        ('forward', d.forward_due_at, d.expects_forward AND d.forwarded_at IS NULL),
        ('report', d.report_due_at, d.status NOT IN ('in_progress', 'completed'))
      ) AS s(step, due_at, open)
      CROSS JOIN today t
      LEFT JOIN calendar_days cd ON cd.day = (s.due_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date
     WHERE s.open AND s.due_at IS NOT NULL AND d.status NOT IN ('refused', 'recalled')
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

/** Inserts the reminders now due (one per delivery, step and slot) and one outbox message per address. */
export const REMINDER_SWEEP_SQL = `
  WITH ${RULES_SQL}, ${PENDING_SQL}, ${SLOT_SQL},
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
      JOIN deliveries d ON d.id = i.delivery_id
      JOIN units u ON u.id = d.unit_id
      CROSS JOIN LATERAL (SELECT DISTINCT unnest(u.emails) AS address) e
    RETURNING 1
  )
  SELECT (SELECT count(*) FROM inserted)::int AS reminders, (SELECT count(*) FROM mailed)::int AS messages`;

/**
 * Past deadline + grace (escalate_after hours or working days), the unit above each late unit is
 * told, with the list of its late units: the unit that forwarded (the parent delivery's unit) or,
 * for the issuer's own recipients, the issuer. Cadence as reminders: slot 'esc-k' is the k-th
 * cadence period after the grace, k = 1 .. max_after, so a forgotten dispatch stops escalating.
 */
export const ESCALATION_SWEEP_SQL = `
  WITH ${RULES_SQL}, ${PENDING_SQL},
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
  SELECT (SELECT count(*) FROM inserted)::int AS escalations, (SELECT count(*) FROM mailed)::int AS messages`;
