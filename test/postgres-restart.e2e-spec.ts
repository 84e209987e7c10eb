import { jest } from '@jest/globals';
import { loadConfig } from '@app/config';
import { dataSourceOptions, Role } from '@app/database';
import { EmbeddedPostgres } from '@app/local-stack';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DataSource } from 'typeorm';
import { SYSTEM_UNIT } from '../apps/api/src/seed/seed.service.js';
import { seedNamDinh, signIn, SignedIn } from './support/factories.js';
import { createTestApp, TestApp } from './support/test-app.js';

// Starting, stopping and starting a PostgreSQL of its own takes seconds on a loaded machine.
jest.setTimeout(240_000);

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

/**
 * PostgreSQL restarted under a running api. The machine's shared PostgreSQL is never touched: the
 * test starts a throwaway one (the embedded PostgreSQL of the local start, on a free port and a
 * temporary folder), points the api at it, stops it and starts it again.
 */
describe('PostgreSQL restarted under the api', () => {
  let dataDir: string;
  let port: number;
  let postgres: EmbeddedPostgres;
  let t: TestApp;
  let admin: SignedIn;

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'cvt-pg-restart-'));
    // Readable by the server's own user when the tests run as root, so the data stays in this folder.
    chmodSync(dataDir, 0o755);
    port = await freePort();
    postgres = new EmbeddedPostgres({ dataDir, port });
    const url = await postgres.start();
    const migrator = await new DataSource(dataSourceOptions(loadConfig({ NODE_ENV: 'test', DATABASE_URL: url }))).initialize();
    await migrator.runMigrations({ transaction: 'each' });
    await migrator.destroy();
    // Tests never drop what they did not create: this database goes with its folder.
    t = await createTestApp({}, { database: { name: 'cong_van', url, drop: async () => undefined } });
    await seedNamDinh(t);
    admin = await signIn(t, Role.Admin, SYSTEM_UNIT);
  });
  afterAll(async () => {
    await t?.close();
    await postgres?.stop();
    rmSync(dataDir, { recursive: true, force: true });
    if (postgres?.dataDir && !postgres.dataDir.startsWith(dataDir))
      rmSync(path.dirname(postgres.dataDir), { recursive: true, force: true });
  });

  it('answers 503 with a clear message while it is down, and recovers by itself once it is back', async () => {
    const units = () => t.http().get('/api/v1/units').set(admin.auth);
    await units().expect(200);
    await t.http().get('/api/health/ready').expect(200);

    await postgres.stop();
    // Pooled connections die with the server; new ones are refused: every request is a 503, none hangs or 500s.
    const down = [
      await units(),
      await units(),
      await t.http().get('/api/v1/dispatches').set(admin.auth),
      await t.http().post('/api/v1/auth/login').send({ email: admin.user.email, password: 'correct-horse-battery-staple' }),
    ];
    for (const res of down) {
      expect(`${res.status} ${res.body.message}`).toMatch(
        /^503 Cơ sở dữ liệu tạm thời không truy cập được\. Vui lòng thử lại sau ít phút\./,
      );
    }
    expect((await t.http().get('/api/health/ready')).status).toBe(503);

    // Same folder, same port: the api was not restarted and must find it again.
    postgres = new EmbeddedPostgres({ dataDir, port });
    await postgres.start();
    const deadline = Date.now() + 30_000;
    let res = await units();
    while (res.status !== 200 && Date.now() < deadline) {
      expect(res.status).toBe(503);
      await new Promise((r) => setTimeout(r, 250));
      res = await units();
    }
    expect(res.status).toBe(200);
    expect(res.body.total).toBeGreaterThan(0);
    await t.http().get('/api/health/ready').expect(200);
    // The session held: a new login works too.
    await t.http().post('/api/v1/auth/login').send({ email: admin.user.email, password: 'correct-horse-battery-staple' }).expect(200);
  });
});
