import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DISPATCH_REPORT_SQL } from './dispatch-report.sql.js';
import type { DispatchReport } from './dispatch-report.types.js';

/** Runs the one-statement report, plus the dispatch's header fields; shared by the api and the worker's exports. */
@Injectable()
export class DispatchReportQuery {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** `scopePath`: only deliveries to units under this path (an officer's own branch); all when omitted. */
  async run(dispatchId: string, scopePath?: string): Promise<DispatchReport> {
    const [[row], [dispatch]] = await Promise.all([
      this.db.query(DISPATCH_REPORT_SQL, [dispatchId, `${scopePath ?? ''}%`]),
      this.db.query(
        `SELECT id, number, symbol, to_char(issued_date, 'YYYY-MM-DD') AS "issuedDate", issued_place AS "issuedPlace", subject,
                header_authority AS "headerAuthority", header_issuer AS "headerIssuer", signer_name AS "signerName",
                signer_rank AS "signerRank", signer_title AS "signerTitle", published_at AS "publishedAt"
           FROM dispatches WHERE id = $1`,
        [dispatchId],
      ),
    ]);
    return { dispatch, generatedAt: new Date().toISOString(), ...row.report };
  }
}
