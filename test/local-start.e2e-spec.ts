import { jest } from '@jest/globals';
import { findLeftoverPostgres, postgresStagingDir } from '@app/local-stack';
import { simpleParser } from 'mailparser';
import { randomBytes } from 'node:crypto';
import { chmod, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { eventually, healthy, isAlive, launch, type LaunchedStart, portFree, stopLaunched } from './support/launcher.js';
import { createTestDatabase, type TestDatabase } from './support/test-app.js';

// `npm start` as a user runs it, as a separate process: seeding and booting two Nest
// applications on a loaded 2-core machine takes a while, so every wait here is generous.
jest.setTimeout(300_000);

/** The launcher's promise: after SIGTERM, everything is stopped and every port free within 10 s. */
const STOP_WITHIN_MS = 10_000;

async function login(base: string): Promise<string> {
  const res = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'admin@demo.local', password: 'demo-password-2023' }),
  });
  if (!res.ok) throw new Error(`login: ${res.status}`);
  return ((await res.json()) as { accessToken: string }).accessToken;
}

async function api<T>(base: string, token: string, method: string, url: string, body?: unknown): Promise<T> {
  const res = await fetch(`${base}/api/v1${url}`, {
    method,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = (await res.json()) as T;
  if (!res.ok) throw new Error(`${method} ${url}: ${res.status} ${JSON.stringify(json)}`);
  return json;
}

/** Publishes a dispatch of today to the 16 departments of the seeded Ninh Bình; its subject carries `token`. */
async function publishDispatch(base: string, token: string): Promise<number> {
  const jwt = await login(base);
  const units = await api<{ items: { id: string }[] }>(base, jwt, 'GET', '/units?q=CA-37-PA05&limit=1');
  const draft = await api<{ id: string }>(base, jwt, 'POST', '/dispatches', {
    issuerUnitId: units.items[0].id,
    headerIssuer: 'CÔNG AN TỈNH NINH BÌNH',
    number: 1 + Math.floor(Math.random() * 90_000),
    symbol: 'CAT-PA05',
    issuedDate: new Date().toISOString().slice(0, 10),
    issuedPlace: 'Ninh Bình',
    documentType: 'Công văn',
    subject: `Về việc kiểm tra khởi động lại worker ${token}`,
    body: 'Đề nghị các đơn vị xác nhận đã nhận công văn.',
    urgency: 'thuong',
    signerName: 'Nguyễn Văn A',
    // Since 1 July 2025 there are no district UBNDs: Nam Định 2023 is history, Ninh Bình is today.
    recipients: [{ purpose: 'coordinate', group: 'all_departments' }],
  });
  const published = await api<{ messages: number }>(base, jwt, 'POST', `/dispatches/${draft.id}/publish`);
  return published.messages;
}

/** How many mails the launcher's mail catcher holds whose subject carries `token`. */
async function caughtWith(dataDir: string, token: string): Promise<number> {
  const dir = path.join(dataDir, 'mail');
  const names = (await readdir(dir).catch(() => [] as string[])).filter((n) => n.endsWith('.eml'));
  const subjects = await Promise.all(names.map(async (n) => (await simpleParser(await readFile(path.join(dir, n)))).subject ?? ''));
  return subjects.filter((s) => s.includes(token)).length;
}

/** The promise's value, or 'timeout' after ms (the timer does not keep jest alive). */
function within<T>(promise: Promise<T>, ms: number): Promise<T | 'timeout'> {
  return Promise.race([promise, new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), ms).unref())]);
}

/** SIGTERM, then: the launcher exits 0 and its ports and children are gone, all within 10 s. */
async function expectCleanStop(start: LaunchedStart, ports: number[], children: number[]): Promise<void> {
  const sent = Date.now();
  start.process.kill('SIGTERM');
  const exit = await within(start.exited, STOP_WITHIN_MS);
  if (exit === 'timeout')
    throw new Error(`the launcher still runs ${STOP_WITHIN_MS / 1000} s after SIGTERM\n${start.output().slice(-20_000)}`);
  expect(exit).toEqual({ code: 0, signal: null });
  await eventually(
    'every port free and every child gone',
    async () => {
      const free = await Promise.all(ports.map(portFree));
      return free.every(Boolean) && !children.some(isAlive);
    },
    Math.max(0, STOP_WITHIN_MS - (Date.now() - sent)),
    start.output,
  );
}

