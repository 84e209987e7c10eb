import type { AppConfig } from '@app/config';
import { ConfigError } from '@app/config';
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createReadStream, existsSync } from 'node:fs';
import { cp, mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** What a backup folder holds, written last: a folder without it is incomplete. */
export interface BackupManifest {
  format: 'cong-van-tracker-backup/1';
  createdAt: string;
  database: { file: 'database.dump'; bytes: number; sha256: string; lastMigration: string | null };
  files: { folder: 'files'; count: number; bytes: number };
}

const MANIFEST = 'manifest.json';

/**
 * `npm run cli -- backup <folder>`: the database with pg_dump (custom format, compressed, restorable
 * table by table) and the evidence and attachment files (DATA_DIR/files) copied beside it, then a
 * manifest with the dump's SHA-256. pg_dump runs from PATH and must be of the server's major
 * version or newer. The dump is a consistent snapshot; files uploaded while it runs may be copied
 * without their rows (harmless: content-addressed, unreferenced) but never the other way round,
 * because the files are copied after the dump.
 */
export async function backup(config: AppConfig, folder: string): Promise<BackupManifest> {
  const url = requireDatabase(config);
  const target = path.resolve(folder);
  if (existsSync(path.join(target, MANIFEST))) throw new ConfigError(`${target} already holds a backup; choose an empty folder.`);
  await mkdir(target, { recursive: true });
  const dump = path.join(target, 'database.dump');
  await run('pg_dump', ['--format=custom', '--no-owner', '--no-privileges', `--file=${dump}`, `--dbname=${url}`], { maxBuffer: 16 << 20 });
  const { stdout } = await run('psql', [
    `--dbname=${url}`,
    '--no-align',
    '--tuples-only',
    '--command=SELECT name FROM migrations ORDER BY timestamp DESC LIMIT 1',
  ]).catch(() => ({ stdout: '' }));
  const source = path.resolve(config.DATA_DIR, 'files');
  const files = path.join(target, 'files');
  await mkdir(files, { recursive: true });
  if (existsSync(source)) await cp(source, files, { recursive: true, preserveTimestamps: true });
  const manifest: BackupManifest = {
    format: 'cong-van-tracker-backup/1',
    createdAt: new Date().toISOString(),
    database: { file: 'database.dump', bytes: (await stat(dump)).size, sha256: await sha256(dump), lastMigration: stdout.trim() || null },
    files: { folder: 'files', ...(await tally(files)) },
  };
  await writeFile(path.join(target, MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}

/**
 * `npm run cli -- restore <folder>`: checks the manifest and the dump's SHA-256, restores the
 * database with pg_restore in one transaction (--clean: tables of the same name are replaced; on
 * failure nothing changes), then puts the files in place: copied next to DATA_DIR/files first and
 * swapped in by a rename, the previous folder kept as files.before-restore-<time>.
 * Stop the api and the workers first.
 */
export async function restore(config: AppConfig, folder: string): Promise<BackupManifest> {
  const url = requireDatabase(config);
  const source = path.resolve(folder);
  let manifest: BackupManifest;
  try {
    manifest = JSON.parse(await readFile(path.join(source, MANIFEST), 'utf8')) as BackupManifest;
  } catch {
    throw new ConfigError(`${source} is not a complete backup (no ${MANIFEST}).`);
  }
  if (manifest.format !== 'cong-van-tracker-backup/1') throw new ConfigError(`Unknown backup format: ${String(manifest.format)}`);
  const dump = path.join(source, manifest.database.file);
  if ((await sha256(dump)) !== manifest.database.sha256) {
    throw new ConfigError(`${dump} does not match the SHA-256 in the manifest: the backup is damaged; nothing was restored.`);
  }
  await run(
    'pg_restore',
    ['--clean', '--if-exists', '--no-owner', '--no-privileges', '--single-transaction', '--exit-on-error', `--dbname=${url}`, dump],
    { maxBuffer: 16 << 20 },
  );
  const live = path.resolve(config.DATA_DIR, 'files');
  const incoming = `${live}.restoring`;
  await rm(incoming, { recursive: true, force: true });
  await mkdir(path.dirname(live), { recursive: true });
  await cp(path.join(source, manifest.files.folder), incoming, { recursive: true, preserveTimestamps: true });
  if (existsSync(live)) await rename(live, `${live}.before-restore-${new Date().toISOString().replace(/[:.]/g, '-')}`);
  await rename(incoming, live);
  return manifest;
}

function requireDatabase(config: AppConfig): string {
  if (!config.DATABASE_URL) throw new ConfigError('DATABASE_URL is not set: backup and restore need the database to use.');
  return config.DATABASE_URL;
}

function sha256(file: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256');
    createReadStream(file)
      .on('data', (chunk) => hash.update(chunk))
      .on('error', reject)
      .on('end', () => resolve(hash.digest('hex')));
  });
}

async function tally(folder: string): Promise<{ count: number; bytes: number }> {
  let count = 0;
  let bytes = 0;
  for (const entry of await readdir(folder, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    count += 1;
    bytes += (await stat(path.join(entry.parentPath, entry.name))).size;
  }
  return { count, bytes };
}
