import { DispatchReportQuery } from '@app/reports';
import { Injectable } from '@nestjs/common';
import type { Actor } from '../../auth/actor.js';
import { ReportAccess } from '../report-access.service.js';
import type { DispatchReportDto } from '../dto/report-responses.dto.js';

/** A dispatch's compliance report: the scope is decided on the main database, the figures read from the reports database. */
@Injectable()
export class DispatchReportService {
  constructor(
    private readonly access: ReportAccess,
    private readonly query: DispatchReportQuery,
  ) {}

  async report(actor: Actor, dispatchId: string): Promise<DispatchReportDto> {
    const scope = await this.access.scopeFor(actor, dispatchId);
    const [report, versions] = await Promise.all([this.query.run(dispatchId, scope), this.query.versionProgress(dispatchId, scope)]);
    return { ...report, scope: scope ? 'own-branch' : 'dispatch', versions };
  }
}
