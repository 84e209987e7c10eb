import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Supervisor, type SupervisorPolicy } from './supervisor.js';

// Real child processes (tiny node scripts), as the launcher runs the api and the worker.
const node = (script: string) => () => spawn(process.execPath, ['-e', script], { stdio: 'ignore' });
const LIVES = 'setInterval(() => {}, 1000)';
const DIES = 'setTimeout(() => process.exit(3), 50)';
// Says "ready" once its handler is in place: before that, SIGTERM would still kill it.
const IGNORES_SIGTERM = "process.on('SIGTERM', () => {}); console.log('ready'); setInterval(() => {}, 1000)";

async function until(check: () => boolean, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 20));
  }
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe('Supervisor (npm start keeps the api and the worker running)', () => {
  let runDir: string;
  let logs: string[];
  let gaveUp: string[];
  let supervisor: Supervisor | undefined;
  const log = { log: (m: string) => logs.push(m), warn: (m: string) => logs.push(m), error: (m: string) => logs.push(m) };
  const make = (specs: { name: string; start: () => ChildProcess }[], policy: Partial<SupervisorPolicy>) =>
    (supervisor = new Supervisor(specs, { runDir, log, onGiveUp: (name) => gaveUp.push(name), policy }));
  const pidFile = (name: string) => path.join(runDir, `${name}.pid`);

  beforeEach(() => {
    runDir = mkdtempSync(path.join(tmpdir(), 'cvt-supervisor-'));
    logs = [];
    gaveUp = [];
  });
  afterEach(async () => {
    await supervisor?.stop();
    rmSync(runDir, { recursive: true, force: true });
  });

  it('restarts a child that dies, with a growing delay, and leaves the other one running', async () => {
    const s = make(
      [
        { name: 'worker', start: node(DIES) },
        { name: 'api', start: node(LIVES) },
      ],
      { initialBackoffMs: 100, maxBackoffMs: 400, maxDeaths: 100 },
    );
    s.start();
    const api = s.pid('api')!;
    await until(() => logs.filter((l) => l.startsWith('worker đang chạy')).length >= 4);
    expect(logs).toContainEqual(expect.stringMatching(/^worker \(pid \d+\) đã dừng \(code 3\); khởi động lại sau 0.1 s$/));
    expect(logs).toContainEqual(expect.stringMatching(/khởi động lại sau 0.2 s$/));
    expect(logs).toContainEqual(expect.stringMatching(/khởi động lại sau 0.4 s$/));
    expect(s.pid('api')).toBe(api);
    expect(alive(api)).toBe(true);
    expect(readFileSync(pidFile('api'), 'utf8').trim()).toBe(String(api));
    expect(gaveUp).toEqual([]);
  });

  it('gives up on a child that keeps dying, and restarts it no more', async () => {
    const s = make([{ name: 'worker', start: node(DIES) }], { initialBackoffMs: 10, maxDeaths: 3, windowMs: 60_000 });
    s.start();
    await until(() => gaveUp.length > 0);
    expect(gaveUp).toEqual(['worker']);
    expect(logs).toContainEqual(expect.stringContaining('worker đã dừng 3 lần trong 60 s'));
    const started = logs.filter((l) => l.startsWith('worker đang chạy')).length;
    await new Promise((r) => setTimeout(r, 300));
    expect(logs.filter((l) => l.startsWith('worker đang chạy')).length).toBe(started);
  });

  it('stops every child on stop(), SIGKILLs one that ignores SIGTERM, and restarts none', async () => {
    let ready = false;
    const stubborn = () => {
      const child = spawn(process.execPath, ['-e', IGNORES_SIGTERM], { stdio: ['ignore', 'pipe', 'ignore'] });
      child.stdout.on('data', () => (ready = true));
      return child;
    };
    const s = make(
      [
        { name: 'api', start: node(LIVES) },
        { name: 'worker', start: stubborn },
      ],
      { stopGraceMs: 500 },
    );
    s.start();
    const pids = [s.pid('api')!, s.pid('worker')!];
    await until(() => ready && existsSync(pidFile('worker')));
    await s.stop();
    expect(pids.map(alive)).toEqual([false, false]);
    expect(logs).toContainEqual(expect.stringMatching(/^worker \(pid \d+\) không dừng kịp: SIGKILL$/));
    expect(existsSync(pidFile('api'))).toBe(false);
    expect(existsSync(pidFile('worker'))).toBe(false);
    await new Promise((r) => setTimeout(r, 200));
    expect(logs.filter((l) => l.includes('đang chạy'))).toHaveLength(2);
  });
});
