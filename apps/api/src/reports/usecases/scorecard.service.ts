import { ACTING_SQL, OVERDUE_FORWARD_SQL } from '@app/reports';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AccessService, escapeLike } from '../../access/access.service.js';
import type { Actor } from '../../auth/actor.js';
import { UnitLineageService } from '../../units/lineage/unit-lineage.service.js';
import { ScorecardQuery } from '../dto/report.dto.js';

const EXPECTED_TO_FORWARD = `d.forward_due_at IS NOT NULL AND ${ACTING_SQL} AND d.expects_forward`;

/**
 * Per-unit scorecard over the dispatches published in a period, for a unit and each unit below
 * it: acknowledgement rate, median delay, forwarding rate (where the unit had units to forward
 * to and a forwarding deadline), activities.
 */
@Injectable()
export class ScorecardService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: AccessService,
    private readonly lineage: UnitLineageService,
  ) {}

  async forUnit(actor: Actor, unitId: string, q: ScorecardQuery) {
    const unit = await this.access.requireUnit(actor, unitId);
    // A retired unit's tree retired with it: its scorecard shows it as it was, not an empty list.
    const units = await this.rows([`${escapeLike(unit.path)}%`], q, unit.active);
    let predecessors: Record<string, unknown>[] | undefined;
    if (q.includePredecessors) {
      // The units merged into this one keep their own rows, marked, below the unit's own.
      const { predecessors: before } = await this.lineage.of(unit.id);
      const paths: { path: string }[] = before.length
        ? await this.db.query(`SELECT path FROM units WHERE id = ANY($1::uuid[])`, [before.map((p) => p.id)])
        : [];
      predecessors = paths.length
        ? await this.rows(
            paths.map((p) => `${escapeLike(p.path)}%`),
            q,
            false,
          )
        : [];
    }
    return {
      unit: { id: unit.id, code: unit.code, name: unit.name },
      from: q.from,
      to: q.to,
      units,
      ...(predecessors && { predecessors }),
    };
  }

  /** One row per acting unit under the given path prefixes (only active ones for an active unit's own tree). */
  private async rows(prefixes: string[], q: ScorecardQuery, activeOnly: boolean) {
    const rows: Record<string, unknown>[] = await this.db.query(
      `SELECT u.id AS "unitId", u.code AS "unitCode", u.name AS "unitName", u.level, u.type, u.retired_on::text AS "retiredOn",
              count(d.id)::int AS deliveries,
              count(d.acknowledged_at)::int AS acknowledged,
              COALESCE(round(count(d.acknowledged_at)::numeric / NULLIF(count(d.id), 0), 4), 0) AS "acknowledgedRate",
              round((percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM d.acknowledged_at - d.created_at)) / 3600)::numeric, 2) AS "medianAckHours",
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
      [prefixes, q.from, q.to, activeOnly],
    );
    return rows.map((r) => ({
      ...r,
      forwardingRate:
        Number(r.expectedToForward) === 0 ? null : Math.round((Number(r.forwarded) / Number(r.expectedToForward)) * 10_000) / 10_000,
    }));
  }
}
