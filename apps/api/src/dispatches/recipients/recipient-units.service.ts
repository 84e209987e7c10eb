import { RecipientUnitRepository } from '@app/rollout';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Actor } from '../../auth/actor.js';
import type { RecipientUnitListDto } from '../dto/dispatch-responses.dto.js';

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

  async list(actor: Actor): Promise<RecipientUnitListDto> {
    return { items: await this.units.actingUnitsOfProvince(this.db, actor.unitId) };
  }
}
