import type { UnitLevel, UnitType } from '@app/vocabulary';
import { Injectable } from '@nestjs/common';
import { ReportsDatabase } from './reports-database.js';
import { ACTING_SQL, OVERDUE_FORWARD_SQL } from './sql-fragments.js';

const EXPECTED_TO_FORWARD = `d.forward_due_at IS NOT NULL AND ${ACTING_SQL} AND d.expects_forward`;

export interface ScorecardRow {
  unitId: string;
  unitCode: string;
  unitName: string;
  level: UnitLevel;
  type: UnitType;
  retiredOn: string | null;
  deliveries: number;
  acknowledged: number;
  /** Acknowledged of the deliveries, 0–1, four decimals (0.75). */
  acknowledgedRate: number;
  /** Median hours from delivery to acknowledgement, two decimals; null when none acknowledged. */
  medianAckHours: number | null;
  expectedToForward: number;
  forwarded: number;
  overdueForward: number;
  activities: number;
  /** Forwarded of those expected to forward; null when none was. */
  forwardingRate: number | null;
}

/**
 * The per-unit scorecard over the dispatches published in a period, for every acting unit under
 * the given paths: acknowledgement rate, median delay, forwarding rate (where the unit had units to
 * forward to and a forwarding deadline), activities. Read from the reports database.
 */
@Injectable()
export class UnitScorecardReport {
  constructor(private readonly db: ReportsDatabase) {}

  /** One row per acting unit whose path matches one of the LIKE patterns (only active ones when `activeOnly`). */
  async rows(pathPatterns: string[], period: { from: string; to: string }, activeOnly: boolean): Promise<ScorecardRow[]> {
    const rows = await this.db.query<Omit<ScorecardRow, 'forwardingRate'>>(
      `SELECT u.id AS "unitId", u.code AS "unitCode", u.name AS "unitName", u.level, u.type, u.retired_on::text AS "retiredOn",
              count(d.id)::int AS deliveries,
              count(d.acknowledged_at)::int AS acknowledged,
              COALESCE(round(count(d.acknowledged_at)::numeric / NULLIF(count(d.id), 0), 4), 0)::float8 AS "acknowledgedRate",
              round((percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM d.acknowledged_at - d.created_at)) / 3600)::numeric, 2)::float8 AS "medianAckHours",
              count(d.id) FILTER (WHERE ${EXPECTED_TO_FORWARD})::int AS "expectedToForward",
              count(d.forwarded_at) FILTER (WHERE ${EXPECTED_TO_FORWARD})::int AS forwarded,
              count(d.id) FILTER (WHERE ${OVERDUE_FORWARD_SQL})::int AS "overdueForward",
              COALESCE(sum((SELECT count(*) FROM activities a WHERE a.delivery_id = d.id AND a.withdrawn_at IS NULL)), 0)::int AS activities
         FROM units u
         LEFT JOIN deliveries d ON d.unit_id = u.id
              AND d.dispatch_id IN (SELECT id FROM dispatches WHERE published_at >= $2::date AND published_at < $3::date + 1)
        WHERE u.path LIKE ANY($1::text[]) AND u.type <> 'area' AND (u.active OR NOT $4)
        GROUP BY u.id, u.code, u.name, u.level, u.type, u.path
        ORDER BY u.path`,
      [pathPatterns, period.from, period.to, activeOnly],
    );
    return rows.map((r) => ({
      ...r,
      forwardingRate: r.expectedToForward === 0 ? null : Math.round((r.forwarded / r.expectedToForward) * 10_000) / 10_000,
    }));
  }

  /** The paths of these units, for `rows` (the predecessors of a merged unit). */
  async paths(unitIds: string[]): Promise<string[]> {
    if (unitIds.length === 0) return [];
    const rows = await this.db.query<{ path: string }>(`SELECT path FROM units WHERE id = ANY($1::uuid[])`, [unitIds]);
    return rows.map((r) => r.path);
  }
}
