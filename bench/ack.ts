/**
 * Acknowledgements at the speed of the database:
 * `npm run bench:ack -- --clients 50 --acks 3000 --rounds 3 --api-workers 1` (API_WORKERS of the api).
 *
 * On a throwaway database it makes one published dispatch with a delivery to each of many commune
 * police units, starts the api as production runs it (a separate process, NODE_ENV=production, a
 * random JWT_SECRET, queues on Redis), signs in as an issuer, and then, per round:
 * - `--clients` concurrent HTTP clients proxy-acknowledge `--acks` distinct deliveries through
 *   `POST /api/v1/deliveries/:id/proxy-acknowledge`;
 * - beside it, the same statements on the same database through `pg` (support/ack-driver.ts), as
 *   many client loops over a pool as large as the api's, on `--acks` other deliveries. The driver
 *   runs the api's own statement (ACKNOWLEDGE_SQL), prepared as the api prepares it, one
 *   acknowledgement per statement and transaction, as pgbench runs a transaction. The api also
 *   shares a statement among the acknowledgements that arrive together (AcknowledgementBatcher), so
 *   the ratio is what the api makes of the database, overhead and group commit together;
 * - for reference, the same driver with the statement parsed and planned on every call, as pgbench
 *   runs a script by default (-M simple) and as the api ran it before it prepared it.
 * A first round through each path is a warm-up (the api's JIT, every pooled connection's prepared
 * statement) and is not counted. Each round's ratio is api throughput / driver throughput; the
 * figures are the medians over the rounds, p50 and p99 over every api request. Every
 * acknowledgement and its one audit event are counted at the end. The last stdout line is one JSON
 * object.
 */
import 'reflect-metadata';
import { loadConfig } from '@app/config';
import { dataSourceOptions, Role } from '@app/database';
import type { Actor } from '../apps/api/src/auth/actor.js';
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { ackFixture, ACK_BENCH_PASSWORD } from './support/ack-fixture.js';
import { driverAcknowledge } from './support/ack-driver.js';
import { argValue, DEFAULT_SERVER_URL, median, percentile, throwawayDatabase } from './support/bench-db.js';
import { startChild } from './support/child.js';
import { closedLoop, jsonClient } from './support/load.js';

const log = (m: string) => console.error(`[bench:ack] ${m}`);
/** The product's pool size per api process (dataSourceOptions: extra.max). */
const API_POOL = 20;

