import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { seedNamDinh } from './support/factories.js';
import { createTestApp, TestApp } from './support/test-app.js';
import { databaseUrl, TEST_ADMIN_DB_URL } from './support/test-env.js';

const run = promisify(execFile);
const CLI = new URL('../dist/apps/api/src/cli/main.js', import.meta.url).pathname;

/** `npm run cli -- backup` then `restore` into an empty database and an empty DATA_DIR, as after losing the server. */
describe('Backup and restore (CLI: pg_dump / pg_restore and DATA_DIR/files)', () => {
  let t: TestApp;
  let work: string;
  const freshDb = `cvt_restore_${randomBytes(4).toString('hex')}`;
  const evidence = randomBytes(4096);

  const cli = (env: Record<string, string>, ...args: string[]) =>
    run(process.execPath, [CLI, ...args], { env: { PATH: process.env.PATH ?? '', NODE_ENV: 'test', LOG_LEVEL: 'warn', ...env } });
  const counts = async (url: string) => {
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    try {
      const { rows } = await c.query(
        `SELECT (SELECT count(*)::int FROM units) AS units, (SELECT count(*)::int FROM users) AS users,
                (SELECT count(*)::int FROM migrations) AS migrations, (SELECT max(name) FROM units WHERE code = 'UBND-366') AS hai_hau`,
      );
      return rows[0] as Record<string, unknown>;
    } finally {
      await c.end();
    }
  };

  beforeAll(async () => {
    t = await createTestApp();
    await seedNamDinh(t);
    work = await mkdtemp(path.join(tmpdir(), 'cvt-backup-'));
    await mkdir(path.join(t.config.DATA_DIR, 'files', 'ab'), { recursive: true });
    await writeFile(path.join(t.config.DATA_DIR, 'files', 'ab', 'evidence.jpg'), evidence);
    const admin = new pg.Client({ connectionString: TEST_ADMIN_DB_URL });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${freshDb}`);
    await admin.end();
  });
  afterAll(async () => {
    await t?.close();
    const admin = new pg.Client({ connectionString: TEST_ADMIN_DB_URL });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${freshDb} WITH (FORCE)`);
    await admin.end();
    await rm(work, { recursive: true, force: true });
  });

  it('backs up, then restores every row and every file into an empty database and DATA_DIR', async () => {
    const folder = path.join(work, 'nightly');
    const backedUp = JSON.parse((await cli({ DATABASE_URL: t.database.url, DATA_DIR: t.config.DATA_DIR }, 'backup', folder)).stdout);
    expect(backedUp).toMatchObject({ database: { file: 'database.dump' }, files: { count: 1, bytes: evidence.length } });
    expect(backedUp.database.lastMigration).toMatch(/^[A-Za-z]+\d{13}$/);
    expect((await readdir(folder)).sort()).toEqual(['database.dump', 'files', 'manifest.json']);

    const dataDir = path.join(work, 'restored-data');
    await cli({ DATABASE_URL: databaseUrl(freshDb), DATA_DIR: dataDir }, 'restore', folder);
    expect(await counts(databaseUrl(freshDb))).toEqual(await counts(t.database.url));
    expect(((await counts(databaseUrl(freshDb))) as { units: number }).units).toBeGreaterThan(100);
    expect(await readFile(path.join(dataDir, 'files', 'ab', 'evidence.jpg'))).toEqual(evidence);

    // A second backup into the same folder is refused rather than mixed with the first.
    await expect(cli({ DATABASE_URL: t.database.url, DATA_DIR: t.config.DATA_DIR }, 'backup', folder)).rejects.toThrow(
      /already holds a backup/,
    );
  });

  it('refuses a damaged dump and changes nothing', async () => {
    const folder = path.join(work, 'damaged');
    await cli({ DATABASE_URL: t.database.url, DATA_DIR: t.config.DATA_DIR }, 'backup', folder);
    const dump = path.join(folder, 'database.dump');
    const bytes = await readFile(dump);
    bytes[bytes.length - 10] ^= 0xff;
    await writeFile(dump, bytes);
    const dataDir = path.join(work, 'untouched');
    await expect(cli({ DATABASE_URL: databaseUrl(freshDb), DATA_DIR: dataDir }, 'restore', folder)).rejects.toThrow(
      /does not match the SHA-256/,
    );
    expect(existsSync(path.join(dataDir, 'files'))).toBe(false);
  });
});
