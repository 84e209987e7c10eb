import { Role, Unit, User } from '@app/database';
import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { AccessService } from '../access/access.service.js';
import type { Actor } from './actor.js';
import { PasswordService } from './password.service.js';

export interface JwtPayload {
  sub: string;
}

// A fixed hash to verify against when the e-mail is unknown, so timing does not reveal accounts.
const DUMMY_HASH = '$argon2id$v=19$m=19456,t=2,p=1$28Rr59hBidS/sbzY98Bobg$E+L4Xin+NG5/dW3PtJX2anrB8mZ5vjpeHjueYOawFho';

@Injectable()
export class AuthService {
  constructor(
    @InjectRepository(User) private readonly users: Repository<User>,
    private readonly passwords: PasswordService,
    private readonly jwt: JwtService,
    private readonly access: AccessService,
  ) {}

  async validateCredentials(email: string, password: string): Promise<Actor | null> {
    const user = await this.users
      .createQueryBuilder('u')
      .addSelect('u.passwordHash')
      .innerJoinAndSelect('u.unit', 'unit')
      .where('u.email = :email', { email: email.trim().toLowerCase() })
      .getOne();
    const ok = await this.passwords.verify(user?.passwordHash ?? DUMMY_HASH, password);
    if (!user || !ok || !user.active) return null;
    await this.users.update(user.id, { lastLoginAt: new Date() });
    return this.withScope(toActor(user, user.unit!), user.unit!);
  }

  async actorFor(userId: string): Promise<Actor | null> {
    const user = await this.users.findOne({ where: { id: userId, active: true }, relations: { unit: true } });
    return user ? this.withScope(toActor(user, user.unit!), user.unit!) : null;
  }

  /** An admin's reach (installation or province) is decided by AccessService. */
  private async withScope(actor: Actor, unit: Unit): Promise<Actor> {
    if (actor.role !== Role.Admin) return actor;
    const provinceRoots = await this.access.provinceRootsFor(unit);
    return provinceRoots ? { ...actor, provinceRoots } : actor;
  }

  async login(actor: Actor) {
    const payload: JwtPayload = { sub: actor.userId };
    return { accessToken: await this.jwt.signAsync(payload), tokenType: 'Bearer', user: actor };
  }
}

function toActor(user: User, unit: Unit): Actor {
  return {
    userId: user.id,
    email: user.email,
    fullName: user.fullName,
    role: user.role as Role,
    unitId: unit.id,
    unitName: unit.name,
    unitPath: unit.path,
  };
}
