import { AppConfig } from '@app/config';
import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import pg from 'pg';
import type { Actor } from './actor.js';

/** The channel the users and units triggers notify (migration ActorChangeNotify). */
export const ACTOR_CHANNEL = 'cvt_actor_changed';
/** The payload that means "forget everyone" (a unit was renamed or moved). */
const EVERYONE = '*';
const MAX_ENTRIES = 20_000;
const RECONNECT_MS = [200, 1_000, 5_000];

interface Entry {
  actor: Actor;
  tokenVersion: number;
  expiresAt: number;
}

/**
 * Signed-in actors kept for a few seconds (ACTOR_CACHE_SECONDS), so a request costs no account
 * query: the acknowledgement of a rollout then takes one round trip to PostgreSQL, not two.
 *
 * It never serves a stale account. Triggers on users and units NOTIFY every api process of a change
 * (a password, role, unit or active change bumps the token version; a unit renamed or moved
 * changes the path scope is checked against), and this process forgets the account, or everyone.
 * The cache is used only while the LISTEN connection is up: when it drops, everything is forgotten
 * and every request reads the account again until it is back. A read that raced a change (it began
 * before the notification and ends after) is not stored: the generation counter tells.
 */
@Injectable()
export class ActorCache implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly log = new Logger(ActorCache.name);
  private readonly entries = new Map<string, Entry>();
  private readonly ttlMs: number;
  private client?: pg.Client;
  private listening = false;
  private stopped = false;
  private generation = 0;
  private failures = 0;
  private retry?: NodeJS.Timeout;

  constructor(private readonly config: AppConfig) {
    this.ttlMs = config.ACTOR_CACHE_SECONDS * 1000;
  }

  async onApplicationBootstrap(): Promise<void> {
    if (this.ttlMs > 0) await this.listen();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    this.listening = false;
    clearTimeout(this.retry);
    await this.client?.end().catch(() => undefined);
  }

  /** The account for a token of this version, reading it with `load` when it is not cached. */
  async get(userId: string, tokenVersion: number, load: () => Promise<Actor | null>): Promise<Actor | null> {
    const hit = this.listening ? this.entries.get(userId) : undefined;
    if (hit && hit.tokenVersion === tokenVersion && hit.expiresAt > Date.now()) return hit.actor;
    const generation = this.generation;
    const actor = await load();
    // Only an active account at this token version is kept, and only if nothing changed meanwhile.
    if (actor && this.listening && generation === this.generation) this.store(userId, tokenVersion, actor);
    return actor;
  }

  /** Forgets an account at once (this process changed it; the notification tells the others). */
  forget(userId: string): void {
    this.generation++;
    this.entries.delete(userId);
  }

  private forgetEveryone(): void {
    this.generation++;
    this.entries.clear();
  }

  private store(userId: string, tokenVersion: number, actor: Actor): void {
    if (this.entries.size >= MAX_ENTRIES) {
      // Maps iterate in insertion order: drop the oldest tenth.
      let n = MAX_ENTRIES / 10;
      for (const key of this.entries.keys()) {
        this.entries.delete(key);
        if (--n === 0) break;
      }
    }
    this.entries.set(userId, { actor, tokenVersion, expiresAt: Date.now() + this.ttlMs });
  }

  private async listen(): Promise<void> {
    if (this.stopped) return;
    const client = new pg.Client({ connectionString: this.config.DATABASE_URL, application_name: 'cong-van-tracker actor-cache' });
    this.client = client;
    client.on('notification', (n) => (n.payload === EVERYONE || !n.payload ? this.forgetEveryone() : this.forget(n.payload)));
    client.on('error', (e) => this.lost(client, e));
    client.on('end', () => this.lost(client));
    try {
      await client.connect();
      await client.query(`LISTEN ${ACTOR_CHANNEL}`);
      if (this.stopped) return void (await client.end());
      // Anything cached before (a previous connection) may have missed notifications.
      this.forgetEveryone();
      this.listening = true;
      this.failures = 0;
    } catch (e) {
      this.lost(client, e as Error);
    }
  }

  private lost(client: pg.Client, error?: Error): void {
    if (client !== this.client) return;
    this.listening = false;
    this.forgetEveryone();
    this.client = undefined;
    void client.end().catch(() => undefined);
    if (this.stopped) return;
    const delay = RECONNECT_MS[Math.min(this.failures++, RECONNECT_MS.length - 1)];
    this.log.warn(
      `actor cache off until PostgreSQL notifications are back (${error?.message ?? 'connection ended'}); retrying in ${delay} ms`,
    );
    this.retry = setTimeout(() => void this.listen(), delay);
    this.retry.unref();
  }
}
