import { Injectable } from '@nestjs/common';
import { DISPATCH_REPORT_SQL } from './dispatch-report.sql.js';
import type { DispatchReport, VersionProgress } from './dispatch-report.types.js';
import { ReportsDatabase } from './reports-database.js';

/** Runs the one-statement report, plus the dispatch's header fields, on the reports database; shared by the api and the worker's exports. */
@Injectable()
export class DispatchReportQuery {
  constructor(private readonly db: ReportsDatabase) {}

  /** `scopePath`: only deliveries to units under this path (an officer's own branch); all when omitted. */
  async run(dispatchId: string, scopePath?: string): Promise<DispatchReport> {
    const [[row], [dispatch]] = await Promise.all([
      this.db.query<{ report: Omit<DispatchReport, 'dispatch' | 'generatedAt'> }>(DISPATCH_REPORT_SQL, [dispatchId, `${scopePath ?? ''}%`]),
      this.db.query<DispatchReport['dispatch']>(
        `SELECT id, number, symbol, to_char(issued_date, 'YYYY-MM-DD') AS "issuedDate", issued_place AS "issuedPlace", subject,
                header_authority AS "headerAuthority", header_issuer AS "headerIssuer", signer_name AS "signerName",
                signer_rank AS "signerRank", signer_title AS "signerTitle", published_at AS "publishedAt"
           FROM dispatches WHERE id = $1`,
        [dispatchId],
      ),
    ]);
    return { dispatch, generatedAt: new Date().toISOString(), ...row.report };
  }

  /** After a new version: how many units that had acknowledged have acknowledged the current one. */
  async versionProgress(dispatchId: string, scopePath?: string): Promise<VersionProgress> {
    const [row] = await this.db.query<VersionProgress>(
      `SELECT x.version,
              count(d.id) FILTER (WHERE d.acknowledged_at IS NOT NULL AND d.status <> 'recalled')::int AS acknowledged,
              count(d.id) FILTER (WHERE d.ack_version = x.version AND d.status <> 'recalled')::int AS "acknowledgedCurrent",
              count(d.id) FILTER (WHERE d.acknowledged_at IS NOT NULL AND d.ack_version < x.version AND d.status NOT IN ('refused', 'recalled'))::int AS "awaitingReacknowledgement"
         FROM dispatches x
         LEFT JOIN deliveries d ON d.dispatch_id = x.id
              AND ($2::text IS NULL OR d.unit_id IN (SELECT id FROM units WHERE path LIKE $2 || '%'))
        WHERE x.id = $1 GROUP BY x.version`,
      [dispatchId, scopePath ?? null],
    );
    return row;
  }
}
