import { type ChildProcess, fork, spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** dist/ of this build: bench scripts run from dist/bench, the product's entry points sit beside them. */
export const distRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

export interface Child {
  process: ChildProcess;
  /** The first match of `ready` in the child's output. */
  match: RegExpMatchArray;
  /** Peak resident set of the child and its own children so far, in MB (Linux: VmHWM). */
  peakRssMb(): number;
  /** CPU time (user + system) the child and its own children have used so far, in ms. */
  cpuMs(): number;
  stop(): Promise<void>;
}

/**
 * Starts a product entry point (`apps/api/src/main.js`, ...) of this build as a separate process with
 * `env`, and resolves once its output matches `ready`. Later output reaches stderr only when it looks
 * like an error; a child that fails to start has its output shown.
 */
export function startChild(entry: string, env: NodeJS.ProcessEnv, ready: RegExp, label: string, timeoutMs = 60_000): Promise<Child> {
  // BENCH_CHILD_NODE_ARGS: options for the product's processes, e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof`
  // to profile the api or the worker under load (NODE_OPTIONS refuses --cpu-prof).
  const nodeArgs = (process.env.BENCH_CHILD_NODE_ARGS ?? '').split(/\s+/).filter(Boolean);
  const child = spawn(process.execPath, [...nodeArgs, path.join(distRoot, entry)], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => fail(new Error(`${label} did not start within ${timeoutMs} ms:\n${output.slice(-2000)}`)), timeoutMs);
    const fail = (e: Error) => {
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(e);
    };
    const onData = (chunk: Buffer) => {
      const text = chunk.toString();
      if (output.length < 100_000) output += text;
      const match = output.match(ready);
      if (match && timer) {
        clearTimeout(timer);
        child.stdout.off('data', onData);
        child.stderr.off('data', onData);
        // Keep draining, quietly unless it looks like a problem.
        const quiet = (c: Buffer) => {
          const t = c.toString();
          if (/error|warn|exception/i.test(t)) process.stderr.write(`  [${label}] ${t}`);
        };
        process.stderr.write(`  [${label}] started (pid ${child.pid})\n`);
        child.stdout.on('data', quiet);
        child.stderr.on('data', quiet);
        resolve({
          process: child,
          match,
          peakRssMb: () => peakRssMb(child.pid!),
          cpuMs: () => cpuMs(child.pid!),
          stop: async () => {
            if (child.exitCode === null) child.kill('SIGTERM');
            const killer = setTimeout(() => child.kill('SIGKILL'), 15_000);
            await exited;
            clearTimeout(killer);
          },
        });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => fail(new Error(`${label} exited with ${code} before it was ready:\n${output.slice(-2000)}`)));
  });
}

/**
 * The process and all its descendants (node:cluster workers and anything they start). A child is
 * listed under the thread that forked it, so every thread's `children` file is read, not only the
 * main thread's.
 */
function family(pid: number): number[] {
  const all = [pid];
  for (let i = 0; i < all.length; i++) {
    let tasks: string[];
    try {
      tasks = readdirSync(`/proc/${all[i]}/task`);
    } catch {
      continue; // gone, or not Linux
    }
    for (const task of tasks) {
      try {
        const kids = readFileSync(`/proc/${all[i]}/task/${task}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
        for (const k of kids) if (!all.includes(k)) all.push(k);
      } catch {
        // the thread ended meanwhile
      }
    }
  }
  return all;
}

/** utime + stime of a process and its descendants (every thread of each), in ms (clock ticks of 10 ms on Linux). */
export function cpuMs(pid: number): number {
  let ticks = 0;
  for (const p of family(pid)) {
    try {
      // Fields after the command name, which is in parentheses and may hold spaces.
      const fields = readFileSync(`/proc/${p}/stat`, 'utf8').split(') ')[1].split(' ');
      ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      // gone
    }
  }
  return ticks * 10;
}

/** VmHWM of a process and of its descendants (node:cluster workers), summed, in MB. */
export function peakRssMb(pid: number): number {
  const hwm = (p: number) => {
    try {
      const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${p}/status`, 'utf8'));
      return m ? Number(m[1]) / 1024 : 0;
    } catch {
      return 0;
    }
  };
  return Math.round(family(pid).reduce((sum, p) => sum + hwm(p), 0));
}

export interface SmtpSink {
  url: string;
  /** Resolves when `n` more mails have arrived, counting from this call. */
  expect(n: number): { arrived: Promise<{ at: number; bytes: number }> };
  stop(): void;
}

/** support/smtp-sink.js in a process of its own. */
export function startSmtpSink(): Promise<SmtpSink> {
  const child = fork(path.join(distRoot, 'bench/support/smtp-sink.js'), [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('message', (m: { port: number }) => {
      resolve({
        url: `smtp://127.0.0.1:${m.port}`,
        expect(n) {
          child.send({ expect: n });
          const arrived = new Promise<{ at: number; bytes: number }>((done) => {
            const on = (msg: { reached?: number; bytes?: number }) => {
              if (msg.reached !== n) return;
              child.off('message', on);
              done({ at: performance.now(), bytes: msg.bytes ?? 0 });
            };
            child.on('message', on);
          });
          return { arrived };
        },
        stop: () => child.disconnect(),
      });
    });
  });
}