describe('npm start (the launcher)', () => {
  describe('on an existing PostgreSQL (DATABASE_URL)', () => {
    let database: TestDatabase;
    let dataDir: string;
    let start: LaunchedStart | undefined;

    beforeAll(async () => {
      database = await createTestDatabase();
      dataDir = await mkdtemp(path.join(tmpdir(), 'cvt-launcher-'));
    });
    afterAll(async () => {
      await stopLaunched(start);
      await database?.drop();
      await rm(dataDir, { recursive: true, force: true });
    });

    it('refuses a second start on its ports, restarts a killed worker that then sends a new dispatch, and stops on SIGTERM within 10 s', async () => {
      const s = (start = await launch({ DATABASE_URL: database.url }, dataDir));
      await eventually('api healthy', () => healthy(s.base), 180_000, s.output);
      const api = await eventually('api pid', () => s.childPid('api'), 30_000, s.output);
      const worker = await eventually('worker pid', () => s.childPid('worker'), 30_000, s.output);

      // A second start on the same ports says which ones are taken and exits, leaving the first alone.
      const second = await launch(
        { DATABASE_URL: database.url, PORT: String(s.ports.PORT), MAIL_VIEWER_PORT: String(s.ports.MAIL_VIEWER_PORT) },
        dataDir,
      );
      const refused = await within(second.exited, 60_000);
      if (refused === 'timeout') second.process.kill('SIGKILL');
      expect(refused).toEqual({ code: 1, signal: null });
      expect(second.output()).toContain(`port ${s.ports.PORT} (PORT)`);
      expect(second.output()).toContain(`port ${s.ports.MAIL_VIEWER_PORT} (MAIL_VIEWER_PORT)`);
      expect(second.output()).not.toContain('MAIL_CATCHER_PORT');
      expect(await healthy(s.base)).toBe(true);

      process.kill(worker, 'SIGKILL');
      const token = randomBytes(6).toString('hex');
      // Published while the worker is down or restarting: only the new worker can send these.
      const messages = await publishDispatch(s.base, token);
      expect(messages).toBeGreaterThan(0);
      const restarted = await eventually(
        'a new worker',
        () => {
          const pid = s.childPid('worker');
          return pid !== undefined && pid !== worker && isAlive(pid) && pid;
        },
        60_000,
        s.output,
      );
      await eventually(
        `${messages} mails of the new dispatch caught`,
        async () => (await caughtWith(dataDir, token)) === messages,
        60_000,
        s.output,
      );
      expect(s.output()).toMatch(new RegExp(`worker \\(pid ${worker}\\) đã dừng \\(SIGKILL\\); khởi động lại sau`));
      // The worker's death did not take the api down with it.
      expect(s.childPid('api')).toBe(api);
      expect(await healthy(s.base)).toBe(true);

      await expectCleanStop(s, [s.ports.PORT, s.ports.MAIL_CATCHER_PORT, s.ports.MAIL_VIEWER_PORT], [api, restarted]);
    });
  });

  it('stops with one message saying what to do, and no stack trace, when DATA_DIR cannot be used', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'cvt-bad-data-'));
    try {
      // A file where the data folder should be: unusable even for root.
      const file = path.join(dir, 'not-a-folder');
      await writeFile(file, '');
      const s = await launch({ DATABASE_URL: 'postgres://postgres@127.0.0.1:1/none' }, file);
      expect(await within(s.exited, 60_000)).toEqual({ code: 1, signal: null });
      expect(s.output()).toContain(`Không dùng được thư mục dữ liệu ${file}`);
      expect(s.output()).toContain('Set DATA_DIR to a folder you can write to');
      expect(s.output()).not.toMatch(/^\s+at /m);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  describe('with the embedded PostgreSQL, DATA_DIR in a folder only its owner can enter', () => {
    let parent: string;
    let dataDir: string;
    let start: LaunchedStart | undefined;

    beforeAll(async () => {
      parent = await mkdtemp(path.join(tmpdir(), 'cvt-private-'));
      await chmod(parent, 0o700);
      dataDir = path.join(parent, 'data');
    });
    afterAll(async () => {
      await stopLaunched(start);
      // As root the data was staged outside the private folder (see the README): remove it too.
      if (process.getuid?.() === 0) await rm(postgresStagingDir(dataDir), { recursive: true, force: true }).catch(() => undefined);
      await rm(parent, { recursive: true, force: true });
    });

    it('serves /api/health; after a kill -9 of the launcher the next start takes over; SIGTERM frees every port within 10 s', async () => {
      const first = (start = await launch({}, dataDir));
      await eventually('api healthy on the embedded PostgreSQL', () => healthy(first.base), 240_000, first.output);
      const orphans = [
        await eventually('api pid', () => first.childPid('api'), 30_000),
        await eventually('worker pid', () => first.childPid('worker'), 30_000),
      ];
      const database = await eventually('the embedded server', () => findLeftoverPostgres(dataDir), 30_000, first.output);

      // Killed outright, the launcher cannot stop anything: the api and the worker see their IPC
      // channel close and stop by themselves; the database stays, and the next start stops it.
      first.process.kill('SIGKILL');
      await first.exited;
      await eventually('api and worker gone with their launcher', () => !orphans.some(isAlive), 30_000, first.output);
      expect(isAlive(database.pid)).toBe(true);

      const second = (start = await launch({}, dataDir, first.ports));
      await eventually('api healthy again', () => healthy(second.base), 240_000, second.output);
      expect(second.output()).toContain(`vẫn chạy (pid ${database.pid}`);
      expect(isAlive(database.pid)).toBe(false);
      const children = [
        await eventually('api pid', () => second.childPid('api'), 30_000),
        await eventually('worker pid', () => second.childPid('worker'), 30_000),
      ];
      const restarted = await eventually('the new embedded server', () => findLeftoverPostgres(dataDir), 30_000, second.output);
      await expectCleanStop(second, Object.values(second.ports), [...children, restarted.pid]);
    });
  });
});
