import { ACTING_SQL, LATE_SQL, LEVEL_SQL, ON_TIME_SQL, OVERDUE_ACK_SQL, OVERDUE_FORWARD_SQL, OVERDUE_REPORT_SQL } from './sql-fragments.js';

export const BLOCKING_LIMIT = 1000;

/**
 * The whole compliance report of one dispatch in one statement ($1 dispatch id, $2 LIKE pattern
 * of the unit paths in scope): one pass over its deliveries and activities, every figure computed
 * at query time. The report API runs exactly this; bench/report.ts times it raw beside the API.
 */
export const DISPATCH_REPORT_SQL = `
WITH RECURSIVE d AS MATERIALIZED (
  SELECT d.id, d.unit_id, d.parent_delivery_id, d.status, d.purpose, d.created_at, d.acknowledged_at,
         d.ack_due_at, d.forward_due_at, d.forwarded_at,
         u.code AS unit_code, u.name AS unit_name, u.path AS unit_path,
         ${LEVEL_SQL} AS lvl,
         ${ACTING_SQL} AS acting,
         ${ON_TIME_SQL} AS on_time,
         ${LATE_SQL} AS late,
         ${OVERDUE_ACK_SQL} AS overdue_ack,
         ${OVERDUE_FORWARD_SQL} AS overdue_forward,
         (${OVERDUE_ACK_SQL} OR ${OVERDUE_FORWARD_SQL} OR ${OVERDUE_REPORT_SQL}) AS overdue,
         extract(epoch FROM d.acknowledged_at - d.created_at) AS ack_seconds
    FROM deliveries d JOIN units u ON u.id = d.unit_id
   WHERE d.dispatch_id = $1 AND u.path LIKE $2
),
act AS MATERIALIZED (
  SELECT a.delivery_id, a.channel, a.task_number, COALESCE(a.reach, 0) AS reach, COALESCE(a.quantity, 0) AS quantity
    FROM activities a JOIN d ON d.id = a.delivery_id
   WHERE a.dispatch_id = $1 AND a.withdrawn_at IS NULL
),
act_by_delivery AS (SELECT delivery_id, count(*)::int AS n FROM act GROUP BY delivery_id),
acting AS (SELECT count(*)::int AS n FROM d WHERE acting),
levels AS (
  SELECT lvl, count(*)::int AS total,
         count(*) FILTER (WHERE status <> 'pending')::int AS reached,
         count(*) FILTER (WHERE acknowledged_at IS NOT NULL)::int AS acknowledged,
         count(*) FILTER (WHERE on_time)::int AS on_time,
         count(*) FILTER (WHERE late)::int AS late,
         count(*) FILTER (WHERE status = 'refused')::int AS refused
    FROM d GROUP BY lvl
),
blocking AS (
  SELECT d.*, (SELECT count(*)::int FROM units c
                -- A range on the text_pattern_ops index: LIKE with a per-row pattern could not use it.
                WHERE c.path ~>~ d.unit_path AND c.path ~<~ (d.unit_path || '~') AND c.type <> 'area'
                  -- Units in force on the issued date: retiring them later leaves the report as it was.
                  AND (c.active OR c.retired_on > (SELECT issued_date FROM dispatches WHERE id = $1))
                  AND (c.valid_from IS NULL OR c.valid_from <= (SELECT issued_date FROM dispatches WHERE id = $1))
                  AND NOT EXISTS (SELECT 1 FROM deliveries x WHERE x.dispatch_id = $1 AND x.unit_id = c.id)) AS waiting
    FROM d WHERE d.acting AND (d.overdue_ack OR d.overdue_forward)
),
roots AS (SELECT id FROM d WHERE parent_delivery_id IS NULL OR parent_delivery_id NOT IN (SELECT id FROM d)),
walk AS (
  SELECT r.id AS root_id, r.id, 0 AS depth FROM roots r
  UNION ALL
  SELECT w.root_id, c.id, w.depth + 1 FROM walk w JOIN d c ON c.parent_delivery_id = w.id
),
rollup AS (
  SELECT w.root_id,
         count(*) FILTER (WHERE w.depth > 0)::int AS total,
         count(*) FILTER (WHERE w.depth > 0 AND x.acknowledged_at IS NOT NULL)::int AS acknowledged,
         count(*) FILTER (WHERE w.depth > 0 AND x.status = 'refused')::int AS refused,
         count(*) FILTER (WHERE w.depth > 0 AND x.overdue)::int AS overdue,
         count(*) FILTER (WHERE w.depth > 0 AND ab.n IS NOT NULL)::int AS with_activity
    FROM walk w JOIN d x ON x.id = w.id LEFT JOIN act_by_delivery ab ON ab.delivery_id = w.id
   GROUP BY w.root_id
)
SELECT json_build_object(
  'total', (SELECT count(*)::int FROM d),
  'byStatus', COALESCE((SELECT json_object_agg(status, n) FROM (SELECT status, count(*)::int AS n FROM d GROUP BY status) s), '{}'),
  'byPurpose', COALESCE((SELECT json_object_agg(purpose, n) FROM (SELECT purpose, count(*)::int AS n FROM d GROUP BY purpose) s), '{}'),
  'levels', COALESCE((SELECT json_agg(json_build_object(
      'level', lvl, 'total', total, 'reached', reached, 'acknowledged', acknowledged, 'onTime', on_time, 'late', late, 'refused', refused,
      'reachedShare', round(reached::numeric / total, 4), 'acknowledgedShare', round(acknowledged::numeric / total, 4),
      'onTimeShare', round(on_time::numeric / total, 4))
      ORDER BY array_position(ARRAY['province','district','commune','commune_police'], lvl)) FROM levels), '[]'),
  'ackTime', (SELECT json_build_object(
      'medianHours', round((percentile_cont(0.5) WITHIN GROUP (ORDER BY ack_seconds) / 3600)::numeric, 2),
      'p90Hours', round((percentile_cont(0.9) WITHIN GROUP (ORDER BY ack_seconds) / 3600)::numeric, 2))
    FROM d WHERE ack_seconds IS NOT NULL),
  'blockingTotal', (SELECT count(*)::int FROM blocking),
  'blocking', COALESCE((SELECT json_agg(json_build_object(
      'deliveryId', id, 'unitId', unit_id, 'unitCode', unit_code, 'unitName', unit_name, 'level', lvl, 'status', status,
      'overdueAck', overdue_ack, 'overdueForward', overdue_forward, 'ackDueAt', ack_due_at, 'forwardDueAt', forward_due_at,
      'waitingBelow', waiting) ORDER BY waiting DESC, unit_path)
    FROM (SELECT * FROM blocking ORDER BY waiting DESC, unit_path LIMIT ${BLOCKING_LIMIT}) b), '[]'),
  'activity', json_build_object(
    'actingUnits', (SELECT n FROM acting),
    'unitsWithActivity', (SELECT count(*)::int FROM act_by_delivery),
    'coverage', (SELECT CASE WHEN a.n = 0 THEN 0 ELSE round((SELECT count(*) FROM act_by_delivery)::numeric / a.n, 4) END FROM acting a),
    'activities', (SELECT count(*)::int FROM act),
    'totalReach', (SELECT COALESCE(sum(reach), 0)::bigint FROM act),
    'totalQuantity', (SELECT COALESCE(sum(quantity), 0)::bigint FROM act),
    'byChannel', COALESCE((SELECT json_agg(json_build_object('key', channel, 'units', units, 'activities', n, 'reach', reach, 'quantity', quantity,
        'coverage', CASE WHEN (SELECT n FROM acting) = 0 THEN 0 ELSE round(units::numeric / (SELECT n FROM acting), 4) END) ORDER BY channel)
      FROM (SELECT channel, count(DISTINCT delivery_id)::int AS units, count(*)::int AS n, sum(reach)::bigint AS reach, sum(quantity)::bigint AS quantity FROM act GROUP BY channel) c), '[]'),
    'byTask', COALESCE((SELECT json_agg(json_build_object('key', task_number::text, 'units', units, 'activities', n, 'reach', reach, 'quantity', quantity,
        'coverage', CASE WHEN (SELECT n FROM acting) = 0 THEN 0 ELSE round(units::numeric / (SELECT n FROM acting), 4) END) ORDER BY task_number)
      FROM (SELECT task_number, count(DISTINCT delivery_id)::int AS units, count(*)::int AS n, sum(reach)::bigint AS reach, sum(quantity)::bigint AS quantity
              FROM act WHERE task_number IS NOT NULL GROUP BY task_number) t), '[]')
  ),
  'tree', COALESCE((SELECT json_agg(json_build_object(
      'deliveryId', d.id, 'unitCode', d.unit_code, 'unitName', d.unit_name, 'level', d.lvl, 'status', d.status,
      'acknowledgedAt', d.acknowledged_at, 'overdue', d.overdue, 'activities', COALESCE(ab.n, 0),
      'below', json_build_object('total', r.total, 'acknowledged', r.acknowledged, 'refused', r.refused, 'overdue', r.overdue, 'withActivity', r.with_activity))
      ORDER BY d.unit_path)
    FROM rollup r JOIN d ON d.id = r.root_id LEFT JOIN act_by_delivery ab ON ab.delivery_id = d.id), '[]')
) AS report`;
