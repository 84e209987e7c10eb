import { overdueAckSql, overdueForwardSql, overdueReportSql } from '@app/reports';

/**
 * The daily digest of every leader, in ONE statement: no query and no JavaScript per leader or per
 * delivery.
 *
 * $1 is "now" (from the Clock), $2 the Vietnam calendar day the digest is for, ($3, $4] the day's
 * window for "what changed": from the configured hour yesterday to the configured hour today (so
 * a digest sent late, after a worker was down, neither repeats nor skips a change). Only the
 * leaders (role leader, active) without a digest for $2 are written, under digests_user_day_uq,
 * and the outbox row of each is inserted by the same statement: a second run the same day writes
 * nothing.
 *
 * Scope, as the api's DeliveryAccess lets a leader read: a delivery is in a leader's digest when
 * its recipient lies in the leader's branch (the unit's subtree, which holds the leadership body,
 * the Ban Giám đốc) or its dispatch was issued from that branch. Only published dispatches count
 * (closed and recalled ones are over). Late units are listed under the unit that directs them in
 * the rollout: the one that forwarded to them, else the issuer.
 *
 * Set-based at national scale: late deliveries are first folded per (issuer, branch, unit), so the
 * rows multiplied by the leaders who see them are units, not deliveries; only the day's changes
 * (few) are kept per delivery. Lists are capped (CAP_*) and carry their totals; the content is a
 * jsonb snapshot the worker renders as it is.
 */
const CAP_DISPATCHES = 20;
const CAP_BRANCHES = 20;
const CAP_UNITS_PER_BRANCH = 10;
const CAP_CHANGES = 20;
const CAP_NEWLY_LATE = 10;

const AT = '$1::timestamptz';
const SINCE = '$3::timestamptz';
const UNTIL = '$4::timestamptz';
const LATE_ACK = overdueAckSql(AT);
const LATE_FORWARD = overdueForwardSql(AT);
const LATE_REPORT = overdueReportSql(AT);

/** The step names of a late-steps bit mask (1 ack, 2 forward, 4 report), for the few rows a digest lists. */
const stepsOf = (mask: string) =>
  `array_remove(ARRAY[CASE WHEN ${mask} & 1 > 0 THEN 'ack' END, CASE WHEN ${mask} & 2 > 0 THEN 'forward' END,
                      CASE WHEN ${mask} & 4 > 0 THEN 'report' END], NULL)`;

/** The late steps of a facts row (alias f) whose deadline passes \`cond\`, as a bit mask, and the earliest of their deadlines. */
const lateSteps = (cond: (due: string) => string) => ({
  mask: `(CASE WHEN ${cond('f.ack_late')} THEN 1 ELSE 0 END | CASE WHEN ${cond('f.forward_late')} THEN 2 ELSE 0 END
          | CASE WHEN ${cond('f.report_late')} THEN 4 ELSE 0 END)`,
  due: `LEAST(CASE WHEN ${cond('f.ack_late')} THEN f.ack_late END, CASE WHEN ${cond('f.forward_late')} THEN f.forward_late END,
              CASE WHEN ${cond('f.report_late')} THEN f.report_late END)`,
});
const LATE = lateSteps((due) => `${due} IS NOT NULL`);
/** Late on a deadline that passed inside the day's window. */
const NEWLY_LATE = lateSteps((due) => `${due} > ${SINCE} AND ${due} <= ${UNTIL}`);

/** Rows of \`source\` (with unit_id and issuer_unit_id) paired with each leader who sees them: recipient in the branch, or (once) issuer. */
const withLeaders = (source: string) => `
  SELECT s.user_id, r.* FROM ${source} r JOIN scope s ON s.unit_id = r.unit_id
  UNION ALL
  SELECT s.user_id, r.* FROM ${source} r JOIN scope s ON s.unit_id = r.issuer_unit_id
   WHERE NOT EXISTS (SELECT 1 FROM scope s2 WHERE s2.user_id = s.user_id AND s2.unit_id = r.unit_id)`;

