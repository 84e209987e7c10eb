import type { ChildProcess } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { MSG } from './messages.js';

export interface SupervisorPolicy {
  /** First restart delay; each death in a row doubles it, up to maxBackoffMs. */
  initialBackoffMs: number;
  maxBackoffMs: number;
  /** A child that lived this long is healthy again: its next restart waits initialBackoffMs. */
  stableAfterMs: number;
  /** This many deaths of one child within windowMs: it keeps dying, so everything stops. */
  maxDeaths: number;
  windowMs: number;
  /** SIGTERM, then SIGKILL after this long. */
  stopGraceMs: number;
}

export const DEFAULT_POLICY: SupervisorPolicy = {
  initialBackoffMs: 1000,
  maxBackoffMs: 15_000,
  stableAfterMs: 60_000,
  maxDeaths: 5,
  windowMs: 120_000,
  stopGraceMs: 5000,
};

export interface ChildSpec {
  name: string;
  start(): ChildProcess;
}

export interface SupervisorLog {
  log(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

interface Slot {
  spec: ChildSpec;
  child?: ChildProcess;
  exited?: Promise<void>;
  startedAt: number;
  deaths: number[];
  inARow: number;
  timer?: NodeJS.Timeout;
}

/**
 * Keeps the api and the worker running for `npm start`: a child that dies is restarted after a
 * backoff, logged; one that keeps dying makes the supervisor give up (onGiveUp), so the launcher
 * stops everything and exits non-zero instead of looping forever. A child's death never takes the
 * others down. Each child's pid is written to <runDir>/<name>.pid while it runs.
 */
export class Supervisor {
  private readonly slots: Slot[];
  private stopping = false;

  constructor(
    specs: ChildSpec[],
    private readonly options: { runDir: string; log: SupervisorLog; onGiveUp: (name: string) => void; policy?: Partial<SupervisorPolicy> },
  ) {
    this.slots = specs.map((spec) => ({ spec, startedAt: 0, deaths: [], inARow: 0 }));
  }

  private get policy(): SupervisorPolicy {
    return { ...DEFAULT_POLICY, ...this.options.policy };
  }

  start(): void {
    mkdirSync(this.options.runDir, { recursive: true });
    for (const slot of this.slots) this.launch(slot);
  }

  /** The pid of a running child, for tests and logs. */
  pid(name: string): number | undefined {
    return this.slots.find((s) => s.spec.name === name)?.child?.pid;
  }

  /** SIGTERM every child, SIGKILL whatever still runs after stopGraceMs; no restart from now on. */
  async stop(): Promise<void> {
    this.stopping = true;
    for (const slot of this.slots) clearTimeout(slot.timer);
    const running = this.slots.filter((s) => s.child && s.child.exitCode === null && s.child.signalCode === null);
    for (const slot of running) slot.child!.kill('SIGTERM');
    const all = Promise.all(running.map((s) => s.exited));
    const timedOut = await Promise.race([all.then(() => false), delay(this.policy.stopGraceMs).then(() => true)]);
    if (timedOut) {
      for (const slot of running) {
        if (slot.child!.exitCode !== null || slot.child!.signalCode !== null) continue;
        this.options.log.warn(MSG.childKilled(slot.spec.name, slot.child!.pid));
        slot.child!.kill('SIGKILL');
      }
      await all;
    }
  }

  /** SIGKILL every child now (a second Ctrl-C). */
  kill(): void {
    this.stopping = true;
    for (const slot of this.slots) {
      clearTimeout(slot.timer);
      slot.child?.kill('SIGKILL');
    }
  }

  private launch(slot: Slot): void {
    const child = slot.spec.start();
    slot.child = child;
    slot.startedAt = Date.now();
    const pidFile = path.join(this.options.runDir, `${slot.spec.name}.pid`);
    // 'exit' is the one event every end emits (a spawn failure emits 'error' and then 'exit' too).
    slot.exited = new Promise((resolve) =>
      child.once('exit', (code, signal) => {
        rmSync(pidFile, { force: true });
        resolve();
        this.onExit(slot, code, signal);
      }),
    );
    child.once('error', (e) => this.options.log.error(MSG.childError(slot.spec.name, e.message)));
    if (child.pid !== undefined) {
      writeFileSync(pidFile, `${child.pid}\n`);
      this.options.log.log(MSG.childStarted(slot.spec.name, child.pid));
    }
  }

  private onExit(slot: Slot, code: number | null, signal: NodeJS.Signals | null): void {
    if (this.stopping) return;
    const now = Date.now();
    const { policy } = this;
    slot.deaths = [...slot.deaths.filter((t) => now - t < policy.windowMs), now];
    slot.inARow = now - slot.startedAt >= policy.stableAfterMs ? 1 : slot.inARow + 1;
    const how = signal ?? `code ${code}`;
    if (slot.deaths.length >= policy.maxDeaths) {
      this.options.log.error(MSG.childGaveUp(slot.spec.name, how, slot.deaths.length, policy.windowMs));
      this.options.onGiveUp(slot.spec.name);
      return;
    }
    const wait = Math.min(policy.initialBackoffMs * 2 ** (slot.inARow - 1), policy.maxBackoffMs);
    this.options.log.warn(MSG.childDied(slot.spec.name, slot.child?.pid, how, wait));
    slot.timer = setTimeout(() => {
      if (!this.stopping) this.launch(slot);
    }, wait);
  }
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}
