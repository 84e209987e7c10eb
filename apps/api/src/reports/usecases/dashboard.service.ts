import { Page, windowTotal } from '@app/common';
import { DASHBOARD_FIGURES_SQL } from '@app/reports';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AccessService, escapeLike } from '../../access/access.service.js';
import { Actor, hasGlobalScope } from '../../auth/actor.js';
import { DashboardQuery } from '../dto/report.dto.js';

const SORT_COLUMN = { issuedDate: 'x.issued_date', publishedAt: 'x.published_at', number: 'x.number' } as const;

export interface DashboardRow {
  id: string;
  number: number;
  symbol: string;
  subject: string;
  urgency: string;
  status: string;
  issuedDate: string;
  publishedAt: string | null;
  issuerUnitId: string;
  issuerName: string;
  total: number;
  acknowledgedRate: number;
  onTimeRate: number;
  activityCoverage: number;
  blocking: number;
  levels: Record<string, { total: number; reached: number; reachedShare: number }>;
}

/** The leadership dashboard: dispatches in scope with their rollout figures, one page at a time. */
@Injectable()
export class DashboardService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: AccessService,
  ) {}

  async list(actor: Actor, q: DashboardQuery): Promise<Page<DashboardRow>> {
    const params: unknown[] = [];
    const where: string[] = [];
    const add = (sql: string, value: unknown) => {
      params.push(value);
      where.push(sql.replace('?', `$${params.length}`));
    };
    if (!hasGlobalScope(actor)) add('iu.path LIKE ?', `${escapeLike(actor.unitPath)}%`);
    if (q.issuerUnitId) add('iu.path LIKE ?', `${escapeLike((await this.access.requireUnit(actor, q.issuerUnitId)).path)}%`);
    if (q.from) add('x.issued_date >= ?', q.from);
    if (q.to) add('x.issued_date <= ?', q.to);
    if (q.urgency) add('x.urgency = ?', q.urgency);
    if (q.status) add('x.status = ?', q.status);
    if (q.q?.trim()) {
      params.push(`%${escapeLike(q.q.trim())}%`);
      where.push(`(x.number::text || '/' || x.symbol ILIKE $${params.length} OR x.subject ILIKE $${params.length})`);
    }
    params.push(q.limit, q.offset);
    type Row = Omit<DashboardRow, 'total' | 'acknowledgedRate' | 'onTimeRate' | 'activityCoverage' | 'blocking' | 'levels'> & {
      count: string;
    };
    const page = (p: unknown[]): Promise<Row[]> =>
      this.db.query(
        `SELECT x.id, x.number, x.symbol, x.subject, x.urgency, x.status, to_char(x.issued_date, 'YYYY-MM-DD') AS "issuedDate",
              x.published_at AS "publishedAt", x.issuer_unit_id AS "issuerUnitId", iu.name AS "issuerName", count(*) OVER () AS count
         FROM dispatches x JOIN units iu ON iu.id = x.issuer_unit_id
        ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
        ORDER BY ${SORT_COLUMN[q.sort]} ${q.order === 'asc' ? 'ASC' : 'DESC'} NULLS LAST, x.id
        LIMIT $${params.length - 1} OFFSET $${params.length}`,
        p,
      );
    const rows = await page(params);
    const figures: {
      dispatchId: string;
      total: number;
      acknowledged: number;
      onTime: number;
      acting: number;
      withActivity: number;
      blocking: number;
      levels: DashboardRow['levels'];
    }[] = rows.length ? await this.db.query(DASHBOARD_FIGURES_SQL, [rows.map((r) => r.id)]) : [];
    const byId = new Map(figures.map((f) => [f.dispatchId, f]));
    const rate = (n: number, of: number) => (of === 0 ? 0 : Math.round((n / of) * 10_000) / 10_000);
    return {
      items: rows.map(({ count: _c, ...r }) => {
        const f = byId.get(r.id);
        return {
          ...r,
          total: f?.total ?? 0,
          acknowledgedRate: rate(f?.acknowledged ?? 0, f?.total ?? 0),
          onTimeRate: rate(f?.onTime ?? 0, f?.total ?? 0),
          activityCoverage: rate(f?.withActivity ?? 0, f?.acting ?? 0),
          blocking: f?.blocking ?? 0,
          levels: f?.levels ?? {},
        };
      }),
      total: await windowTotal(
        rows,
        q.offset,
        (r) => r.count,
        () => page([...params.slice(0, -2), 1, 0]),
      ),
      page: q.page,
      limit: q.limit,
    };
  }
}
