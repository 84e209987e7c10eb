import { type RecipientUnit, RecipientUnitRepository } from '@app/rollout';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Actor } from '../../auth/actor.js';

export type { RecipientUnit } from '@app/rollout';

/**
 * The acting units (UBND, police, departments, …) serving the issuer's province, for picking single
 * recipients from the directing tree. An issuer's own subtree is only its office, but it addresses the
 * whole province, as the recipient groups do (RecipientResolver takes groups from the same province).
 */
@Injectable()
export class RecipientUnitsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly units: RecipientUnitRepository,
  ) {}

  async list(actor: Actor): Promise<{ items: RecipientUnit[] }> {
    const items: RecipientUnit[] = await this.units.actingUnitsOfProvince(this.db, actor.unitId);
    return { items };
  }
}
