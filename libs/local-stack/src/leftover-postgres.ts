import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { postgresStagingDir } from './postgres-place.js';

/** An embedded PostgreSQL still running on this DATA_DIR's data (its postmaster.pid names a live server). */
export interface LeftoverPostgres {
  pid: number;
  dataDir: string;
}

/**
 * The embedded server runs in its own process group, so a launcher killed with SIGKILL leaves it
 * running, holding EMBEDDED_PG_PORT and the data folder. This finds it: the pid in postmaster.pid,
 * alive, and (checked through /proc, so only on Linux) really a postgres on that data folder, not
 * an unrelated process that got the pid of a server long gone.
 */
export function findLeftoverPostgres(dataDir: string): LeftoverPostgres | undefined {
  const candidates = [path.resolve(dataDir, 'postgres')];
  if (process.getuid?.() === 0 && existsSync(dataDir)) candidates.push(path.join(postgresStagingDir(dataDir), 'postgres'));
  for (const dir of candidates) {
    let pid: number;
    try {
      pid = Number(readFileSync(path.join(dir, 'postmaster.pid'), 'utf8').split('\n')[0]);
    } catch {
      continue;
    }
    if (!Number.isInteger(pid) || pid <= 0) continue;
    let cmdline: string;
    try {
      cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ');
    } catch {
      continue;
    }
    if (cmdline.includes('postgres') && cmdline.includes(dir)) return { pid, dataDir: dir };
  }
  return undefined;
}

/** Fast shutdown of a leftover server; resolves once it is gone (SIGKILL after graceMs). */
export async function stopLeftoverPostgres(leftover: LeftoverPostgres, graceMs = 10_000): Promise<void> {
  const alive = () => {
    try {
      process.kill(leftover.pid, 0);
      return true;
    } catch {
      return false;
    }
  };
  process.kill(leftover.pid, 'SIGINT');
  const deadline = Date.now() + graceMs;
  while (alive()) {
    if (Date.now() > deadline) {
      process.kill(leftover.pid, 'SIGKILL');
      break;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}
