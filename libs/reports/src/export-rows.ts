import type { AckMethod, ActivityChannel, ActivityFlag, DeliveryStatus, RecipientPurpose } from '@app/database';
import { Injectable } from '@nestjs/common';
import { ReportsDatabase } from './reports-database.js';
import {
  LATE_SQL,
  LEVEL_SQL,
  ON_TIME_SQL,
  OVERDUE_ACK_SQL,
  OVERDUE_FORWARD_SQL,
  OVERDUE_REPORT_SQL,
  type ReportLevel,
} from './sql-fragments.js';

/** Rows per query: large enough to keep round trips few, small enough to keep memory flat. */
export const EXPORT_BATCH = 2000;

const FIRST_ID = '00000000-0000-0000-0000-000000000000';

export interface DeliveryRow {
  id: string;
  unitCode: string;
  unitName: string;
  level: ReportLevel;
  purpose: RecipientPurpose;
  status: DeliveryStatus;
  sentAt: Date | null;
  ackDueAt: Date | null;
  acknowledgedAt: Date | null;
  ackMethod: AckMethod | null;
  ackByName: string | null;
  onTime: boolean;
  late: boolean;
  overdueAck: boolean;
  forwardDueAt: Date | null;
  forwardedAt: Date | null;
  overdueForward: boolean;
  overdueReport: boolean;
  refusalReason: string | null;
  activities: number;
}

export interface ActivityRow {
  id: string;
  unitCode: string;
  unitName: string;
  level: ReportLevel;
  channel: ActivityChannel;
  occurredOn: string;
  place: string | null;
  reach: number | null;
  quantity: number | null;
  taskNumber: number | null;
  links: string[];
  description: string | null;
  flags: ActivityFlag[];
}

export interface ExportDispatchHeader {
  number: number;
  symbol: string;
  documentType: string;
}

/**
 * Reads the rows of an export page by page (keyset on id, EXPORT_BATCH at a time), so a national
 * dispatch is never held in memory whole. Same scope rule as the report: units under `scopePath`.
 * On the reports database, like the report itself; the export's own row (report_exports) is the
 * worker's business, on the main database.
 */
@Injectable()
export class ExportRows {
  constructor(private readonly db: ReportsDatabase) {}

  /** What the file is named after. */
  async dispatchHeader(dispatchId: string): Promise<ExportDispatchHeader> {
    const [header] = await this.db.query<ExportDispatchHeader>(
      `SELECT number, symbol, document_type AS "documentType" FROM dispatches WHERE id = $1`,
      [dispatchId],
    );
    // The export row exists (main database) but the dispatch has not reached the replica yet: the job retries.
    if (!header) throw new Error(`dispatch ${dispatchId} is not in the reports database (yet)`);
    return header;
  }

  async count(dispatchId: string, scopePath: string | null): Promise<number> {
    const [{ n }] = await this.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM deliveries d JOIN units u ON u.id = d.unit_id WHERE d.dispatch_id = $1 AND u.path LIKE $2`,
      [dispatchId, `${scopePath ?? ''}%`],
    );
    return n;
  }

  /** Deliveries of the dispatch in scope, of one level when given, in pages. */
  deliveries(dispatchId: string, scopePath: string | null, level?: ReportLevel): AsyncGenerator<DeliveryRow[]> {
    return pages((after) =>
      this.db.query<DeliveryRow>(
        `SELECT d.id, u.code AS "unitCode", u.name AS "unitName", ${LEVEL_SQL} AS level, d.purpose, d.status,
                COALESCE(d.sent_at, d.created_at) AS "sentAt", d.ack_due_at AS "ackDueAt", d.acknowledged_at AS "acknowledgedAt",
                d.ack_method AS "ackMethod", d.ack_by_name AS "ackByName",
                ${ON_TIME_SQL} AS "onTime", ${LATE_SQL} AS late, ${OVERDUE_ACK_SQL} AS "overdueAck",
                d.forward_due_at AS "forwardDueAt", d.forwarded_at AS "forwardedAt", ${OVERDUE_FORWARD_SQL} AS "overdueForward",
                ${OVERDUE_REPORT_SQL} AS "overdueReport", d.refusal_reason AS "refusalReason",
                (SELECT count(*)::int FROM activities a WHERE a.delivery_id = d.id AND a.withdrawn_at IS NULL) AS activities
           FROM deliveries d JOIN units u ON u.id = d.unit_id
          WHERE d.dispatch_id = $1 AND u.path LIKE $2 AND d.id > $3 AND ($4::text IS NULL OR ${LEVEL_SQL} = $4)
          ORDER BY d.id
          LIMIT $5`,
        [dispatchId, `${scopePath ?? ''}%`, after, level ?? null, EXPORT_BATCH],
      ),
    );
  }

  /** Live (not withdrawn) activities of the dispatch's deliveries in scope, in pages. */
  activities(dispatchId: string, scopePath: string | null): AsyncGenerator<ActivityRow[]> {
    return pages((after) =>
      this.db.query<ActivityRow>(
        `SELECT a.id, u.code AS "unitCode", u.name AS "unitName", ${LEVEL_SQL} AS level, a.channel,
                a.occurred_on::text AS "occurredOn", a.place, a.reach, a.quantity, a.task_number AS "taskNumber",
                a.links, a.description, a.flags
           FROM activities a JOIN deliveries d ON d.id = a.delivery_id JOIN units u ON u.id = d.unit_id
          WHERE a.dispatch_id = $1 AND a.withdrawn_at IS NULL AND u.path LIKE $2 AND a.id > $3
          ORDER BY a.id
          LIMIT $4`,
        [dispatchId, `${scopePath ?? ''}%`, after, EXPORT_BATCH],
      ),
    );
  }
}

/**
 * Keyset pages by id, the next one fetched while the caller writes the current one: the writer
 * and the database work at the same time, and no more than two pages are in memory.
 */
async function* pages<R extends { id: string }>(fetch: (after: string) => Promise<R[]>): AsyncGenerator<R[]> {
  let next: Promise<R[]> | null = fetch(FIRST_ID);
  while (next) {
    const rows: R[] = await next;
    next = rows.length === EXPORT_BATCH ? fetch(rows[rows.length - 1].id) : null;
    // If the caller stops early the prefetched page is never awaited: its failure must not go unhandled.
    next?.catch(() => undefined);
    if (rows.length > 0) yield rows;
  }
}
