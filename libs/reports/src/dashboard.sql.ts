import { ACTING_SQL, LEVEL_SQL, ON_TIME_SQL, OVERDUE_ACK_SQL, OVERDUE_FORWARD_SQL } from './sql-fragments.js';

/**
 * Rollout figures of a page of dispatches ($1 uuid[]), per dispatch with a breakdown per level,
 * in one statement: the dashboard computes only what it shows. A page covers ~200,000 deliveries
 * at national scale: they are read from the covering index deliveries_rollup_idx (no units join,
 * the level is snapshotted on the delivery) and activities are joined as one hashed set.
 */
export const DASHBOARD_FIGURES_SQL = `
WITH with_activity AS (
  SELECT DISTINCT delivery_id FROM activities WHERE dispatch_id = ANY($1::uuid[]) AND withdrawn_at IS NULL
),
per_level AS (
  SELECT d.dispatch_id, ${LEVEL_SQL} AS lvl,
         count(*)::int AS total,
         count(*) FILTER (WHERE d.status <> 'pending')::int AS reached,
         count(*) FILTER (WHERE d.acknowledged_at IS NOT NULL)::int AS acknowledged,
         count(*) FILTER (WHERE ${ON_TIME_SQL})::int AS on_time,
         count(*) FILTER (WHERE ${ACTING_SQL})::int AS acting,
         count(*) FILTER (WHERE ${ACTING_SQL} AND wa.delivery_id IS NOT NULL)::int AS with_activity,
         count(*) FILTER (WHERE ${ACTING_SQL} AND (${OVERDUE_ACK_SQL} OR ${OVERDUE_FORWARD_SQL}))::int AS blocking
    FROM deliveries d
    LEFT JOIN with_activity wa ON wa.delivery_id = d.id
   WHERE d.dispatch_id = ANY($1::uuid[])
   GROUP BY d.dispatch_id, lvl
)
SELECT dispatch_id AS "dispatchId",
       sum(total)::int AS total,
       sum(acknowledged)::int AS acknowledged,
       sum(on_time)::int AS "onTime",
       sum(acting)::int AS acting,
       sum(with_activity)::int AS "withActivity",
       sum(blocking)::int AS blocking,
       json_object_agg(lvl, json_build_object('total', total, 'reached', reached, 'reachedShare', round(reached::numeric / total, 4))) AS levels
  FROM per_level
 GROUP BY dispatch_id`;