async function main() {
  const clients = argValue('clients', 50);
  const acks = argValue('acks', 3000);
  const rounds = argValue('rounds', 3);
  const apiWorkers = argValue('api-workers', 1);
  const base = loadConfig();
  const db = await throwawayDatabase(base.DATABASE_URL ?? DEFAULT_SERVER_URL, 'cvt_bench_ack');
  let api: Awaited<ReturnType<typeof startChild>> | undefined;
  // As many connections as the api has (per process), with the product's session settings.
  const pool = new pg.Pool({ connectionString: db.url, max: API_POOL * apiWorkers, options: '-c jit=off' });
  // An idle client's connection can end under it (the database is dropped WITH (FORCE) at the end,
  // an administrator terminates backends): the pool then emits 'error', which must not crash the run.
  pool.on('error', (e) => log(`driver pool: ${e.message}`));
  try {
    const ds = await new DataSource(dataSourceOptions(loadConfig({ NODE_ENV: 'test', DATABASE_URL: db.url }))).initialize();
    // A warm-up round and `rounds` counted rounds, each through the api, the driver and the unprepared driver.
    const total = 3 * (rounds + 1) * acks;
    log(`making ${total} deliveries to acknowledge`);
    const fx = await ackFixture(ds, total);
    await ds.destroy();

    api = await startChild(
      'apps/api/src/main.js',
      {
        ...process.env,
        NODE_ENV: 'production',
        JWT_SECRET: randomBytes(32).toString('hex'),
        DATABASE_URL: db.url,
        REDIS_URL: base.REDIS_URL ?? 'redis://127.0.0.1:6379',
        QUEUE_PREFIX: `bench-ack-${Date.now()}`,
        PORT: '0',
        API_WORKERS: String(apiWorkers),
      },
      /API listening on (http:\/\/[^\s"]+?)\/api\/v1/,
      'api',
    );
    const baseUrl = api.match[1];
    const login = await fetch(`${baseUrl}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: fx.userEmail, password: ACK_BENCH_PASSWORD }),
    });
    const { accessToken } = (await login.json()) as { accessToken?: string };
    if (!accessToken) throw new Error(`login failed: ${login.status}`);
    const http = jsonClient(baseUrl, clients, { authorization: `Bearer ${accessToken}`, 'user-agent': 'bench-ack' });
    const viaApi = async (id: string) => {
      const res = await http.post(`/api/v1/deliveries/${id}/proxy-acknowledge`, { receivedBy: 'Văn thư xã', reason: 'Nhận bản giấy' });
      if (res.status !== 200 || !res.body.includes('"created":true')) throw new Error(`api: ${res.status} ${res.body.slice(0, 300)}`);
    };
    const [unit] = (await pool.query(`SELECT name, path FROM units WHERE id = $1`, [fx.rootUnitId])).rows;
    const actor: Actor = {
      userId: fx.userId,
      email: fx.userEmail,
      fullName: 'Cán bộ thử',
      role: Role.Issuer,
      unitId: fx.rootUnitId,
      unitName: unit.name,
      unitPath: unit.path,
    };
    const viaDriver = (id: string) => driverAcknowledge(pool, actor, id);
    const viaUnprepared = (id: string) => driverAcknowledge(pool, actor, id, false);

    const ids = fx.deliveryIds;
    const slice = (round: number, path: number) => ids.slice((3 * round + path) * acks, (3 * round + path + 1) * acks);
    log(`warming up (${acks} through the api, the driver and the unprepared driver)`);
    await closedLoop(slice(0, 0), clients, viaApi);
    await closedLoop(slice(0, 1), clients, viaDriver);
    await closedLoop(slice(0, 2), clients, viaUnprepared);

    const apiRuns: number[] = [];
    const driverRuns: number[] = [];
    const unpreparedRuns: number[] = [];
    const ratios: number[] = [];
    const cpuPerAck: number[] = [];
    const latencies: number[] = [];
    const driverLatencies: number[] = [];
    for (let r = 0; r < rounds; r++) {
      const cpu0 = api.cpuMs();
      const a = await closedLoop(slice(r + 1, 0), clients, viaApi);
      cpuPerAck.push((api.cpuMs() - cpu0) / acks);
      const d = await closedLoop(slice(r + 1, 1), clients, viaDriver);
      const u = await closedLoop(slice(r + 1, 2), clients, viaUnprepared);
      apiRuns.push(a.perSecond);
      driverRuns.push(d.perSecond);
      unpreparedRuns.push(u.perSecond);
      ratios.push(a.perSecond / d.perSecond);
      latencies.push(...a.latencies);
      driverLatencies.push(...d.latencies);
      log(
        `round ${r + 1}: api ${a.perSecond.toFixed(0)}/s (p50 ${percentile(a.latencies, 50).toFixed(1)} ms, p99 ${percentile(a.latencies, 99).toFixed(1)} ms), ` +
          `driver ${d.perSecond.toFixed(0)}/s (p99 ${percentile(d.latencies, 99).toFixed(1)} ms), ratio ${(a.perSecond / d.perSecond).toFixed(2)}, ` +
          `unprepared driver ${u.perSecond.toFixed(0)}/s, ` +
          `api CPU ${cpuPerAck[r].toFixed(2)} ms per acknowledgement`,
      );
    }
    http.close();

    const [{ acked, audited }] = (
      await pool.query(
        `SELECT (SELECT count(*) FROM deliveries WHERE acknowledged_at IS NOT NULL)::int AS acked,
                (SELECT count(*) FROM audit_events WHERE action = 'delivery.acknowledged')::int AS audited`,
      )
    ).rows;
    if (acked !== total || audited !== total)
      throw new Error(`expected ${total} acknowledgements and audit events, got ${acked} and ${audited}`);
    const r1 = (x: number) => Math.round(x * 10) / 10;
    console.log(
      JSON.stringify({
        bench: 'ack',
        clients,
        api_workers: apiWorkers,
        acks_per_round: acks,
        rounds,
        cpus: os.cpus().length,
        api_per_s: Math.round(median(apiRuns)),
        api_p50_ms: r1(percentile(latencies, 50)),
        api_p99_ms: r1(percentile(latencies, 99)),
        driver_per_s: Math.round(median(driverRuns)),
        driver_p99_ms: r1(percentile(driverLatencies, 99)),
        unprepared_driver_per_s: Math.round(median(unpreparedRuns)),
        api_peak_rss_mb: api.peakRssMb(),
        api_cpu_ms_per_ack: Math.round(median(cpuPerAck) * 100) / 100,
        round_ratios: ratios.map((x) => Math.round(x * 100) / 100),
        ratio: Math.round(median(ratios) * 100) / 100,
      }),
    );
  } finally {
    await api?.stop();
    await pool.end();
    await db.drop();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