const doc = (x: string) => `'documentType', ${x}.document_type, 'numberSymbol', ${x}.number || '/' || ${x}.symbol`;

export const DAILY_DIGEST_SQL = `
  WITH leaders AS MATERIALIZED (
    SELECT us.id AS user_id, u.path
      FROM users us JOIN units u ON u.id = us.unit_id
     WHERE us.role = 'leader' AND us.active
       AND NOT EXISTS (SELECT 1 FROM digests g WHERE g.user_id = us.id AND g.day = $2::date)
  ),
  -- Every unit of each leader's branch: one range scan of units_path_idx per leader.
  scope AS MATERIALIZED (
    SELECT l.user_id, s.id AS unit_id
      FROM leaders l JOIN units s ON s.path ~>=~ l.path AND s.path ~<~ (l.path || '~')
  ),
  -- The deliveries worth a line (late now, or acknowledged / completed in the window), narrow: the
  -- deadline of each late step, NULL for a step that is not late.
  facts AS MATERIALIZED (
    SELECT d.id, d.dispatch_id, d.unit_id, x.issuer_unit_id,
           COALESCE(p.unit_id, x.issuer_unit_id) AS branch_id,
           d.acknowledged_at > ${SINCE} AND d.acknowledged_at <= ${UNTIL} AS acknowledged,
           d.completed_at > ${SINCE} AND d.completed_at <= ${UNTIL} AS completed,
           CASE WHEN ${LATE_ACK} THEN d.ack_due_at END AS ack_late,
           CASE WHEN ${LATE_FORWARD} THEN d.forward_due_at END AS forward_late,
           CASE WHEN ${LATE_REPORT} THEN d.report_due_at END AS report_late
      FROM dispatches x
      JOIN deliveries d ON d.dispatch_id = x.id
      LEFT JOIN deliveries p ON p.id = d.parent_delivery_id
     WHERE x.status = 'published'
       AND (${LATE_ACK} OR ${LATE_FORWARD} OR ${LATE_REPORT}
            OR (d.acknowledged_at > ${SINCE} AND d.acknowledged_at <= ${UNTIL}) OR (d.completed_at > ${SINCE} AND d.completed_at <= ${UNTIL}))
  ),

  -- Late: per (issuer, branch, unit), how many deliveries, which steps, the earliest deadline (and
  -- the dispatch, to name it when there is one); then per leader, merged over the issuers it sees.
  late_units AS MATERIALIZED (
    SELECT f.issuer_unit_id, f.branch_id, f.unit_id, count(*)::int AS n, min(${LATE.due}) AS due, bit_or(${LATE.mask}) AS mask,
           min(f.dispatch_id::text) AS dispatch_id
      FROM facts f WHERE f.ack_late IS NOT NULL OR f.forward_late IS NOT NULL OR f.report_late IS NOT NULL
     GROUP BY f.issuer_unit_id, f.branch_id, f.unit_id
  ),
  seen_late AS MATERIALIZED (
    SELECT v.user_id, v.branch_id, v.unit_id, sum(v.n)::int AS n, min(v.due) AS due, bit_or(v.mask) AS mask, min(v.dispatch_id)::uuid AS dispatch_id
      FROM (${withLeaders('late_units')}) v
     GROUP BY v.user_id, v.branch_id, v.unit_id
  ),
  late_ranked AS (
    SELECT r.*, count(*) OVER w AS branch_units, row_number() OVER (w ORDER BY r.due, r.name, r.unit_id) AS rn
      FROM (SELECT v.*, u.name FROM seen_late v JOIN units u ON u.id = v.unit_id) r
    WINDOW w AS (PARTITION BY r.user_id, r.branch_id)
  ),
  branches AS (
    SELECT r.user_id, r.branch_id, max(r.branch_units)::int AS total,
           json_agg(json_build_object('name', r.name, 'lateCount', r.n, 'steps', ${stepsOf('r.mask')}, 'dueAt', r.due,
                                      'documentType', x.document_type, 'numberSymbol', x.number || '/' || x.symbol) ORDER BY r.rn) AS units
      FROM late_ranked r LEFT JOIN dispatches x ON x.id = r.dispatch_id AND r.n = 1
     WHERE r.rn <= ${CAP_UNITS_PER_BRANCH}
     GROUP BY r.user_id, r.branch_id
  ),
  late_totals AS (SELECT v.user_id, count(DISTINCT v.unit_id)::int AS units, sum(v.n)::int AS deliveries FROM seen_late v GROUP BY v.user_id),
  late_json AS (
    SELECT b.user_id, max(b.branch_count)::int AS branch_count,
           json_agg(json_build_object('name', b.name, 'total', b.total, 'units', b.units) ORDER BY b.rn)
             FILTER (WHERE b.rn <= ${CAP_BRANCHES}) AS branches
      FROM (SELECT b.*, bu.name, row_number() OVER (PARTITION BY b.user_id ORDER BY b.total DESC, bu.name) AS rn,
                   count(*) OVER (PARTITION BY b.user_id) AS branch_count
              FROM branches b JOIN units bu ON bu.id = b.branch_id) b
     GROUP BY b.user_id
  ),

  -- What changed in the window (few rows, kept per delivery): acknowledged, completed, newly late.
  changes AS MATERIALIZED (
    SELECT f.dispatch_id, f.unit_id, f.issuer_unit_id, f.acknowledged, f.completed,
           ${NEWLY_LATE.mask} AS new_mask, ${NEWLY_LATE.due} AS new_due
      FROM facts f
     WHERE f.acknowledged OR f.completed OR ${NEWLY_LATE.mask} > 0
  ),
  seen_changes AS MATERIALIZED (${withLeaders('changes')}),
  per_dispatch AS (
    SELECT v.user_id, v.dispatch_id,
           count(*) FILTER (WHERE v.acknowledged)::int AS acknowledged,
           count(*) FILTER (WHERE v.completed)::int AS completed,
           count(*) FILTER (WHERE v.new_mask > 0)::int AS newly_late
      FROM seen_changes v
     GROUP BY v.user_id, v.dispatch_id
  ),
  changes_json AS (
    SELECT c.user_id, sum(c.acknowledged)::int AS acknowledged, sum(c.completed)::int AS completed, sum(c.newly_late)::int AS newly_late,
           json_agg(json_build_object(${doc('x')}, 'subject', x.subject,
                                      'acknowledged', c.acknowledged, 'completed', c.completed, 'newlyLate', c.newly_late)
                    ORDER BY c.rn) FILTER (WHERE c.rn <= ${CAP_CHANGES}) AS by_dispatch
      FROM (SELECT c.*, row_number() OVER (PARTITION BY c.user_id ORDER BY c.acknowledged + c.completed + c.newly_late DESC, c.dispatch_id) AS rn
              FROM per_dispatch c) c
      JOIN dispatches x ON x.id = c.dispatch_id
     GROUP BY c.user_id
  ),
  newly_json AS (
    SELECT n.user_id,
           json_agg(json_build_object('name', n.name, 'lateCount', 1, 'steps', ${stepsOf('n.new_mask')}, 'dueAt', n.new_due, ${doc('x')})
                    ORDER BY n.rn) AS units
      FROM (SELECT v.user_id, v.dispatch_id, v.new_mask, v.new_due, u.name,
                   row_number() OVER (PARTITION BY v.user_id ORDER BY v.new_due, u.name, v.unit_id, v.dispatch_id) AS rn
              FROM seen_changes v JOIN units u ON u.id = v.unit_id WHERE v.new_mask > 0) n
      JOIN dispatches x ON x.id = n.dispatch_id
     WHERE n.rn <= ${CAP_NEWLY_LATE}
     GROUP BY n.user_id
  ),

  -- Dispatches published in the window, issued from or addressed into the branch.
  fresh AS MATERIALIZED (
    SELECT x.id, x.issuer_unit_id, x.published_at FROM dispatches x
     WHERE x.status = 'published' AND x.published_at > ${SINCE} AND x.published_at <= ${UNTIL}
  ),
  fresh_recipients AS MATERIALIZED (
    SELECT d.dispatch_id AS id, d.unit_id, f.issuer_unit_id FROM fresh f JOIN deliveries d ON d.dispatch_id = f.id
  ),
  fresh_counts AS (SELECT r.id, count(*)::int AS recipients FROM fresh_recipients r GROUP BY r.id),
  fresh_seen AS (SELECT DISTINCT v.user_id, v.id FROM (${withLeaders('fresh_recipients')}) v),
  fresh_json AS (
    SELECT n.user_id, count(*)::int AS total,
           json_agg(json_build_object(${doc('x')}, 'issuedDate', to_char(x.issued_date, 'YYYY-MM-DD'), 'subject', x.subject,
                                      'urgency', x.urgency, 'issuer', iu.name, 'publishedAt', x.published_at,
                                      'recipients', fc.recipients)
                    ORDER BY n.rn) FILTER (WHERE n.rn <= ${CAP_DISPATCHES}) AS items
      FROM (SELECT fs.*, row_number() OVER (PARTITION BY fs.user_id ORDER BY f.published_at, fs.id) AS rn
              FROM fresh_seen fs JOIN fresh f ON f.id = fs.id) n
      JOIN dispatches x ON x.id = n.id JOIN units iu ON iu.id = x.issuer_unit_id JOIN fresh_counts fc ON fc.id = n.id
     GROUP BY n.user_id
  ),

  content AS MATERIALIZED (
    SELECT l.user_id, json_build_object(
             'since', ${SINCE}, 'until', ${UNTIL}, 'at', ${AT},
             'newDispatches', json_build_object('total', COALESCE(fj.total, 0), 'items', COALESCE(fj.items, '[]'::json)),
             'late', json_build_object('total', COALESCE(lt.units, 0), 'deliveries', COALESCE(lt.deliveries, 0),
                                       'branchCount', COALESCE(lj.branch_count, 0), 'branches', COALESCE(lj.branches, '[]'::json)),
             'changes', json_build_object('acknowledged', COALESCE(cj.acknowledged, 0), 'completed', COALESCE(cj.completed, 0),
                                          'newlyLate', COALESCE(cj.newly_late, 0), 'byDispatch', COALESCE(cj.by_dispatch, '[]'::json),
                                          'newlyLateUnits', COALESCE(nj.units, '[]'::json))
           )::jsonb AS content
      FROM leaders l
      LEFT JOIN fresh_json fj ON fj.user_id = l.user_id
      LEFT JOIN late_totals lt ON lt.user_id = l.user_id
      LEFT JOIN late_json lj ON lj.user_id = l.user_id
      LEFT JOIN changes_json cj ON cj.user_id = l.user_id
      LEFT JOIN newly_json nj ON nj.user_id = l.user_id
  ),
  inserted AS (
    INSERT INTO digests (user_id, day, window_start, window_end, content, created_at)
    SELECT c.user_id, $2::date, ${SINCE}, ${UNTIL}, c.content, ${AT} FROM content c
    ON CONFLICT ON CONSTRAINT digests_user_day_uq DO NOTHING
    RETURNING id, user_id
  ),
  mailed AS (
    INSERT INTO messages (digest_id, kind, to_address)
    SELECT i.id, 'digest', lower(us.email) FROM inserted i JOIN users us ON us.id = i.user_id
    RETURNING 1
  )
  SELECT (SELECT count(*) FROM inserted)::int AS digests, (SELECT count(*) FROM mailed)::int AS messages`;

/** The leaders still without a digest for the day $1: a cheap check before the statement above. */
export const DIGESTS_DUE_SQL = `
  SELECT count(*)::int AS due FROM users us
   WHERE us.role = 'leader' AND us.active
     AND NOT EXISTS (SELECT 1 FROM digests g WHERE g.user_id = us.id AND g.day = $1::date)`;
