import { Role, Unit, UnitType } from '@app/database';
import { Injectable, UnauthorizedException } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AccessService } from '../access/access.service.js';
import type { Actor } from './actor.js';
import type { ClientInfo } from './client-info.decorator.js';
import type { LoginDto } from './dto/login.dto.js';
import { LoginLimiter } from './login-limiter.js';
import { PasswordService } from './password.service.js';

/** What an access token carries: the user and the token version it was issued under (plus iat/exp). */
export interface JwtPayload {
  sub: string;
  ver: number;
  exp?: number;
}

interface ActorRow {
  userId: string;
  email: string;
  fullName: string;
  role: Role;
  unitId: string;
  unitName: string;
  unitPath: string;
  tokenVersion: number;
  unitType: UnitType;
  unitAreaId: string | null;
}

// Reloads the signed-in user by primary key, with their unit: one indexed query per request.
const ACTOR_SQL = `
  SELECT u.id AS "userId", u.email, u.full_name AS "fullName", u.role, u.token_version AS "tokenVersion",
         n.id AS "unitId", n.name AS "unitName", n.path AS "unitPath", n.type AS "unitType", n.area_id AS "unitAreaId"
    FROM users u JOIN units n ON n.id = u.unit_id`;

// A fixed hash to verify against when the e-mail is unknown, so timing does not reveal accounts.
const DUMMY_HASH = '$argon2id$v=19$m=19456,t=2,p=1$28Rr59hBidS/sbzY98Bobg$E+L4Xin+NG5/dW3PtJX2anrB8mZ5vjpeHjueYOawFho';

@Injectable()
export class AuthService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly passwords: PasswordService,
    private readonly jwt: JwtService,
    private readonly limiter: LoginLimiter,
    private readonly access: AccessService,
  ) {}

  /** Rate-limited password check, then a token that expires (JWT_EXPIRES_IN) and names the token version. */
  async login(dto: LoginDto, client: ClientInfo) {
    const email = dto.email.trim().toLowerCase();
    const address = client.ip ?? 'unknown';
    await this.limiter.attempt(address, email);
    const found = await this.validateCredentials(email, dto.password);
    if (!found) {
      await this.limiter.failed(address, email);
      throw new UnauthorizedException('Sai e-mail hoặc mật khẩu, hoặc tài khoản đã bị khóa.');
    }
    await this.limiter.succeeded(address, email);
    const payload: JwtPayload = { sub: found.userId, ver: found.tokenVersion };
    return { accessToken: await this.jwt.signAsync(payload), tokenType: 'Bearer', user: await this.toActor(found) };
  }

  private async validateCredentials(email: string, password: string): Promise<ActorRow | null> {
    const [row]: (ActorRow & { passwordHash: string; active: boolean })[] = await this.db.query(
      `${ACTOR_SQL.replace('SELECT', 'SELECT u.password_hash AS "passwordHash", u.active,')} WHERE u.email = $1`,
      [email],
    );
    const ok = await this.passwords.verify(row?.passwordHash ?? DUMMY_HASH, password);
    if (!row || !ok || !row.active) return null;
    await this.db.query(`UPDATE users SET last_login_at = now() WHERE id = $1`, [row.userId]);
    return row;
  }

  /** The actor for a token, or null when the account is inactive or the token predates a change. */
  async actorFor(payload: JwtPayload): Promise<Actor | null> {
    const [row]: ActorRow[] = await this.db.query(`${ACTOR_SQL} WHERE u.id = $1 AND u.active AND u.token_version = $2`, [
      payload.sub,
      payload.ver,
    ]);
    return row ? this.toActor(row) : null;
  }

  /** The account's current token version (for sessions of another kind, such as the queue board's cookie). */
  async tokenVersionOf(userId: string): Promise<number> {
    const [row]: { v: number }[] = await this.db.query(`SELECT token_version AS v FROM users WHERE id = $1`, [userId]);
    return row?.v ?? -1;
  }

  /** An admin's reach (installation or province) is decided by AccessService (one more query, admins only). */
  private async toActor(row: ActorRow): Promise<Actor> {
    const { userId, email, fullName, role, unitId, unitName, unitPath } = row;
    const actor: Actor = { userId, email, fullName, role, unitId, unitName, unitPath };
    if (actor.role !== Role.Admin) return actor;
    const provinceRoots = await this.access.provinceRootsFor({ id: unitId, type: row.unitType, areaId: row.unitAreaId } as Unit);
    return provinceRoots ? { ...actor, provinceRoots } : actor;
  }
}
