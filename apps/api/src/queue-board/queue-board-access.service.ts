import { AppConfig } from '@app/config';
import { forbidden } from '@app/common';
import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { type Actor, hasGlobalScope } from '../auth/actor.js';
import { AuthService } from '../auth/auth.service.js';
import type { QueueBoardSessionDto } from './queue-board-session.dto.js';

export const BOARD_COOKIE = 'cvt_queue_board';
export const BOARD_PATH = '/admin/queues';
const BOARD_SESSION_SECONDS = 15 * 60;

interface BoardClaims {
  sub: string;
  ver: number;
  purpose: 'queue-board';
}

/**
 * Who may open Bull Board (/admin/queues): installation admins only (it shows and retries every
 * job of every province). A browser cannot send the api's bearer token on a page load, so an admin
 * exchanges it for a short-lived cookie (15 minutes, HttpOnly, SameSite=Strict, path /admin/queues)
 * through POST /api/v1/admin/queue-board/session. The cookie holds a JWT of its own purpose, so an
 * access token is never accepted as a cookie nor the cookie as an access token. The account is
 * reloaded on every board request: a deactivated or demoted admin loses the board at once.
 */
@Injectable()
export class QueueBoardAccess {
  constructor(
    private readonly jwt: JwtService,
    private readonly auth: AuthService,
    private readonly config: AppConfig,
  ) {}

  async openSession(actor: Actor): Promise<QueueBoardSessionDto & { cookie: string }> {
    if (!hasGlobalScope(actor)) throw forbidden('Chỉ quản trị viên toàn hệ thống được xem bảng hàng đợi.');
    // The account's token version rides along: a password, role or unit change ends the board session too.
    const claims: BoardClaims = { sub: actor.userId, ver: await this.auth.tokenVersionOf(actor.userId), purpose: 'queue-board' };
    const token = await this.jwt.signAsync(claims, { expiresIn: BOARD_SESSION_SECONDS });
    const secure = this.config.PUBLIC_BASE_URL.startsWith('https:') ? '; Secure' : '';
    return {
      url: BOARD_PATH,
      cookie: `${BOARD_COOKIE}=${token}; Path=${BOARD_PATH}; Max-Age=${BOARD_SESSION_SECONDS}; HttpOnly; SameSite=Strict${secure}`,
      expiresAt: new Date(Date.now() + BOARD_SESSION_SECONDS * 1000).toISOString(),
    };
  }

  /** The admin behind a board request (its cookie), or null. */
  async admit(cookieHeader: string | undefined): Promise<Actor | null> {
    const token = cookieValue(cookieHeader, BOARD_COOKIE);
    if (!token) return null;
    let claims: BoardClaims;
    try {
      claims = await this.jwt.verifyAsync<BoardClaims>(token);
    } catch {
      return null;
    }
    if (claims.purpose !== 'queue-board') return null;
    const actor = Number.isInteger(claims.ver) ? await this.auth.actorFor({ sub: claims.sub, ver: claims.ver }) : null;
    return actor && hasGlobalScope(actor) ? actor : null;
  }
}

function cookieValue(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return rest.join('=');
  }
  return undefined;
}
