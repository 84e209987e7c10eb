/**
 * The follow-up sweeps (reminders, escalations) over 1,000,000 deliveries: `npm run bench:sweep`.
 *
 * On DATABASE_URL's server it keeps a database of its own (cvt_bench_sweep) built by the same
 * generator as bench:report (the whole country, 100 published dispatches, 10,000 deliveries each,
 * a deterministic mix of silent, acknowledged, forwarded, refused and reporting units); generated
 * on the first run (a few minutes) and reused after. It then times the product's sweeps
 * (FollowUpSweeps, the worker's code) at two instants of the dataset's own time line:
 *   - idle: the day the data was generated, when every dispatch is a month old or more and
 *     nothing (or almost nothing) can be due any more: what most sweeps of a year look like;
 *   - busy: a working morning four weeks earlier, when a dozen dispatches are inside their
 *     reminder and escalation windows; first the sweep that writes the reminders, then the same
 *     sweep again (the next scheduler tick: everything already written, nothing to add).
 * Then, at the busy instant, the daily digest of every leader: one per province and district UBND
 * and police (~2,800 leaders), in its one statement.
 * What a run wrote is deleted at the start of the next one. Last stdout line: one JSON object.
 */
import 'reflect-metadata';
import { vnCalendarDate } from '@app/common';
import { loadConfig } from '@app/config';
import { dataSourceOptions } from '@app/database';
import { FollowUpSweeps, LeaderDigests } from '@app/follow-up';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { UnitImportService } from '../apps/api/src/units/import/unit-import.service.js';
import { NestFactory } from '@nestjs/core';
import { AppModule } from '../apps/api/src/app.module.js';
import { digestDay } from '../apps/worker/src/follow-up/daily-digest-run.js';
import { DEFAULT_SERVER_URL, onServer, withDatabase } from './support/bench-db.js';
import { generateBodies, generateRollouts } from './support/national-dataset.js';

const DB = 'cvt_bench_sweep';
const log = (m: string) => console.error(`[bench:sweep] ${m}`);

async function main() {
  const base = loadConfig();
  const server = base.DATABASE_URL ?? DEFAULT_SERVER_URL;
  const url = withDatabase(server, DB);
  await ensureDataset(server, url);

  const ds = await new DataSource(dataSourceOptions(loadConfig({ NODE_ENV: 'test', DATABASE_URL: url }))).initialize();
  try {
    const sweeps = new FollowUpSweeps(ds);
    const [{ deliveries }] = await ds.query(`SELECT count(*)::int AS deliveries FROM deliveries`);
    const { idle, busy } = await instants(ds);
    log(`${deliveries} deliveries; idle instant ${idle.toISOString()}, busy instant ${busy.toISOString()}`);
    await reset(ds);

    const timed = async (label: string, at: Date) => {
      const t0 = performance.now();
      const reminded = await sweeps.remind(at);
      const t1 = performance.now();
      const escalated = await sweeps.escalate(at);
      const t2 = performance.now();
      const out = {
        remind_ms: Math.round(t1 - t0),
        escalate_ms: Math.round(t2 - t1),
        reminders: reminded.reminders,
        escalations: escalated.escalations,
        messages: reminded.messages + escalated.messages,
      };
      log(`${label}: ${JSON.stringify(out)}`);
      return out;
    };
    const idleRun = await timed('idle', idle);
    const busyFirst = await timed('busy, first sweep', busy);
    const busyAgain = await timed('busy, same slot again', busy);

    const leaders = await ensureLeaders(ds);
    const t0 = performance.now();
    const written = await new LeaderDigests(ds).write(busy, digestDay(vnCalendarDate(busy), 9));
    const digest = { leaders, digests: written.digests, ms: Math.round(performance.now() - t0) };
    log(`daily digest: ${JSON.stringify(digest)}`);
    console.log(JSON.stringify({ deliveries, idle: idleRun, busy_first: busyFirst, busy_again: busyAgain, digest }));
  } finally {
    await ds.destroy();
  }
}

/** The kept dataset: created, migrated and generated on the first run (bench:report's generator). */
async function ensureDataset(server: string, url: string): Promise<void> {
  const client = new pg.Client({ connectionString: server });
  await client.connect();
  const exists = (await client.query(`SELECT 1 FROM pg_database WHERE datname = $1`, [DB])).rowCount;
  await client.end();
  if (!exists) await onServer(server, `CREATE DATABASE ${DB}`);
  const config = loadConfig({ ...process.env, NODE_ENV: 'test', DATABASE_URL: url, QUEUE_PREFIX: `bench-sweep-${Date.now()}` });
  const ds = await new DataSource(dataSourceOptions(config)).initialize();
  await ds.runMigrations({ transaction: 'each' });
  const [{ n }] = await ds.query(`SELECT count(*)::int AS n FROM dispatches WHERE symbol = 'BENCH'`);
  await ds.destroy();
  if (n >= 100) return log('reusing the generated dataset');
  log('generating the national dataset (first run only)');
  const t0 = performance.now();
  const app = await NestFactory.createApplicationContext(AppModule.forRoot(config), { logger: ['error', 'warn'] });
  try {
    const db = app.get(DataSource);
    await app.get(UnitImportService).importDataset('vn-2024-05-01');
    await generateBodies(db, log);
    await generateRollouts(db, 100, 10_000, log);
  } finally {
    await app.close();
  }
  log(`generated in ${Math.round((performance.now() - t0) / 1000)} s`);
}

/**
 * The generator publishes dispatch i (30 + i % 60) days before the moment it ran, with deadlines
 * 3, 5 and 20 days after publication. "idle" is that moment; "busy" is 09:00 Vietnam time on the
 * first working day from 26 days earlier, when the newest dispatches are a few days past their
 * first deadlines.
 */
async function instants(ds: DataSource): Promise<{ idle: Date; busy: Date }> {
  const [row] = await ds.query(`
    WITH g AS (SELECT max(published_at) + interval '30 days' AS at FROM dispatches WHERE symbol = 'BENCH')
    SELECT g.at AS idle,
           (SELECT (min(c.day) + time '09:00') AT TIME ZONE 'Asia/Ho_Chi_Minh' FROM calendar_days c
             WHERE c.working AND c.day >= ((g.at - interval '26 days') AT TIME ZONE 'Asia/Ho_Chi_Minh')::date) AS busy
      FROM g`);
  return { idle: row.idle, busy: row.busy };
}

/** Whatever an earlier run wrote, so every run measures the same first sweep. */
async function reset(ds: DataSource): Promise<void> {
  await ds.query(`DELETE FROM messages WHERE kind IN ('reminder', 'escalation', 'digest')`);
  await ds.query(`DELETE FROM reminders`);
  await ds.query(`DELETE FROM escalations`);
  await ds.query(`DELETE FROM digests`);
  await ds.query(`VACUUM ANALYZE messages, reminders, escalations, digests`);
}

/** A leader account on every province and district UBND and police (idempotent). */
async function ensureLeaders(ds: DataSource): Promise<number> {
  await ds.query(`
    INSERT INTO users (email, full_name, password_hash, role, unit_id)
    SELECT lower(u.code) || '.leader@bench.example', 'Lãnh đạo ' || u.name, 'x', 'leader', u.id FROM units u
     WHERE u.type IN ('peoples_committee', 'police') AND u.level IN ('province', 'district')
    ON CONFLICT DO NOTHING`);
  await ds.query(`ANALYZE users`);
  const [{ n }] = await ds.query(`SELECT count(*)::int AS n FROM users WHERE role = 'leader' AND active`);
  return n;
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
