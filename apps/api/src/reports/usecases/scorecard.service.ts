import { ScorecardRow, UnitScorecardReport } from '@app/reports';
import { Injectable } from '@nestjs/common';
import { AccessService, escapeLike } from '../../access/access.service.js';
import type { Actor } from '../../auth/actor.js';
import { UnitLineageService } from '../../units/lineage/unit-lineage.service.js';
import { ScorecardQuery } from '../dto/report.dto.js';
import type { ScorecardDto } from '../dto/report-responses.dto.js';

/**
 * Per-unit scorecard for a unit and each unit below it (libs/reports, UnitScorecardReport, on the
 * reports database). Which unit the actor may read is decided here, on the main database.
 */
@Injectable()
export class ScorecardService {
  constructor(
    private readonly report: UnitScorecardReport,
    private readonly access: AccessService,
    private readonly lineage: UnitLineageService,
  ) {}

  async forUnit(actor: Actor, unitId: string, q: ScorecardQuery): Promise<ScorecardDto> {
    const unit = await this.access.requireUnit(actor, unitId);
    const period = { from: q.from, to: q.to };
    // A retired unit's tree retired with it: its scorecard shows it as it was, not an empty list.
    const units = await this.report.rows([`${escapeLike(unit.path)}%`], period, unit.active);
    let predecessors: ScorecardRow[] | undefined;
    if (q.includePredecessors) {
      // The units merged into this one keep their own rows, marked, below the unit's own.
      const { predecessors: before } = await this.lineage.of(unit.id);
      const paths = await this.report.paths(before.map((p) => p.id));
      predecessors = paths.length
        ? await this.report.rows(
            paths.map((p) => `${escapeLike(p)}%`),
            period,
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
}
