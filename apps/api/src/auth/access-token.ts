import { AppConfig } from '@app/config';
import { Injectable, UnauthorizedException } from '@nestjs/common';
import { createHmac, createSecretKey, type KeyObject, timingSafeEqual } from 'node:crypto';
import type { Actor } from './actor.js';
import { ActorCache } from './actor-cache.js';
import { AuthService, type JwtPayload } from './auth.service.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const BEARER = /^\s*bearer\s+(\S+)\s*$/i;
const SESSION_ENDED = 'Phiên đăng nhập đã hết hạn hoặc đã kết thúc. Vui lòng đăng nhập lại.';

const json = (part: string): unknown => {
  try {
    return JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
};

/**
 * Verifies an HS256 access token with one KeyObject for the process: split, one HMAC, a
 * constant-time comparison of the base64url signature (as jsonwebtoken does), exp and nbf. The
 * same checks passport-jwt + jsonwebtoken made, without their per-request strategy object, option
 * parsing and callback layers, which were a tenth of the api's CPU on the acknowledgement path.
 * Returns the payload, or null for anything that is not a current, well-signed HS256 token.
 */
export function verifyHs256(token: string, key: KeyObject, nowSeconds = Math.floor(Date.now() / 1000)): Record<string, unknown> | null {
  const parts = token.split('.');
  if (parts.length !== 3) return null;
  const [head, body, signature] = parts;
  const header = json(head) as { alg?: unknown } | undefined;
  if (!header || typeof header !== 'object' || header.alg !== 'HS256') return null;
  const expected = Buffer.from(createHmac('sha256', key).update(`${head}.${body}`).digest('base64url'));
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  const payload = json(body);
  if (!payload || typeof payload !== 'object' || Array.isArray(payload)) return null;
  return isCurrent(payload as Record<string, unknown>, nowSeconds) ? (payload as Record<string, unknown>) : null;
}

/** Within the token's validity: past nbf if it has one, before exp, which it must have. */
function isCurrent(payload: Record<string, unknown>, nowSeconds: number): boolean {
  const { exp, nbf } = payload;
  if (nbf !== undefined && (typeof nbf !== 'number' || nbf > nowSeconds)) return false;
  // A token must expire (jsonwebtoken only checks exp when present; ours are always issued with one).
  return typeof exp === 'number' && nowSeconds < exp;
}

/**
 * Tokens this process has already found well signed, by their whole text (signature included), so
 * the next request with the same token skips the base64, JSON and HMAC work: a browser sends one
 * token with every call for its whole validity. Only the signature check is skipped: the times are
 * checked again at each use, and the account and its token version are checked after this
 * (ActorCache). At most MAX entries; when full it starts again empty.
 */
export class VerifiedTokens {
  static readonly MAX = 10_000;
  private readonly entries = new Map<string, Record<string, unknown>>();

  /** The token's payload if it was verified here and is still current; null if it must be verified. */
  get(token: string, nowSeconds = Math.floor(Date.now() / 1000)): Record<string, unknown> | null {
    const payload = this.entries.get(token);
    if (!payload) return null;
    if (isCurrent(payload, nowSeconds)) return payload;
    this.entries.delete(token);
    return null;
  }

  /** Verifies with verifyHs256 unless verified already; only a valid token is kept. */
  verify(token: string, key: KeyObject, nowSeconds = Math.floor(Date.now() / 1000)): Record<string, unknown> | null {
    const known = this.get(token, nowSeconds);
    if (known) return known;
    const payload = verifyHs256(token, key, nowSeconds);
    if (!payload) return null;
    if (this.entries.size >= VerifiedTokens.MAX) this.entries.clear();
    this.entries.set(token, payload);
    return payload;
  }

  get size(): number {
    return this.entries.size;
  }
}

/** The signed-in actor of a request: a valid access token, then the account at its current token version. */
@Injectable()
export class AccessTokenVerifier {
  private readonly key: KeyObject;
  private readonly verified = new VerifiedTokens();

  constructor(
    config: AppConfig,
    private readonly auth: AuthService,
    private readonly actors: ActorCache,
  ) {
    this.key = createSecretKey(Buffer.from(config.JWT_SECRET));
  }

  /**
   * The account as it is now (ActorCache: from memory, kept current by PostgreSQL notifications, or
   * one primary-key query), so a deactivated account or a moved unit takes effect at once. The token must carry the account's current token version: a
   * password, role, unit or active change ends it. A token of another purpose (the queue board's
   * cookie) is signed with the same secret: never an access token.
   */
  async actorOf(authorization: string | undefined): Promise<Actor> {
    const token = authorization ? BEARER.exec(authorization)?.[1] : undefined;
    // No token or a bad one: Nest's default 401, which the exception filter words in Vietnamese.
    const payload = token ? this.verified.verify(token, this.key) : null;
    if (!payload) throw new UnauthorizedException();
    const valid =
      payload.purpose === undefined && Number.isInteger(payload.ver) && typeof payload.sub === 'string' && UUID.test(payload.sub);
    const claims = payload as unknown as JwtPayload;
    const actor = valid ? await this.actors.get(claims.sub, claims.ver, () => this.auth.actorFor(claims)) : null;
    if (!actor) throw new UnauthorizedException(SESSION_ENDED);
    return actor;
  }
}
