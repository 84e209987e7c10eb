/**
 * Report latency at national scale: `npm run bench:report`.
 *
 * On DATABASE_URL's server it keeps a database of its own (cvt_bench_report) holding the whole
 * country (vintage 2024-05-01: ~11,400 areas and ~70,000 acting units), 100 dispatches and
 * 1,000,000 deliveries with activities; it is generated on the first run and reused after.
 * It then times, in one process, the report API (HTTP, auth, Nest, JSON) for one 10,000-delivery
 * dispatch beside the same SQL run raw, and the dashboard list. Last stdout line: one JSON object.
 */
import 'reflect-metadata';
import { loadConfig } from '@app/config';
import { dataSourceOptions } from '@app/database';
import { DISPATCH_REPORT_SQL } from '@app/reports';
import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { AppModule } from '../apps/api/src/app.module.js';
import { configureApp } from '../apps/api/src/configure-app.js';
import { PasswordService } from '../apps/api/src/auth/password.service.js';
import { UnitImportService } from '../apps/api/src/units/import/unit-import.service.js';
import { DEFAULT_SERVER_URL, median, onServer, percentile, withDatabase } from './support/bench-db.js';
import { generateBodies, generateRollouts } from './support/national-dataset.js';

const DB = 'cvt_bench_report';
const RUNS = 40;
const log = (m: string) => console.error(`[bench:report] ${m}`);

async function main() {
  const base = loadConfig();
  const server = base.DATABASE_URL ?? DEFAULT_SERVER_URL;
  const url = withDatabase(server, DB);
  const client = new pg.Client({ connectionString: server });
  await client.connect();
  const exists = (await client.query(`SELECT 1 FROM pg_database WHERE datname = $1`, [DB])).rowCount;
  await client.end();
  if (!exists) await onServer(server, `CREATE DATABASE ${DB}`);
  const ds = await new DataSource(dataSourceOptions(loadConfig({ NODE_ENV: 'test', DATABASE_URL: url }))).initialize();
  await ds.runMigrations({ transaction: 'each' });
  await ds.destroy();

  const config = loadConfig({ ...process.env, DATABASE_URL: url, QUEUE_PREFIX: `bench-report-${Date.now()}`, LOGIN_RATE_LIMIT: '1000' });
  const app = configureApp(await NestFactory.create(AppModule.forRoot(config), { logger: ['error', 'warn'] }));
  await app.listen(0);
  try {
    const db = app.get(DataSource);
    const [{ n: dispatches }] = await db.query(`SELECT count(*)::int AS n FROM dispatches WHERE symbol = 'BENCH'`);
    if (dispatches < 100) {
      log('generating the national dataset (first run only)');
      const t0 = performance.now();
      await app.get(UnitImportService).importDataset('vn-2024-05-01');
      await generateBodies(db, log);
      await generateRollouts(db, 100, 10_000, log);
      log(`generated in ${Math.round((performance.now() - t0) / 1000)} s`);
    } else log('reusing the generated dataset');
    const [{ units, deliveries }] = await db.query(
      `SELECT (SELECT count(*) FROM units WHERE type <> 'area')::int AS units, (SELECT count(*) FROM deliveries)::int AS deliveries`,
    );
    const [{ id: dispatchId, n }] = await db.query(
      `SELECT x.id, count(*)::int AS n FROM dispatches x JOIN deliveries d ON d.dispatch_id = x.id WHERE x.symbol = 'BENCH' GROUP BY x.id ORDER BY x.number LIMIT 1`,
    );
    log(`${units} acting units, ${deliveries} deliveries; measuring dispatch ${dispatchId} (${n} deliveries)`);

    const token = await adminToken(app, db);
    const base = await app.getUrl();
    const get = async (path: string) => {
      const res = await fetch(`${base}${path}`, { headers: { Authorization: `Bearer ${token}` } });
      if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
      return res.json();
    };
    // Same session settings as the product's pool (see dataSourceOptions).
    const raw = new pg.Client({ connectionString: url, options: '-c jit=off' });
    await raw.connect();
    const time = async (fn: () => Promise<unknown>) => {
      const out: number[] = [];
      for (let i = 0; i < RUNS + 3; i++) {
        const s = performance.now();
        await fn();
        if (i >= 3) out.push(performance.now() - s); // the first runs warm caches and plans
      }
      return out;
    };
    const rawRuns = await time(() => raw.query(DISPATCH_REPORT_SQL, [dispatchId, '%']));
    const apiRuns = await time(() => get(`/api/v1/dispatches/${dispatchId}/report`));
    const listPath = `/api/v1/reports/dashboard?limit=20&sort=issuedDate`;
    // A list that came back empty would be timed as fast as nothing: make sure it holds a full page.
    const listed = ((await get(listPath)) as { items: unknown[] }).items.length;
    if (listed !== 20) throw new Error(`the dashboard list held ${listed} dispatches, expected 20`);
    const listRuns = await time(() => get(listPath));
    await raw.end();
    const r = (x: number) => Math.round(x * 10) / 10;
    log(
      `report API median ${r(median(apiRuns))} ms, p95 ${r(percentile(apiRuns, 95))} ms; raw SQL median ${r(median(rawRuns))} ms, p95 ${r(percentile(rawRuns, 95))} ms`,
    );
    log(`dashboard list (20 dispatches) median ${r(median(listRuns))} ms, p95 ${r(percentile(listRuns, 95))} ms`);
    console.log(
      JSON.stringify({
        deliveries,
        report_median_ms: r(median(apiRuns)),
        report_p95_ms: r(percentile(apiRuns, 95)),
        raw_sql_median_ms: r(median(rawRuns)),
        raw_sql_p95_ms: r(percentile(rawRuns, 95)),
        ratio: Math.round((percentile(apiRuns, 95) / percentile(rawRuns, 95)) * 100) / 100,
        list_median_ms: r(median(listRuns)),
        list_p95_ms: r(percentile(listRuns, 95)),
      }),
    );
  } finally {
    await app.close();
  }
}

async function adminToken(app: INestApplication, db: DataSource): Promise<string> {
  const password = 'bench-password-000';
  // The issuer of the benchmark's dispatches (the provincial police, as the director reading the dashboard):
  // an admin of a province sees the dispatches issued in its own subtree.
  const [root] = await db.query(`SELECT id FROM units WHERE code = 'CA-01'`);
  await db.query(
    `INSERT INTO users (email, full_name, password_hash, role, unit_id) VALUES ('bench-admin@bench.example', 'Bench', $1, 'admin', $2)
     ON CONFLICT (email) DO UPDATE SET password_hash = EXCLUDED.password_hash, unit_id = EXCLUDED.unit_id`,
    [await app.get(PasswordService).hash(password), root.id],
  );
  const res = await fetch(`${await app.getUrl()}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'bench-admin@bench.example', password }),
  });
  const body = (await res.json()) as { accessToken?: string };
  if (!body.accessToken) throw new Error(`login failed: ${res.status} ${JSON.stringify(body)}`);
  return body.accessToken;
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
