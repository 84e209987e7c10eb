import type { DispatchStatus, Urgency } from '@app/vocabulary';
import { Injectable } from '@nestjs/common';
import { DASHBOARD_FIGURES_SQL } from './dashboard.sql.js';
import { ReportsDatabase } from './reports-database.js';

const SORT_COLUMN = { issuedDate: 'x.issued_date', publishedAt: 'x.published_at', number: 'x.number' } as const;

/** Which dispatches, in which order. Scope is decided by the caller (the api's access rules), handed in as path patterns. */
export interface DashboardFilter {
  /** LIKE patterns (already escaped) the issuing unit's path must match, every one of them. */
  issuerPathPatterns: string[];
  from?: string;
  to?: string;
  urgency?: string;
  status?: string;
  /** ILIKE pattern (already escaped) over "number/symbol" and the subject. */
  searchPattern?: string;
  sort: keyof typeof SORT_COLUMN;
  order: 'asc' | 'desc';
  limit: number;
  offset: number;
}

export interface DashboardDispatch {
  id: string;
  number: number;
  symbol: string;
  subject: string;
  urgency: Urgency;
  status: DispatchStatus;
  issuedDate: string;
  publishedAt: string | null;
  issuerUnitId: string;
  issuerName: string;
  /** count(*) OVER (): the number of dispatches matching the filter, on every row. */
  count: string;
}

export interface DashboardFigures {
  dispatchId: string;
  total: number;
  acknowledged: number;
  onTime: number;
  acting: number;
  withActivity: number;
  blocking: number;
  levels: Record<string, { total: number; reached: number; reachedShare: number }>;
}

/** The leadership dashboard's two statements (the page of dispatches, then their figures), on the reports database. */
@Injectable()
export class DashboardReport {
  constructor(private readonly db: ReportsDatabase) {}

  /** One page of the dispatches matching the filter; `page({ ...f, limit: 1, offset: 0 })` gives the total past the end. */
  page(f: DashboardFilter): Promise<DashboardDispatch[]> {
    const params: unknown[] = [];
    const where: string[] = [];
    const add = (sql: string, value: unknown) => {
      params.push(value);
      where.push(sql.replaceAll('?', `$${params.length}`));
    };
    for (const pattern of f.issuerPathPatterns) add('iu.path LIKE ?', pattern);
    if (f.from) add('x.issued_date >= ?', f.from);
    if (f.to) add('x.issued_date <= ?', f.to);
    if (f.urgency) add('x.urgency = ?', f.urgency);
    if (f.status) add('x.status = ?', f.status);
    if (f.searchPattern) add(`(x.number::text || '/' || x.symbol ILIKE ? OR x.subject ILIKE ?)`, f.searchPattern);
    params.push(f.limit, f.offset);
    return this.db.query<DashboardDispatch>(
      `SELECT x.id, x.number, x.symbol, x.subject, x.urgency, x.status, to_char(x.issued_date, 'YYYY-MM-DD') AS "issuedDate",
              x.published_at AS "publishedAt", x.issuer_unit_id AS "issuerUnitId", iu.name AS "issuerName", count(*) OVER () AS count
         FROM dispatches x JOIN units iu ON iu.id = x.issuer_unit_id
        ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
        ORDER BY ${SORT_COLUMN[f.sort]} ${f.order === 'asc' ? 'ASC' : 'DESC'} NULLS LAST, x.id
        LIMIT $${params.length - 1} OFFSET $${params.length}`,
      params,
    );
  }

  /** Rollout figures of the given dispatches (DASHBOARD_FIGURES_SQL). */
  figures(dispatchIds: string[]): Promise<DashboardFigures[]> {
    return dispatchIds.length ? this.db.query<DashboardFigures>(DASHBOARD_FIGURES_SQL, [dispatchIds]) : Promise.resolve([]);
  }
}
