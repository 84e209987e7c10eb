import { Role, Unit, UnitType, User } from '@app/database';
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

const ACTOR_SQL = `
  SELECT u.id AS "userId", u.email, u.full_name AS "fullName", u.role, n.id AS "unitId", n.name AS "unitName", n.path AS "unitPath",
         n.type AS "unitType", n.area_id AS "unitAreaId"
    FROM users u JOIN units n ON n.id = u.unit_id
   WHERE u.id = $1 AND u.active`;

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

  /**
   * The actor of a token, on every authenticated request: one primary-key query written out, so no
   * ORM query building runs on the hot path (admins add one query for their province).
   */
  async actorFor(userId: string): Promise<Actor | null> {
    const [row] = (await this.users.query(ACTOR_SQL, [userId])) as (Actor & { unitType: UnitType; unitAreaId: string | null })[];
    if (!row) return null;
    const { unitType, unitAreaId, ...actor } = row;
    return this.withScope(actor, { id: actor.unitId, type: unitType, areaId: unitAreaId });
  }

  /** An admin's reach (installation or province) is decided by AccessService. */
  private async withScope(actor: Actor, unit: Pick<Unit, 'id' | 'type' | 'areaId'>): Promise<Actor> {
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
