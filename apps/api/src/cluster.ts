import { Logger } from '@nestjs/common';
import cluster from 'node:cluster';
import os from 'node:os';

/** API_WORKERS as a process count: 0 means one per core. */
export function workerCount(setting: number): number {
  return setting === 0 ? os.availableParallelism() : setting;
}

/**
 * Runs `start` in `count` node:cluster workers sharing one listening port (the primary hands out
 * connections round-robin), or in this process when count is 1. A worker that dies is replaced,
 * unless the primary is stopping; SIGTERM / SIGINT stop every worker, which close as one api does.
 * Everything a request needs is in PostgreSQL or Redis, so any worker can answer any request.
 */
export function runClustered(count: number, start: () => Promise<void>): Promise<void> {
  if (count <= 1 || !cluster.isPrimary) return start();
  const logger = new Logger('Cluster');
  let stopping = false;
  let exitCode = 0;
  const startedAt = new Map<number, number>();
  const fork = () => startedAt.set(cluster.fork().id, Date.now());
  const stopAll = (sig: NodeJS.Signals) => {
    stopping = true;
    for (const worker of Object.values(cluster.workers ?? {})) worker?.kill(sig);
  };
  cluster.on('exit', (worker, code, signal) => {
    if (stopping) {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(exitCode);
      return;
    }
    // Dying right after the start is a setting or a server that is down: replacing it would loop.
    if (Date.now() - (startedAt.get(worker.id) ?? 0) < 15_000) {
      logger.error(`Tiến trình api ${worker.process.pid} dừng ngay khi khởi động (${signal ?? code}); dừng cả api`);
      exitCode = 1;
      stopAll('SIGTERM');
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(exitCode);
      return;
    }
    logger.warn(`Tiến trình api ${worker.process.pid} dừng (${signal ?? code}); khởi động tiến trình thay thế`);
    fork();
  });
  for (const sig of ['SIGTERM', 'SIGINT'] as const) {
    process.on(sig, () => stopAll(sig));
  }
  for (let i = 0; i < count; i++) fork();
  logger.log(`API chạy ${count} tiến trình (API_WORKERS)`);
  return Promise.resolve();
}
