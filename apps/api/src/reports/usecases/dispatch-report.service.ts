import { DispatchReport, DispatchReportQuery } from '@app/reports';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Actor } from '../../auth/actor.js';
import { ReportAccess } from '../report-access.service.js';

export interface VersionProgress {
  /** The dispatch's current version (1 until a văn bản thay thế / đính chính). */
  version: number;
  /** Units that acknowledged any version. */
  acknowledged: number;
  /** Units that acknowledged the current version. */
  acknowledgedCurrent: number;
  /** Units that acknowledged an earlier version and must acknowledge again. */
  awaitingReacknowledgement: number;
}

@Injectable()
export class DispatchReportService {
  constructor(
    private readonly access: ReportAccess,
    private readonly query: DispatchReportQuery,
    @InjectDataSource() private readonly db: DataSource,
  ) {}

  async report(
    actor: Actor,
    dispatchId: string,
  ): Promise<DispatchReport & { scope: 'dispatch' | 'own-branch'; versions: VersionProgress }> {
    const scope = await this.access.scopeFor(actor, dispatchId);
    return {
      ...(await this.query.run(dispatchId, scope)),
      scope: scope ? 'own-branch' : 'dispatch',
      versions: await this.versionProgress(dispatchId, scope ?? null),
    };
  }

  /** After a new version: how many units that had acknowledged have acknowledged the current one. */
  private async versionProgress(dispatchId: string, scopePath: string | null): Promise<VersionProgress> {
    const [row] = await this.db.query(
      `SELECT x.version,
              count(d.id) FILTER (WHERE d.acknowledged_at IS NOT NULL AND d.status <> 'recalled')::int AS acknowledged,
              count(d.id) FILTER (WHERE d.ack_version = x.version AND d.status <> 'recalled')::int AS "acknowledgedCurrent",
              count(d.id) FILTER (WHERE d.acknowledged_at IS NOT NULL AND d.ack_version < x.version AND d.status NOT IN ('refused', 'recalled'))::int AS "awaitingReacknowledgement"
         FROM dispatches x
         LEFT JOIN deliveries d ON d.dispatch_id = x.id
              AND ($2::text IS NULL OR d.unit_id IN (SELECT id FROM units WHERE path LIKE $2 || '%'))
        WHERE x.id = $1 GROUP BY x.version`,
      [dispatchId, scopePath],
    );
    return row;
  }
}
