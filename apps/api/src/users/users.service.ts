import { conflict, forbidden, notFound, outOfScope, Page } from '@app/common';
import { Role, User } from '@app/database';
import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, Repository } from 'typeorm';
import { AccessService, escapeLike } from '../access/access.service.js';
import { accountChangeRefusal, endsSessions, grantRefusal, PrivilegeRefusal } from '../access/account-privileges.js';
import { AuditService, auditActor } from '../audit/audit.service.js';
import { Actor } from '../auth/actor.js';
import { PasswordPolicy } from '../auth/password-policy.js';
import { PasswordService } from '../auth/password.service.js';
import { CreateUserDto, ListUsersQuery, UpdateUserDto } from './dto/user.dto.js';
import type { UserDto } from './dto/user-responses.dto.js';
import { ActorCache } from '../auth/actor-cache.js';

/** What the audit trail keeps of an account: never its password or hash. */
const auditView = (u: Pick<User, 'email' | 'fullName' | 'title' | 'role' | 'unitId' | 'active'>) => ({
  email: u.email,
  fullName: u.fullName,
  title: u.title,
  role: u.role,
  unitId: u.unitId,
  active: u.active,
});

/** One audit action per kind of change (the password itself is never recorded, only that it was reset). */
function userActions(before: ReturnType<typeof auditView>, after: ReturnType<typeof auditView>, passwordReset: boolean): string[] {
  const actions: string[] = [];
  if (before.role !== after.role) actions.push('user.role_changed');
  if (before.unitId !== after.unitId) actions.push('user.unit_changed');
  if (before.active !== after.active) actions.push(after.active ? 'user.activated' : 'user.deactivated');
  if (passwordReset) actions.push('user.password_reset');
  if (before.fullName !== after.fullName || before.title !== after.title) actions.push('user.renamed');
  return actions;
}

const raise = (r: PrivilegeRefusal): never => {
  throw r.kind === 'conflict' ? conflict(r.message) : forbidden(r.message);
};

/** Every read here joins the unit (a non-null foreign key), so the relation is always loaded. */
const withUnit = (user: User): UserDto => ({ ...user, unit: user.unit! });

@Injectable()
export class UsersService {
  constructor(
    @InjectRepository(User) private readonly users: Repository<User>,
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: AccessService,
    private readonly passwords: PasswordService,
    private readonly policy: PasswordPolicy,
    private readonly audit: AuditService,
    private readonly actors: ActorCache,
  ) {}

  async list(actor: Actor, query: ListUsersQuery): Promise<Page<UserDto>> {
    const qb = this.users
      .createQueryBuilder('user')
      .innerJoinAndSelect('user.unit', 'unit')
      .orderBy('user.email')
      .skip(query.offset)
      .take(query.limit);
    this.access.scopeUnits(qb, actor, 'unit');
    if (query.unitId) {
      const root = await this.access.requireUnit(actor, query.unitId);
      qb.andWhere('unit.path LIKE :under', { under: `${escapeLike(root.path)}%` });
    }
    if (query.role) qb.andWhere('user.role = :role', { role: query.role });
    const [items, total] = await qb.getManyAndCount();
    return { items: items.map(withUnit), total, page: query.page, limit: query.limit };
  }

  async get(actor: Actor, id: string): Promise<UserDto> {
    const user = await this.users.findOne({ where: { id }, relations: { unit: true } });
    if (!user) throw notFound(`Không tìm thấy tài khoản ${id}.`);
    if (!this.access.covers(actor, user.unit!.path)) throw outOfScope('Tài khoản này thuộc đơn vị ngoài phạm vi quản lý của bạn.');
    return withUnit(user);
  }

  async create(actor: Actor, dto: CreateUserDto, ip: string | null): Promise<UserDto> {
    await this.access.requireUnit(actor, dto.unitId);
    const refusal = grantRefusal(actor, dto.role);
    if (refusal) raise(refusal);
    if (await this.users.existsBy({ email: dto.email })) throw conflict(`E-mail ${dto.email} đã có tài khoản.`);
    this.policy.require(dto.password, [dto.email, dto.fullName]);
    const passwordHash = await this.passwords.hash(dto.password);
    // Two concurrent creations of one e-mail: the unique index refuses the second (409 in the filter).
    const id = await this.db.transaction(async (em) => {
      const user = await em.getRepository(User).save(
        em.getRepository(User).create({
          email: dto.email,
          fullName: dto.fullName,
          title: dto.title ?? null,
          role: dto.role,
          unitId: dto.unitId,
          passwordHash,
        }),
      );
      await this.audit.record(em, auditActor(actor, ip), {
        action: 'user.created',
        entityType: 'user',
        entityId: user.id,
        after: auditView(user),
      });
      return user.id;
    });
    return this.get(actor, id);
  }

  async update(actor: Actor, id: string, dto: UpdateUserDto, ip: string | null): Promise<UserDto> {
    const target = await this.get(actor, id);
    if (dto.unitId !== undefined && dto.unitId !== target.unitId) await this.access.requireUnit(actor, dto.unitId);
    const change = { ...dto, ...(dto.unitId === target.unitId && { unitId: undefined }) };
    // Refuse on privilege before judging the password: the rules hold whatever is sent.
    const early = accountChangeRefusal(actor, target, change, Number.MAX_SAFE_INTEGER);
    if (early) raise(early);
    if (dto.password !== undefined) this.policy.require(dto.password, [target.email, dto.fullName ?? target.fullName]);
    const passwordHash = dto.password !== undefined ? await this.passwords.hash(dto.password) : undefined;
    await this.db.transaction(async (em) => {
      // The account and every active admin under one lock taken in id order: two admins removing
      // each other at once cannot deadlock, and the second sees the first one's change.
      const rows: { id: string; role: Role; active: boolean }[] = await em.query(
        `SELECT id, role, active FROM users WHERE id = $1 OR (role = 'admin' AND active) ORDER BY id FOR UPDATE`,
        [id],
      );
      const current = rows.find((r) => r.id === id)!;
      const locked = { id, role: current.role, active: current.active };
      const activeAdmins = rows.filter((r) => r.role === Role.Admin && r.active).length;
      const refusal = accountChangeRefusal(actor, locked, change, activeAdmins);
      if (refusal) raise(refusal);
      const before = auditView(target);
      await em.getRepository(User).update(id, {
        ...(dto.fullName !== undefined && { fullName: dto.fullName }),
        ...(dto.title !== undefined && { title: dto.title }),
        ...(dto.role !== undefined && { role: dto.role }),
        ...(change.unitId !== undefined && { unitId: change.unitId }),
        ...(dto.active !== undefined && { active: dto.active }),
        ...(passwordHash !== undefined && { passwordHash }),
      });
      if (endsSessions(locked, change)) await em.query(`UPDATE users SET token_version = token_version + 1 WHERE id = $1`, [id]);
      const after = auditView(await em.getRepository(User).findOneByOrFail({ id }));
      for (const action of userActions(before, after, passwordHash !== undefined)) {
        await this.audit.record(em, auditActor(actor, ip), { action, entityType: 'user', entityId: id, before, after });
      }
    });
    // Every api process hears of it through the users trigger; this one forgets it before answering.
    this.actors.forget(id);
    return this.get(actor, id);
  }
}
