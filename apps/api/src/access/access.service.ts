import { outOfScope, notFound } from '@app/common';
import { Unit, UnitType } from '@app/database';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Brackets, Repository, SelectQueryBuilder } from 'typeorm';
import { Actor, hasGlobalScope } from '../auth/actor.js';

/**
 * The one place that decides which units a user may see and act for: the subtree of their own
 * unit; for a provincial admin, every tree of their province; for an installation admin,
 * everything. Services ask it; controllers never check scope by hand.
 */
@Injectable()
export class AccessService {
  constructor(@InjectRepository(Unit) private readonly units: Repository<Unit>) {}

  covers(actor: Actor, unitPath: string): boolean {
    return (
      hasGlobalScope(actor) ||
      unitPath.startsWith(actor.unitPath) ||
      (actor.provinceRoots?.some((root) => unitPath.startsWith(root)) ?? false)
    );
  }

  /** An admin not bound to a province: may onboard provinces and create roots. */
  isInstallationAdmin(actor: Actor): boolean {
    return hasGlobalScope(actor);
  }

  /**
   * The scope of an admin attached to a unit: none (the whole installation) for a unit that
   * serves no area, such as "Quản trị hệ thống"; otherwise the roots of the trees of the province
   * the unit serves (its area tree, UBND tỉnh, Công an tỉnh), whatever the structure.
   */
  async provinceRootsFor(unit: Pick<Unit, 'id' | 'type' | 'areaId'>): Promise<string[] | undefined> {
    const areaId = unit.type === UnitType.Area ? unit.id : unit.areaId;
    if (!areaId) return undefined;
    const rows: { path: string }[] = await this.units.query(
      `SELECT r.path FROM units a
         JOIN units r ON r.parent_id IS NULL AND (r.id = split_part(a.path, '.', 1)::uuid OR r.area_id = split_part(a.path, '.', 1)::uuid)
        WHERE a.id = $1`,
      [areaId],
    );
    return rows.map((r) => r.path);
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
    const prefixes = [actor.unitPath, ...(actor.provinceRoots ?? [])].map((p) => `${escapeLike(p)}%`);
    // One indexed prefix range per root (a BitmapOr), never a per-row pattern.
    return qb.andWhere(
      new Brackets((w) => prefixes.forEach((p, i) => w.orWhere(`${alias}.path LIKE :scopePrefix${i}`, { [`scopePrefix${i}`]: p }))),
    );
  }
}

export function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}
