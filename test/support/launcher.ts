import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** `npm start` as a user runs it: the built launcher, in its own process, on ports of its own. */
export interface LaunchedStart {
  process: ChildProcess;
  ports: { PORT: number; EMBEDDED_PG_PORT: number; MAIL_CATCHER_PORT: number; MAIL_VIEWER_PORT: number };
  base: string;
  dataDir: string;
  /** Everything it printed, for the failure message of a test. */
  output(): string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** The pid a child (api, worker) runs under now, from DATA_DIR/run/<name>.pid. */
  childPid(name: 'api' | 'worker'): number | undefined;
}

const MAIN = fileURLToPath(new URL('../../dist/apps/local/src/main.js', import.meta.url));

/** Ports nobody listens on now: bound to port 0, noted, released (four at once, so all differ). */
export async function sparePorts(count: number): Promise<number[]> {
  const servers = await Promise.all(
    Array.from({ length: count }, async () => {
      const server = createServer();
      await new Promise<void>((resolve) => server.listen(0, resolve));
      return server;
    }),
  );
  const ports = servers.map((s) => (s.address() as { port: number }).port);
  await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
  return ports;
}

export async function launch(env: Record<string, string>, dataDir: string, reuse?: LaunchedStart['ports']): Promise<LaunchedStart> {
  const [PORT, EMBEDDED_PG_PORT, MAIL_CATCHER_PORT, MAIL_VIEWER_PORT] = reuse ? Object.values(reuse) : await sparePorts(4);
  const ports = { PORT, EMBEDDED_PG_PORT, MAIL_CATCHER_PORT, MAIL_VIEWER_PORT };
  const clean = Object.fromEntries(
    Object.entries(process.env).filter(([k]) => !['DATABASE_URL', 'REDIS_URL', 'SMTP_URL', 'NODE_OPTIONS', 'JEST_WORKER_ID'].includes(k)),
  );
  const child = spawn(process.execPath, [MAIN], {
    env: {
      ...clean,
      NODE_ENV: 'development',
      DATA_DIR: dataDir,
      ...Object.fromEntries(Object.entries(ports).map(([k, v]) => [k, String(v)])),
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const keep = (chunk: Buffer) => {
    // Capped, for a launcher that logs in a loop; tests look for the launcher's own lines in it.
    output = (output + chunk.toString()).slice(-4_000_000);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  return {
    process: child,
    ports,
    base: `http://127.0.0.1:${PORT}`,
    dataDir,
    // Nest colours its logs: strip the escape sequences.
    output: () => output.replace(new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, 'g'), ''),
    exited,
    childPid: (name) => {
      try {
        return Number(readFileSync(path.join(dataDir, 'run', `${name}.pid`), 'utf8').trim()) || undefined;
      } catch {
        return undefined;
      }
    },
  };
}

/** Polls until `check` returns something other than undefined/false; fails with `what` after timeoutMs. */
export async function eventually<T>(
  what: string,
  check: () => Promise<T | undefined | false> | T | undefined | false,
  timeoutMs: number,
  output?: () => string,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline)
      throw new Error(
        `${what}: not within ${timeoutMs / 1000} s${output ? `\n--- launcher output (end) ---\n${output().slice(-20_000)}` : ''}`,
      );
    await new Promise((r) => setTimeout(r, 250));
  }
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

export async function healthy(base: string): Promise<boolean> {
  try {
    return (await fetch(`${base}/api/health`)).ok;
  } catch {
    return false;
  }
}

/** True when nothing listens on the port any more (it can be bound on every interface). */
export function portFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen({ port, exclusive: true }, () => server.close(() => resolve(true)));
  });
}

/** For afterAll: a launcher a failed test left running gets SIGTERM (so it stops its database), then SIGKILL. */
export async function stopLaunched(start: LaunchedStart | undefined): Promise<void> {
  if (!start || start.process.exitCode !== null || start.process.signalCode !== null) return;
  start.process.kill('SIGTERM');
  const timer = setTimeout(() => start.process.kill('SIGKILL'), 15_000);
  await start.exited;
  clearTimeout(timer);
}
