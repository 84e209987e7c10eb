import { conflict, forbidden, notFound, outOfScope, Page } from '@app/common';
import { Role, User } from '@app/database';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { AccessService, escapeLike } from '../access/access.service.js';
import { Actor, hasGlobalScope } from '../auth/actor.js';
import { PasswordService } from '../auth/password.service.js';
import { CreateUserDto, ListUsersQuery, UpdateUserDto } from './dto/user.dto.js';

@Injectable()
export class UsersService {
  constructor(
    @InjectRepository(User) private readonly users: Repository<User>,
    private readonly access: AccessService,
    private readonly passwords: PasswordService,
  ) {}

  async list(actor: Actor, query: ListUsersQuery): Promise<Page<User>> {
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
    return { items, total, page: query.page, limit: query.limit };
  }

  async get(actor: Actor, id: string): Promise<User> {
    const user = await this.users.findOne({ where: { id }, relations: { unit: true } });
    if (!user) throw notFound(`Không tìm thấy tài khoản ${id}.`);
    if (!this.access.covers(actor, user.unit!.path)) throw outOfScope('Tài khoản này thuộc đơn vị ngoài phạm vi quản lý của bạn.');
    return user;
  }

  async create(actor: Actor, dto: CreateUserDto): Promise<User> {
    await this.access.requireUnit(actor, dto.unitId);
    this.requireGrantable(actor, dto.role);
    if (await this.users.existsBy({ email: dto.email })) throw conflict(`E-mail ${dto.email} đã có tài khoản.`);
    const { id } = await this.users.save(
      this.users.create({
        email: dto.email,
        fullName: dto.fullName,
        title: dto.title ?? null,
        role: dto.role,
        unitId: dto.unitId,
        passwordHash: await this.passwords.hash(dto.password),
      }),
    );
    return this.get(actor, id);
  }

  async update(actor: Actor, id: string, dto: UpdateUserDto): Promise<User> {
    const user = await this.get(actor, id);
    if (dto.role) this.requireGrantable(actor, dto.role);
    if (user.id === actor.userId && (dto.role !== undefined || dto.active === false)) {
      throw forbidden('Bạn không thể tự đổi vai trò hoặc tự khóa tài khoản của mình.');
    }
    await this.users.update(user.id, {
      ...(dto.fullName !== undefined && { fullName: dto.fullName }),
      ...(dto.title !== undefined && { title: dto.title }),
      ...(dto.role !== undefined && { role: dto.role }),
      ...(dto.active !== undefined && { active: dto.active }),
      ...(dto.password !== undefined && { passwordHash: await this.passwords.hash(dto.password) }),
    });
    return this.get(actor, id);
  }

  /** Only admins make admins; leaders hand out the roles below theirs. */
  private requireGrantable(actor: Actor, role: Role): void {
    if (hasGlobalScope(actor)) return;
    if (role === Role.Admin) throw forbidden('Chỉ quản trị viên được cấp vai trò quản trị.');
  }
}
