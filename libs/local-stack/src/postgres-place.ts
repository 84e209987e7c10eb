import { spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import {
  chmodSync,
  chownSync,
  cpSync,
  existsSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  realpathSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { LocalStackError, USE_OWN_DATABASE } from './local-stack-error.js';

/** Where the embedded PostgreSQL runs from, where its data lives, and as whom. */
export interface PostgresPlace {
  binDir: string;
  dataDir: string;
  /** Set when the launcher runs as root: PostgreSQL refuses root, so it runs as this user. */
  owner?: { name: string; uid: number; gid: number };
  /** True when binaries or data had to move out of the checkout (see postgresStagingDir). */
  staged: boolean;
}

const OWNER = 'postgres';

/** The shared parent of what the root start stages: /var/tmp survives a reboot, /tmp may not. */
export function stagingRoot(): string {
  return existsSync('/var/tmp') ? '/var/tmp' : os.tmpdir();
}

/** As root, the data of an unreachable DATA_DIR goes here: one folder per DATA_DIR. */
export function postgresStagingDir(dataDir: string): string {
  const hash = createHash('sha256').update(realpathSync(dataDir)).digest('hex').slice(0, 12);
  return path.join(stagingRoot(), `cvt-${hash}`);
}

/**
 * Not root: binaries from node_modules, data under DATA_DIR/postgres, as the current user.
 * Root: PostgreSQL must run as another user (postgres, created if missing). That user may not be
 * able to enter the checkout (a 0700 home folder or `mktemp -d`): then the binaries are copied to
 * /var/tmp/cvt-postgres-<version>/ and the data goes to /var/tmp/cvt-<hash of DATA_DIR>/postgres,
 * each with the owner and modes PostgreSQL needs.
 */
export function placePostgres(dataDir: string, nativeDir: string, version: string): PostgresPlace {
  const wanted = path.join(dataDir, 'postgres');
  if (process.getuid?.() !== 0) return { binDir: path.join(nativeDir, 'bin'), dataDir: wanted, staged: false };

  const owner = postgresUser();
  let binDir = path.join(nativeDir, 'bin');
  let staged = false;
  if (!runsAs(owner, path.join(binDir, 'postgres'))) {
    binDir = path.join(stageBinaries(nativeDir, version), 'bin');
    staged = true;
    if (!runsAs(owner, path.join(binDir, 'postgres')))
      throw new LocalStackError(
        `Người dùng hệ thống "${OWNER}" không chạy được PostgreSQL nhúng, kể cả bản sao tại ${binDir}. ${USE_OWN_DATABASE.vi}`,
        `The "${OWNER}" system user cannot run the embedded PostgreSQL, not even the copy in ${binDir}. ${USE_OWN_DATABASE.en}`,
      );
  }
  if (canEnter(owner, dataDir)) return { binDir, dataDir: wanted, owner, staged };
  const dir = postgresStagingDir(dataDir);
  ensureRootDir(dir);
  writeFileSync(path.join(dir, 'DATA_DIR.txt'), `${realpathSync(dataDir)}\n`);
  return { binDir, dataDir: path.join(dir, 'postgres'), owner, staged: true };
}

function postgresUser(): { name: string; uid: number; gid: number } {
  const lookup = () => {
    const uid = spawnSync('id', ['-u', OWNER], { encoding: 'utf8' });
    const gid = spawnSync('id', ['-g', OWNER], { encoding: 'utf8' });
    return uid.status === 0 && gid.status === 0 ? { name: OWNER, uid: Number(uid.stdout), gid: Number(gid.stdout) } : undefined;
  };
  const found = lookup();
  if (found) return found;
  // The same user a Debian postgresql package creates: a system account with no login.
  spawnSync('useradd', ['--system', '--user-group', '--no-create-home', '--shell', '/bin/false', OWNER], { stdio: 'ignore' });
  const created = lookup();
  if (created) return created;
  throw new LocalStackError(
    `PostgreSQL không chạy dưới quyền root, và không tạo được người dùng hệ thống "${OWNER}" (useradd). Hãy chạy npm start bằng một người dùng thường, hoặc tạo người dùng "${OWNER}". ${USE_OWN_DATABASE.vi}`,
    `PostgreSQL refuses to run as root, and the "${OWNER}" system user could not be created (useradd). Run npm start as a regular user, or create the "${OWNER}" user. ${USE_OWN_DATABASE.en}`,
  );
}

/** Can the user run this binary (and reach its libraries)? Every folder above it must let them in. */
function runsAs(owner: { uid: number; gid: number }, binary: string): boolean {
  const result = spawnSync(binary, ['--version'], { uid: owner.uid, gid: owner.gid, stdio: 'ignore', timeout: 30_000 });
  return result.status === 0;
}

/** Can the user pass through this folder (search permission on it and on every folder above)? */
function canEnter(owner: { uid: number; gid: number }, dir: string): boolean {
  const result = spawnSync('/bin/sh', ['-c', 'test -x "$1"', 'sh', path.resolve(dir)], { uid: owner.uid, gid: owner.gid, stdio: 'ignore' });
  return result.status === 0;
}

/**
 * Copies the packaged binaries to /var/tmp/cvt-postgres-<version>/, readable by everyone, once per
 * version: copied to a temporary name, then renamed, so a copy cut short is never used.
 */
function stageBinaries(nativeDir: string, version: string): string {
  const dest = path.join(stagingRoot(), `cvt-postgres-${version}`);
  if (existsSync(path.join(dest, 'bin', 'postgres'))) {
    assertRootOwned(dest);
    return dest;
  }
  const temp = `${dest}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    cpSync(nativeDir, temp, { recursive: true, verbatimSymlinks: true });
    openUp(temp);
    renameSync(temp, dest);
  } catch (e) {
    rmSync(temp, { recursive: true, force: true });
    // Another start staged the same version meanwhile: use theirs.
    if (!existsSync(path.join(dest, 'bin', 'postgres'))) throw e;
  }
  assertRootOwned(dest);
  return dest;
}

/** Folders 0755 and files readable (and executable where they were) by all, whatever the umask. */
function openUp(target: string): void {
  const stat = lstatSync(target);
  if (stat.isSymbolicLink()) return;
  if (stat.isDirectory()) {
    chmodSync(target, 0o755);
    for (const name of readdirSync(target)) openUp(path.join(target, name));
  } else {
    chmodSync(target, stat.mode & 0o100 ? 0o755 : 0o644);
  }
}

/** A root-owned folder nobody else can write to (its children may then be trusted). */
function ensureRootDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: 0o755 });
  chmodSync(dir, 0o755);
  assertRootOwned(dir);
}

function assertRootOwned(dir: string): void {
  const stat = lstatSync(dir);
  if (!stat.isDirectory() || stat.uid !== 0 || (stat.mode & 0o022) !== 0)
    throw new LocalStackError(
      `${dir} không thuộc root hoặc người khác ghi được vào: không dùng nó cho PostgreSQL nhúng. Hãy xoá nó rồi chạy lại npm start. ${USE_OWN_DATABASE.vi}`,
      `${dir} is not owned by root or others can write to it: it is not used for the embedded PostgreSQL. Delete it and run npm start again. ${USE_OWN_DATABASE.en}`,
    );
}

/** The data folder, created with the owner and mode (0700) PostgreSQL insists on. */
export function prepareDataDir(place: PostgresPlace): void {
  mkdirSync(path.dirname(place.dataDir), { recursive: true });
  if (existsSync(path.join(place.dataDir, 'PG_VERSION'))) return;
  // No PG_VERSION: no database here, only what an interrupted initdb left. initdb wants it empty.
  rmSync(place.dataDir, { recursive: true, force: true });
  mkdirSync(place.dataDir, { mode: 0o700 });
  if (place.owner) {
    chownSync(place.dataDir, place.owner.uid, place.owner.gid);
    chmodSync(place.dataDir, 0o700);
  }
}
