/**
 * Report exports at national scale: `npm run bench:export -- --rows 70000`.
 *
 * On a throwaway database it makes one dispatch with `--rows` deliveries (a mix of acknowledged,
 * refused and silent units), then, for each format (CSV, XLSX, PDF), starts a fresh worker as
 * production runs it (its own process, so its peak RSS is the export's), asks for the export
 * through the product's ReportExportsService (row + queued job) and waits for the file. It
 * prints per format the time from request to file and the worker's peak RSS (VmHWM) beside its RSS
 * just after boot. The last stdout line is one JSON object.
 */
import 'reflect-metadata';
import { loadConfig } from '@app/config';
import { ExportFormat, Role } from '@app/database';
import { NestFactory } from '@nestjs/core';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DataSource } from 'typeorm';
import { AppModule } from '../apps/api/src/app.module.js';
import type { Actor } from '../apps/api/src/auth/actor.js';
import { ReportExportsService } from '../apps/api/src/reports/exports/report-exports.service.js';
import { ackFixture } from './support/ack-fixture.js';
import { argValue, DEFAULT_SERVER_URL, throwawayDatabase } from './support/bench-db.js';
import { startChild } from './support/child.js';

const log = (m: string) => console.error(`[bench:export] ${m}`);

async function main() {
  const rows = argValue('rows', 70_000);
  const base = loadConfig();
  const db = await throwawayDatabase(base.DATABASE_URL ?? DEFAULT_SERVER_URL, 'cvt_bench_export');
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'cvt-bench-export-'));
  const env = {
    ...process.env,
    NODE_ENV: 'production',
    JWT_SECRET: randomBytes(32).toString('hex'),
    DATABASE_URL: db.url,
    REDIS_URL: base.REDIS_URL ?? 'redis://127.0.0.1:6379',
    QUEUE_PREFIX: `bench-export-${Date.now()}`,
    // The worker needs an SMTP server configured to boot; this run sends no mail.
    SMTP_URL: 'smtp://127.0.0.1:9',
    DATA_DIR: dataDir,
  };
  const app = await NestFactory.createApplicationContext(AppModule.forRoot(loadConfig(env)), { logger: ['error', 'warn'] });
  try {
    const ds = app.get(DataSource);
    log(`making a dispatch with ${rows} deliveries`);
    const fx = await ackFixture(ds, rows);
    await ds.query(
      `UPDATE deliveries SET
         status = CASE WHEN abs(hashtext(id::text)) % 100 < 3 THEN 'refused' WHEN abs(hashtext(id::text)) % 100 < 70 THEN 'accepted' ELSE status END,
         refused_at = CASE WHEN abs(hashtext(id::text)) % 100 < 3 THEN now() END,
         refusal_reason = CASE WHEN abs(hashtext(id::text)) % 100 < 3 THEN 'Không đúng đơn vị' END,
         acknowledged_at = CASE WHEN abs(hashtext(id::text)) % 100 BETWEEN 3 AND 69 THEN now() - make_interval(hours => abs(hashtext(id::text)) % 96) END,
         ack_method = CASE WHEN abs(hashtext(id::text)) % 100 BETWEEN 3 AND 69 THEN 'web' END
       WHERE dispatch_id = $1`,
      [fx.dispatchId],
    );
    await ds.query('ANALYZE deliveries');
    const [u] = await ds.query(`SELECT u.id, u.name, u.path FROM units u WHERE u.id = $1`, [fx.rootUnitId]);
    const actor: Actor = {
      userId: fx.userId,
      email: fx.userEmail,
      fullName: 'Cán bộ thử',
      role: Role.Issuer,
      unitId: u.id,
      unitName: u.name,
      unitPath: u.path,
    };
    const out: Record<string, number> = {};
    for (const format of [ExportFormat.Csv, ExportFormat.Xlsx, ExportFormat.Pdf]) {
      const worker = await startChild('apps/worker/src/main.js', env, /Worker started/, `worker ${format}`);
      try {
        const bootRss = rssMb(worker.process.pid!);
        const t0 = performance.now();
        const { id } = await app.get(ReportExportsService).request(actor, fx.dispatchId, format);
        const done = await waitDone(ds, id);
        const ms = Math.round(performance.now() - t0);
        const peak = worker.peakRssMb();
        log(`${format}: ${ms} ms, ${Math.round(done.size / 1024)} kB, worker peak RSS ${peak} MB (after boot ${bootRss} MB)`);
        Object.assign(out, { [`${format}_ms`]: ms, [`${format}_peak_rss_mb`]: peak, [`${format}_kb`]: Math.round(done.size / 1024) });
        out.worker_boot_rss_mb = bootRss;
      } finally {
        await worker.stop();
      }
    }
    console.log(JSON.stringify({ bench: 'export', rows, cpus: os.cpus().length, ...out, ratio: null }));
  } finally {
    await app.close();
    await db.drop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

function rssMb(pid: number): number {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Math.round(Number(m[1]) / 1024) : 0;
}

async function waitDone(ds: DataSource, id: string): Promise<{ size: number }> {
  for (;;) {
    const [row] = await ds.query(`SELECT status, error, size_bytes AS size FROM report_exports WHERE id = $1`, [id]);
    if (row.status === 'done') return { size: Number(row.size) };
    if (row.status === 'failed') throw new Error(`export failed: ${row.error}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
