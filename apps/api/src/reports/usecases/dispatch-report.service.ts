import { DispatchReport, DispatchReportQuery } from '@app/reports';
import { Injectable } from '@nestjs/common';
import type { Actor } from '../../auth/actor.js';
import { ReportAccess } from '../report-access.service.js';

@Injectable()
export class DispatchReportService {
  constructor(
    private readonly access: ReportAccess,
    private readonly query: DispatchReportQuery,
  ) {}

  async report(actor: Actor, dispatchId: string): Promise<DispatchReport & { scope: 'dispatch' | 'own-branch' }> {
    const scope = await this.access.scopeFor(actor, dispatchId);
    return { ...(await this.query.run(dispatchId, scope)), scope: scope ? 'own-branch' : 'dispatch' };
  }
}
