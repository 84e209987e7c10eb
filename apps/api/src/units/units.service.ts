import { conflict, foldVietnamese, forbidden, notFound, Page } from '@app/common';
import { Unit, UnitType } from '@app/database';
import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, IsNull, Repository } from 'typeorm';
import { AccessService, escapeLike } from '../access/access.service.js';
import { auditActor, AuditService } from '../audit/audit.service.js';
import { Actor, hasGlobalScope } from '../auth/actor.js';
import { UnitLineageService } from './lineage/unit-lineage.service.js';
import { CreateUnitDto, ListUnitsQuery, MoveUnitDto, UpdateUnitDto } from './dto/unit.dto.js';
import type { UnitDetailDto, UnitDto, UnitListItemDto } from './dto/unit-responses.dto.js';

/** An administrative area as a unit's page names it. */
export interface Place {
  id: string;
  code: string;
  name: string;
  retiredOn: string | null;
}

/** What the audit trail keeps of a unit. */
function auditView(u: Unit) {
  return { code: u.code, name: u.name, type: u.type, level: u.level, parentId: u.parentId, emails: u.emails, active: u.active };
}

@Injectable()
export class UnitsService {
  constructor(
    @InjectRepository(Unit) private readonly units: Repository<Unit>,
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: AccessService,
    private readonly lineage: UnitLineageService,
    private readonly audit: AuditService,
  ) {}

  async list(actor: Actor, query: ListUnitsQuery): Promise<Page<UnitListItemDto>> {
    const qb = this.units.createQueryBuilder('u').orderBy('u.path', 'ASC').skip(query.offset).take(query.limit);
    this.access.scopeUnits(qb, actor, 'u');
    if (!query.includeInactive) qb.andWhere('u.active');
    if (query.type) qb.andWhere('u.type = :type', { type: query.type });
    if (query.level) qb.andWhere('u.level = :level', { level: query.level });
    if (query.parentId) qb.andWhere('u.parent_id = :parentId', { parentId: query.parentId });
    if (query.areaId) qb.andWhere('u.area_id = :areaId', { areaId: query.areaId });
    if (query.under) {
      const root = await this.access.requireUnit(actor, query.under);
      qb.andWhere('u.path LIKE :under AND u.id <> :rootId', { under: `${escapeLike(root.path)}%`, rootId: root.id });
    }
    if (query.q) {
      qb.andWhere('(u.search_name LIKE :q OR u.code = :code)', { q: `%${escapeLike(foldVietnamese(query.q))}%`, code: query.q.trim() });
    }
    const [items, total] = await qb.getManyAndCount();
    const places = await this.placesOf(items.map((u) => u.id));
    return {
      items: items.map((u) => ({ ...u, province: places.get(u.id)?.province ?? null })),
      total,
      page: query.page,
      limit: query.limit,
    };
  }

  async get(actor: Actor, id: string): Promise<UnitDetailDto> {
    const unit = await this.access.requireUnit(actor, id);
    const ancestorIds = unit.path.split('.').filter((x) => x && x !== unit.id);
    const ancestors = ancestorIds.length
      ? await this.units
          .createQueryBuilder('u')
          .select(['u.id', 'u.code', 'u.name', 'u.level', 'u.type'])
          .whereInIds(ancestorIds)
          .orderBy('length(u.path)')
          .getMany()
      : [];
    const place = (await this.placesOf([unit.id])).get(unit.id);
    // The unit page shows where a merged unit came from and what a retired one became.
    return { ...unit, ancestors, area: place?.area ?? null, province: place?.province ?? null, ...(await this.lineage.of(unit.id)) };
  }

  async create(actor: Actor, dto: CreateUnitDto, ip?: string | null): Promise<UnitDto> {
    if (!dto.parentId && !hasGlobalScope(actor))
      throw forbidden('Chỉ quản trị viên được tạo đơn vị gốc; hãy chọn đơn vị cấp trên (parentId).');
    const parent = dto.parentId ? await this.access.requireUnit(actor, dto.parentId) : null;
    if (dto.areaId) await this.requireArea(dto.areaId);
    return this.db.transaction(async (em) => {
      if (await em.existsBy(Unit, { code: dto.code, retiredOn: IsNull() })) throw conflict(`Mã đơn vị "${dto.code}" đã được dùng.`);
      const id = crypto.randomUUID();
      await em.insert(Unit, {
        id,
        code: dto.code,
        name: dto.name.normalize('NFC'),
        searchName: foldVietnamese(dto.name),
        type: dto.type,
        level: dto.level,
        parentId: parent?.id ?? null,
        areaId: dto.areaId ?? null,
        path: `${parent?.path ?? ''}${id}.`,
        emails: dto.emails ?? [],
      });
      const created = await em.findOneByOrFail(Unit, { id });
      await this.audit.record(em, auditActor(actor, ip), {
        action: 'unit.created',
        entityType: 'unit',
        entityId: id,
        after: auditView(created),
      });
      return created;
    });
  }

