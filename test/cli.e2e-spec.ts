import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import pg from 'pg';
import { createTestDatabase, type TestDatabase } from './support/test-app.js';

const run = promisify(execFile);
const CLI = new URL('../dist/apps/api/src/cli/main.js', import.meta.url).pathname;

/**
 * `npm run cli -- …` as the README gives it, on the built product: the command-line module must
 * boot on its own (it once could not resolve the audit trail the unit services write, which the
 * api's tests never saw, and took `npm start` down with it).
 */
describe('Command line (npm run cli)', () => {
  let database: TestDatabase;
  const cli = (...args: string[]) =>
    run(process.execPath, [CLI, ...args], {
      env: { PATH: process.env.PATH ?? '', NODE_ENV: 'test', LOG_LEVEL: 'warn', DATABASE_URL: database.url },
      maxBuffer: 16 * 1024 * 1024,
    });
  const lastJson = (stdout: string) => JSON.parse(stdout.trim().split('\n').at(-1)!) as Record<string, unknown>;
  const query = async (sql: string) => {
    const c = new pg.Client({ connectionString: database.url });
    await c.connect();
    try {
      return (await c.query(sql)).rows;
    } finally {
      await c.end();
    }
  };

  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database?.drop());

  it('seed-nam-dinh, then onboard-province of Ninh Bình (2025, two levels) twice: the second changes nothing', async () => {
    const seeded = lastJson((await cli('seed-nam-dinh')).stdout);
    expect(seeded.areas).toMatchObject({ total: 237, created: 237 });
    const first = lastJson((await cli('onboard-province', 'vn-2025-07-01', '37')).stdout);
    expect(first).toMatchObject({ structure: 'two_levels', areas: { total: 130, created: 130 }, bodies: { total: 291, created: 291 } });
    const again = lastJson((await cli('onboard-province', 'vn-2025-07-01', '37')).stdout);
    expect(again).toMatchObject({ areas: { created: 0, updated: 0 }, bodies: { created: 0, updated: 0 } });
    const [{ n }] = await query(`SELECT count(*)::int AS n FROM units WHERE code = 'UBND-14218' AND active`);
    expect(n).toBe(1);
  }, 120_000);

  it('create-admin makes an account that signs in as admin; an unknown command prints the usage and exits 2', async () => {
    await cli('create-admin', 'quantri@cli.test', 'Quản-trị-dòng-lệnh-2026!');
    const [admin] = await query(`SELECT role, active FROM users WHERE email = 'quantri@cli.test'`);
    expect(admin).toEqual({ role: 'admin', active: true });
    const refused = await cli('no-such-command').catch((e: { code: number; stdout: string }) => e);
    expect(refused).toMatchObject({ code: 2 });
    expect((refused as { stdout: string }).stdout).toContain('Cách dùng: npm run cli');
  }, 60_000);
});
