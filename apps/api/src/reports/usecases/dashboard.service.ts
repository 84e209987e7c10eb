import { Page, windowTotal } from '@app/common';
import { DashboardFilter, DashboardReport } from '@app/reports';
import { Injectable } from '@nestjs/common';
import { AccessService, escapeLike } from '../../access/access.service.js';
import { Actor, hasGlobalScope } from '../../auth/actor.js';
import { DashboardQuery } from '../dto/report.dto.js';
import type { DashboardRowDto } from '../dto/report-responses.dto.js';

const rate = (n: number, of: number) => (of === 0 ? 0 : Math.round((n / of) * 10_000) / 10_000);

/**
 * The leadership dashboard: dispatches in scope with their rollout figures, one page at a time.
 * The scope is decided here, on the main database; the page and its figures are read from the
 * reports database (libs/reports, DashboardReport).
 */
@Injectable()
export class DashboardService {
  constructor(
    private readonly report: DashboardReport,
    private readonly access: AccessService,
  ) {}

  async list(actor: Actor, q: DashboardQuery): Promise<Page<DashboardRowDto>> {
    const issuerPathPatterns: string[] = [];
    if (!hasGlobalScope(actor)) issuerPathPatterns.push(`${escapeLike(actor.unitPath)}%`);
    if (q.issuerUnitId) issuerPathPatterns.push(`${escapeLike((await this.access.requireUnit(actor, q.issuerUnitId)).path)}%`);
    const filter: DashboardFilter = {
      issuerPathPatterns,
      from: q.from,
      to: q.to,
      urgency: q.urgency,
      status: q.status,
      searchPattern: q.q?.trim() ? `%${escapeLike(q.q.trim())}%` : undefined,
      sort: q.sort,
      order: q.order,
      limit: q.limit,
      offset: q.offset,
    };
    const rows = await this.report.page(filter);
    const byId = new Map((await this.report.figures(rows.map((r) => r.id))).map((f) => [f.dispatchId, f]));
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
        () => this.report.page({ ...filter, limit: 1, offset: 0 }),
      ),
      page: q.page,
      limit: q.limit,
    };
  }
}