  async update(actor: Actor, id: string, dto: UpdateUnitDto, ip?: string | null): Promise<UnitDto> {
    const unit = await this.access.requireUnit(actor, id);
    return this.db.transaction(async (em) => {
      await em.update(Unit, unit.id, {
        ...(dto.name !== undefined && { name: dto.name.normalize('NFC'), searchName: foldVietnamese(dto.name) }),
        ...(dto.type !== undefined && { type: dto.type }),
        ...(dto.emails !== undefined && { emails: dto.emails }),
      });
      const after = await em.findOneByOrFail(Unit, { id });
      const [b, a] = [auditView(unit), auditView(after)];
      if (JSON.stringify(b) !== JSON.stringify(a)) {
        const action = b.name !== a.name ? 'unit.renamed' : 'unit.updated';
        await this.audit.record(em, auditActor(actor, ip), { action, entityType: 'unit', entityId: id, before: b, after: a });
      }
      return after;
    });
  }

  async deactivate(actor: Actor, id: string, ip?: string | null): Promise<UnitDto> {
    const unit = await this.access.requireUnitBelow(actor, id);
    return this.db.transaction(async (em) => {
      const activeChildren = await em.countBy(Unit, { parentId: unit.id, active: true });
      if (activeChildren > 0) {
        throw conflict(
          `Không thể ngừng hoạt động "${unit.name}": còn ${activeChildren} đơn vị trực thuộc đang hoạt động. Hãy chuyển hoặc ngừng các đơn vị đó trước.`,
        );
      }
      await em.update(Unit, unit.id, { active: false });
      const after = await em.findOneByOrFail(Unit, { id });
      if (unit.active) {
        await this.audit.record(em, auditActor(actor, ip), {
          action: 'unit.deactivated',
          entityType: 'unit',
          entityId: id,
          before: auditView(unit),
          after: auditView(after),
        });
      }
      return after;
    });
  }

  async move(actor: Actor, id: string, dto: MoveUnitDto, ip?: string | null): Promise<UnitDto> {
    await this.access.requireUnitBelow(actor, id);
    await this.access.requireUnit(actor, dto.parentId);
    return this.db.transaction(async (em) => {
      await em.query(`SELECT pg_advisory_xact_lock(hashtext('units-tree'))`);
      // Re-read under the lock: a concurrent move may have changed either path.
      const unit = await em.findOneByOrFail(Unit, { id });
      const parent = await em.findOneByOrFail(Unit, { id: dto.parentId });
      if (parent.path.startsWith(unit.path)) {
        throw conflict(`Không thể chuyển "${unit.name}" vào "${parent.name}": đơn vị đích nằm trong chính cây của nó (sẽ tạo vòng lặp).`);
      }
      if (!parent.active) throw conflict(`Đơn vị cấp trên "${parent.name}" đã ngừng hoạt động.`);
      const newPath = `${parent.path}${unit.id}.`;
      await em.query(
        `UPDATE units SET path = $2 || substr(path, length($1) + 1),
                parent_id = CASE WHEN id = $3 THEN $4::uuid ELSE parent_id END,
                updated_at = CASE WHEN id = $3 THEN now() ELSE updated_at END
          WHERE path LIKE $5`,
        [unit.path, newPath, unit.id, parent.id, `${escapeLike(unit.path)}%`],
      );
      const after = await em.findOneByOrFail(Unit, { id });
      if (unit.parentId !== after.parentId) {
        await this.audit.record(em, auditActor(actor, ip), {
          action: 'unit.moved',
          entityType: 'unit',
          entityId: id,
          before: auditView(unit),
          after: auditView(after),
        });
      }
      return after;
    });
  }

  /**
   * The area each unit serves (itself for an area) and that area's province, in one query. Areas are
   * public geography: a unit's page names them even when the area tree lies outside the reader's scope.
   */
  private async placesOf(ids: string[]): Promise<Map<string, { area: Place | null; province: Place | null }>> {
    if (!ids.length) return new Map();
    const rows: { id: string; area: Place | null; province: Place | null }[] = await this.db.query(
      `SELECT u.id,
              CASE WHEN a.id IS NULL THEN NULL ELSE json_build_object('id', a.id, 'code', a.code, 'name', a.name, 'retiredOn', a.retired_on) END AS area,
              CASE WHEN p.id IS NULL THEN NULL ELSE json_build_object('id', p.id, 'code', p.code, 'name', p.name, 'retiredOn', p.retired_on) END AS province
         FROM units u
         LEFT JOIN units a ON a.id = CASE WHEN u.type = 'area' THEN u.id ELSE u.area_id END
         LEFT JOIN units p ON p.id = split_part(a.path, '.', 1)::uuid
        WHERE u.id = ANY($1::uuid[])`,
      [ids],
    );
    return new Map(rows.map((r) => [r.id, { area: r.area, province: r.province }]));
  }

  /** Areas are public geography: any unit may name the area it serves. */
  private async requireArea(id: string): Promise<void> {
    const found = await this.units.existsBy({ id, type: UnitType.Area });
    if (!found) throw notFound(`Không tìm thấy đơn vị hành chính ${id}.`);
  }
}
