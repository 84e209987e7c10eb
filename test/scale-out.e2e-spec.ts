import { loadConfig } from '@app/config';
import { jest } from '@jest/globals';
import { outboundMessageId } from '@app/mail';
import { hash } from '@node-rs/argon2';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { DataSource } from 'typeorm';
import { benchDraft, generateUnits } from '../bench/support/bench-units.js';
import { ProductProcess } from './support/product-process.js';
import { sparePort } from './support/redis-server.js';
import { SmtpListener } from './support/smtp-listener.js';
import { createTestDatabase, TestDatabase } from './support/test-app.js';
import { TEST_REDIS_URL } from './support/test-env.js';

// Four Node processes on a small shared machine: generous limits, a lean test.
jest.setTimeout(600_000);

const UNITS = 2_000;
const PASSWORD = 'scale-out-password-0000';
const PUBLIC_BASE_URL = 'http://cvt.test';

/**
 * Two api and two worker processes, built from dist/ as in production, on one database, one
 * Redis (a queue prefix of their own) and one SMTP listener. What must hold when the product
 * runs as more than one process: a large publish is sent once per message even when a worker dies
 * in the middle; any api serves any request (acknowledgements through both).
 */
describe('Scale-out: 2 api + 2 worker processes on one PostgreSQL and one Redis', () => {
  let database: TestDatabase;
  let db: pg.Client;
  let smtp: SmtpListener;
  const apis: { proc: ProductProcess; url: string }[] = [];
  const workers: { proc: ProductProcess; url: string }[] = [];
  let rootUnitId: string;

  const login = async (apiUrl: string, email: string): Promise<Record<string, string>> => {
    const res = await fetch(`${apiUrl}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email, password: PASSWORD }),
    });
    expect(res.status).toBe(200);
    const { accessToken } = (await res.json()) as { accessToken: string };
    return { Authorization: `Bearer ${accessToken}`, 'Content-Type': 'application/json' };
  };
  const user = async (email: string, role: string, unitId: string) => {
    await db.query(`INSERT INTO users (email, full_name, password_hash, role, unit_id) VALUES ($1, 'Cán bộ thử', $2, $3, $4)`, [
      email,
      await hash(PASSWORD),
      role,
      unitId,
    ]);
  };
  const scalar = async (sql: string, params: unknown[] = []) => ((await db.query(sql, params)).rows[0] as { n: number }).n;

  beforeAll(async () => {
    database = await createTestDatabase();
    db = new pg.Client({ connectionString: database.url });
    await db.connect();
    // generateUnits takes a TypeORM DataSource; it only calls query(sql, params).
    const asDataSource = { query: async (sql: string, params?: unknown[]) => (await db.query(sql, params)).rows } as unknown as DataSource;
    await generateUnits(asDataSource, UNITS);
    rootUnitId = ((await db.query(`SELECT id FROM units WHERE code = 'BENCH-ROOT'`)).rows[0] as { id: string }).id;
    await user('issuer@scale.test', 'issuer', rootUnitId);

    smtp = await SmtpListener.start();
    const common = {
      NODE_ENV: 'test',
      DATABASE_URL: database.url,
      REDIS_URL: TEST_REDIS_URL,
      QUEUE_PREFIX: `test-${database.name}`,
      JWT_SECRET: randomBytes(24).toString('hex'),
      SMTP_URL: smtp.url,
      PUBLIC_BASE_URL,
      DATA_DIR: path.join(tmpdir(), database.name),
      LOG_LEVEL: 'warn',
      MAIL_RETRY_BASE_MS: '200',
      OUTBOX_RELAY_INTERVAL_MS: '5000',
    };
    for (const i of [1, 2]) {
      const port = await sparePort();
      apis.push({
        proc: ProductProcess.start(`api ${i}`, 'apps/api/src/main.js', { ...common, PORT: String(port) }),
        url: `http://127.0.0.1:${port}`,
      });
      const workerPort = await sparePort();
      workers.push({
        proc: ProductProcess.start(`worker ${i}`, 'apps/worker/src/main.js', { ...common, WORKER_HTTP_PORT: String(workerPort) }),
        url: `http://127.0.0.1:${workerPort}`,
      });
    }
    await Promise.all([
      ...apis.map((a) => a.proc.waitReady(`${a.url}/api/health/ready`)),
      ...workers.map((w) => w.proc.waitReady(`${w.url}/health/ready`)),
    ]);
  });

  afterAll(async () => {
    await Promise.all([...apis, ...workers].map((p) => p.proc.stop()));
    await smtp?.close();
    await db?.end();
    await database?.drop();
  });

  it(`a ${UNITS.toLocaleString('en')}-unit publish is sent once per message though a worker is killed (SIGKILL) midway`, async () => {
    const [api1, api2] = apis;
    const auth = await login(api1.url, 'issuer@scale.test');
    const draft = await fetch(`${api1.url}/api/v1/dispatches`, {
      method: 'POST',
      headers: auth,
      body: JSON.stringify(benchDraft(1, rootUnitId)),
    });
    expect(draft.status).toBe(201);
    const { id: dispatchId } = (await draft.json()) as { id: string };
    // Written through one api, published through the other: no api keeps state of its own.
    const published = await fetch(`${api2.url}/api/v1/dispatches/${dispatchId}/publish`, { method: 'POST', headers: auth });
    expect(published.status).toBe(200);
    expect(await published.json()).toMatchObject({ deliveries: UNITS, messages: UNITS });

    await smtp.waitFor(Math.round(UNITS * 0.15), 300_000);
    const victim = workers[0];
    const sentBefore = await workerSent(victim.url);
    expect(sentBefore).toBeGreaterThan(0); // it was taking its share when it died
    await victim.proc.kill();
    const atKill = smtp.mails.length;

    const deadline = Date.now() + 420_000;
    let sent = 0;
    while (Date.now() < deadline) {
      sent = await scalar(
        `SELECT count(*)::int AS n FROM messages m JOIN deliveries d ON d.id = m.delivery_id WHERE d.dispatch_id = $1 AND m.status = 'sent'`,
        [dispatchId],
      );
      if (sent === UNITS) break;
      await new Promise((r) => setTimeout(r, 2_000));
    }
    expect(sent).toBe(UNITS);
    await new Promise((r) => setTimeout(r, 3_000)); // a late duplicate would arrive now

    const rows = (
      await db.query(
        `SELECT m.id, m.status, m.provider_message_id FROM messages m JOIN deliveries d ON d.id = m.delivery_id WHERE d.dispatch_id = $1`,
        [dispatchId],
      )
    ).rows as { id: string; status: string; provider_message_id: string }[];
    const copies = new Map<string, string[]>();
    for (const mail of smtp.mails) copies.set(mail.messageId, [...(copies.get(mail.messageId) ?? []), mail.queueId]);
    // Every message arrived, under its own deterministic Message-ID, and its row names the copy
    // the SMTP server accepted.
    expect(rows).toHaveLength(UNITS);
    for (const row of rows) {
      const received = copies.get(outboundMessageId(row.id, PUBLIC_BASE_URL));
      expect(received).toBeDefined();
      expect(received).toContain(row.provider_message_id);
    }
    expect(copies.size).toBe(UNITS);
    // A second copy is possible only for a mail the killed worker had handed to SMTP and not yet
    // recorded (at most its MAIL_CONCURRENCY, by default, in flight); it carries the same Message-ID, so the
    // receiving side can drop it. Anything more would be a real double send.
    const duplicates = smtp.mails.length - UNITS;
    expect(duplicates).toBeLessThanOrEqual(loadConfig().MAIL_CONCURRENCY);
    process.stderr.write(
      `  scale-out: ${UNITS} messages, worker 1 killed after ${atKill} mails (it had sent ${sentBefore}); ${duplicates} second copies\n`,
    );
    expect(workers[1].proc.running).toBe(true);
  });

  it('acknowledgements go through either api, and two at once through both make one', async () => {
    const [api1, api2] = apis;
    const units = (await db.query(`SELECT id FROM units WHERE type = 'police' ORDER BY code LIMIT 3`)).rows as { id: string }[];
    const deliveryOf = async (unitId: string) =>
      ((await db.query(`SELECT id FROM deliveries WHERE unit_id = $1`, [unitId])).rows[0] as { id: string }).id;
    for (const [i, u] of units.entries()) await user(`officer${i}@scale.test`, 'officer', u.id);

    const ack = (apiUrl: string, auth: Record<string, string>, deliveryId: string) =>
      fetch(`${apiUrl}/api/v1/deliveries/${deliveryId}/acknowledge`, { method: 'POST', headers: auth, body: '{}' });
    // Signed in on one api, acknowledged through the other: the token is valid on every replica.
    const r1 = await ack(api2.url, await login(api1.url, 'officer0@scale.test'), await deliveryOf(units[0].id));
    const r2 = await ack(api1.url, await login(api2.url, 'officer1@scale.test'), await deliveryOf(units[1].id));
    expect([r1.status, r2.status]).toEqual([200, 200]);

    const both = await deliveryOf(units[2].id);
    const auth = await login(api1.url, 'officer2@scale.test');
    const answers = await Promise.all([ack(api1.url, auth, both), ack(api2.url, auth, both)]);
    expect(answers.map((r) => r.status)).toEqual([200, 200]);
    const created = await Promise.all(answers.map(async (r) => ((await r.json()) as { created: boolean }).created));
    expect(created.sort()).toEqual([false, true]);

    const ids = [await deliveryOf(units[0].id), await deliveryOf(units[1].id), both];
    expect(
      await scalar(`SELECT count(*)::int AS n FROM deliveries WHERE id = ANY($1::uuid[]) AND acknowledged_at IS NOT NULL`, [ids]),
    ).toBe(3);
    expect(
      await scalar(`SELECT count(*)::int AS n FROM audit_events WHERE entity_id = $1 AND action = 'delivery.acknowledged'`, [both]),
    ).toBe(1);
  });

  it('the login limit is shared: failed logins counted through both apis lock the account on either', async () => {
    const [api1, api2] = apis;
    await user('sprayed@scale.test', 'officer', rootUnitId);
    const attempt = (apiUrl: string, password: string) =>
      fetch(`${apiUrl}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ email: 'sprayed@scale.test', password }),
      });
    // LOGIN_RATE_LIMIT (10) failures per account, alternating processes: each api alone saw only 5.
    const statuses: number[] = [];
    for (let i = 0; i < 10; i++) statuses.push((await attempt(i % 2 ? api2.url : api1.url, `wrong-${i}`)).status);
    expect(statuses).toEqual(Array(10).fill(401));
    for (const api of [api1, api2]) {
      const refused = await attempt(api.url, PASSWORD); // even the right password, until the window ends
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(((await refused.json()) as { message: string }).message).toMatch(/thử lại/i);
    }
  });
});

async function workerSent(workerUrl: string): Promise<number> {
  const text = await (await fetch(`${workerUrl}/metrics`)).text();
  const line = text.split('\n').find((l) => l.startsWith('cvt_mail_sent_total'));
  return line ? Number(line.slice(line.lastIndexOf(' ') + 1)) : 0;
}
