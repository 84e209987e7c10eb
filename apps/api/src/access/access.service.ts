import { outOfScope, notFound } from '@app/common';
import { Unit } from '@app/database';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository, SelectQueryBuilder } from 'typeorm';
import { Actor, hasGlobalScope } from '../auth/actor.js';

/**
 * The one place that decides which units a user may see and act for: the subtree of their own
 * unit (admins: everything). Services ask it; controllers never check scope by hand.
 */
@Injectable()
export class AccessService {
  constructor(@InjectRepository(Unit) private readonly units: Repository<Unit>) {}

  covers(actor: Actor, unitPath: string): boolean {
    return hasGlobalScope(actor) || unitPath.startsWith(actor.unitPath);
  }

  /** Loads a unit the actor may see, or fails with 404 / 403. */
  async requireUnit(actor: Actor, unitId: string): Promise<Unit> {
    const unit = await this.units.findOne({ where: { id: unitId } });
    if (!unit) throw notFound(`Không tìm thấy đơn vị ${unitId}.`);
    if (!this.covers(actor, unit.path)) throw outOfScope();
    return unit;
  }

  /** Like requireUnit, but the actor's own unit is not enough: it must lie strictly below it. */
  async requireUnitBelow(actor: Actor, unitId: string): Promise<Unit> {
    const unit = await this.requireUnit(actor, unitId);
    if (!hasGlobalScope(actor) && unit.id === actor.unitId) {
      throw outOfScope('Bạn không thể thay đổi vị trí hoặc trạng thái của chính đơn vị mình; hãy nhờ cấp trên.');
    }
    return unit;
  }

  /** Restricts a query on units (alias `alias`) to the actor's subtree. */
  scopeUnits<T extends object>(qb: SelectQueryBuilder<T>, actor: Actor, alias: string): SelectQueryBuilder<T> {
    if (hasGlobalScope(actor)) return qb;
    return qb.andWhere(`${alias}.path LIKE :scopePrefix`, { scopePrefix: `${escapeLike(actor.unitPath)}%` });
  }
}

export function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}
