import { ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root: the built entry points are under dist/ (npm test builds first). */
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/**
 * A built product entry point (`apps/api/src/main.js`, `apps/worker/src/main.js`) running as a
 * process of its own, as in production. Its output is kept (the tail) to explain a failure.
 */
export class ProductProcess {
  private output = '';
  private readonly exited: Promise<number | null>;

  private constructor(
    readonly label: string,
    readonly child: ChildProcess,
  ) {
    const keep = (chunk: Buffer) => {
      this.output = (this.output + chunk.toString()).slice(-20_000);
    };
    child.stdout!.on('data', keep);
    child.stderr!.on('data', keep);
    this.exited = new Promise((resolve) => child.once('exit', (code) => resolve(code)));
  }

  static start(label: string, entry: string, env: Record<string, string>): ProductProcess {
    const child = spawn(process.execPath, [path.join(ROOT, 'dist', entry)], {
      env: { PATH: process.env.PATH ?? '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    return new ProductProcess(label, child);
  }

  get running(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  tail(chars = 3000): string {
    return this.output.slice(-chars);
  }

  /** Polls `url` until it answers 200; fails with the process output if it exits or times out. */
  async waitReady(url: string, timeoutMs = 120_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (!this.running) throw new Error(`${this.label} exited:\n${this.tail()}`);
      try {
        if ((await fetch(url, { signal: AbortSignal.timeout(5_000) })).status === 200) return;
      } catch {
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, 500));
    }
    throw new Error(`${this.label} not ready at ${url} within ${timeoutMs} ms:\n${this.tail()}`);
  }

  /** SIGKILL: no shutdown hook runs, as when a container or a machine dies. */
  async kill(): Promise<void> {
    if (this.running) this.child.kill('SIGKILL');
    await this.exited;
  }

  async stop(): Promise<void> {
    if (!this.running) return;
    this.child.kill('SIGTERM');
    const killer = setTimeout(() => this.child.kill('SIGKILL'), 15_000);
    await this.exited;
    clearTimeout(killer);
  }
}
