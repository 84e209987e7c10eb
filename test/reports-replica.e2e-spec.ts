import { Role } from '@app/database';
import { ReportsDatabase } from '@app/reports';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import pg from 'pg';
import type { Response } from 'supertest';
import { seedNamDinh, signIn, SignedIn, unitByCode } from './support/factories.js';
import { GenDelivery, generateRollout, GeneratedRollout } from './support/rollout-generator.js';
import { createTestApp, createTestDatabase, TestApp, TestDatabase } from './support/test-app.js';
import { databaseUrl, TEST_ADMIN_DB_URL } from './support/test-env.js';
import { createTestWorker, TestWorker } from './support/test-worker.js';

/** Collects a binary body (supertest parses only text and JSON by itself). */
const binary = (res: Response, done: (err: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => done(null, Buffer.concat(chunks)));
};

/** One statement on a database as the superuser (not through the product's pools). */
async function onDatabase<R = Record<string, unknown>>(url: string, sql: string, params: unknown[] = []): Promise<R[]> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query(sql, params)).rows as R[];
  } finally {
    await c.end();
  }
}

const REPLICA_SUBJECT = 'V/v nội dung chỉ có trên bản sao báo cáo';

/**
 * REPORTS_DATABASE_URL: the dashboard, the scorecard, the dispatch report and the exports read the
 * reports database, while sign-ins, acknowledgements, export job rows and audit go to the main one.
 * The "replica" is a copy of the main database (CREATE DATABASE … TEMPLATE) that the test then
 * changes on its own, so every figure tells which database it came from.
 */
describe('Reports from a replica (REPORTS_DATABASE_URL)', () => {
  let main: TestDatabase;
  let replicaName: string;
  let replicaUrl: string;
  let gen: GeneratedRollout;
  let district: GenDelivery;
  let originalName: string;
  let mainActivities: number;

  beforeAll(async () => {
    main = await createTestDatabase();
    const seeding = await createTestApp({}, { database: main });
    try {
      await seedNamDinh(seeding);
      gen = await generateRollout(seeding);
    } finally {
      // Only the app: the database is the "main" one of every phase below.
      await seeding.app.close();
    }
    district = gen.deliveries.find((d) => d.level === 'district' && d.forwardedAt)!;
    originalName = district.unitName;
    [{ n: mainActivities }] = await onDatabase<{ n: number }>(
      main.url,
      `SELECT count(*)::int AS n FROM activities WHERE dispatch_id = $1 AND withdrawn_at IS NULL`,
      [gen.dispatchId],
    );
    expect(mainActivities).toBeGreaterThan(0);

    // The copy: no connection to the main database may be open while it is made.
    replicaName = `${main.name}_replica`;
    await onDatabase(TEST_ADMIN_DB_URL, `CREATE DATABASE ${replicaName} TEMPLATE ${main.name}`);
    replicaUrl = databaseUrl(replicaName);
    // Changes made only on the copy: the subject, one district's name, every activity withdrawn.
    await onDatabase(replicaUrl, `UPDATE dispatches SET subject = $2 WHERE id = $1`, [gen.dispatchId, REPLICA_SUBJECT]);
    await onDatabase(replicaUrl, `UPDATE units SET name = name || ' (bản sao)' WHERE id = $1`, [district.unitId]);
    await onDatabase(replicaUrl, `UPDATE activities SET withdrawn_at = now() WHERE dispatch_id = $1`, [gen.dispatchId]);
  });

  afterAll(async () => {
    if (replicaName) await onDatabase(TEST_ADMIN_DB_URL, `DROP DATABASE IF EXISTS ${replicaName} WITH (FORCE)`);
    await main?.drop();
  });

  describe('REPORTS_DATABASE_URL unset', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await createTestApp({}, { database: main });
    });
    afterAll(() => t.app.close());

    it('reports read the main database, through the main DataSource (no second pool)', async () => {
      const reports = t.app.get(ReportsDatabase);
      expect(reports.separate).toBe(false);
      expect(await reports.query(`SELECT current_database() AS db`)).toEqual([{ db: main.name }]);
      const director = await signIn(t, Role.Leader, 'CA-36');
      const report = (await t.http().get(`/api/v1/dispatches/${gen.dispatchId}/report`).set(director.auth).expect(200)).body;
      expect(report.dispatch.subject).not.toBe(REPLICA_SUBJECT);
      expect(report.activity.activities).toBe(mainActivities);
      const dashboard = (await t.http().get('/api/v1/reports/dashboard').set(director.auth).expect(200)).body;
      expect(dashboard.items.find((i: { id: string }) => i.id === gen.dispatchId).subject).toBe(report.dispatch.subject);
      // Only the pools of the main database: no session of this app on the copy.
      const onCopy = await onDatabase(
        TEST_ADMIN_DB_URL,
        `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1 AND application_name LIKE 'cong-van-tracker%'`,
        [replicaName],
      );
      expect(onCopy).toEqual([{ n: 0 }]);
      const ready = (await t.http().get('/api/health/ready').expect(200)).body;
      expect(ready.info.reportsDatabase).toBeUndefined();
    });
  });

  describe('REPORTS_DATABASE_URL set to the copy', () => {
    let t: TestApp;
    let worker: TestWorker;
    let director: SignedIn;

    beforeAll(async () => {
      // No mail is sent here; the worker only needs an SMTP_URL to start.
      t = await createTestApp({ REPORTS_DATABASE_URL: replicaUrl, SMTP_URL: 'smtp://127.0.0.1:2' }, { database: main });
      worker = await createTestWorker(t.config);
      // The account is written to the main database only, and it can read the reports of the copy.
      director = await signIn(t, Role.Leader, 'CA-36');
    });
    afterAll(async () => {
      await worker?.close();
      await t?.app.close();
    });

    it('the dispatch report reads the copy: its subject, its renamed district, no live activity', async () => {
      const r = (await t.http().get(`/api/v1/dispatches/${gen.dispatchId}/report`).set(director.auth).expect(200)).body;
      expect(r.dispatch.subject).toBe(REPLICA_SUBJECT);
      expect(r.activity.activities).toBe(0);
      expect(r.tree.find((n: { unitCode: string }) => n.unitCode === district.unitCode).unitName).toBe(`${originalName} (bản sao)`);
      expect(r.total).toBe(gen.deliveries.length);
      expect(r.versions).toMatchObject({ version: 1 });
    });

    it('the dashboard reads the copy', async () => {
      const res = await t.http().get('/api/v1/reports/dashboard').query({ q: 'bản sao báo cáo' }).set(director.auth).expect(200);
      expect(res.body.total).toBe(1);
      expect(res.body.items[0]).toMatchObject({ id: gen.dispatchId, subject: REPLICA_SUBJECT, activityCoverage: 0 });
    });

    it('the unit scorecard reads the copy (the unit it is about is checked on the main database)', async () => {
      const unit = await unitByCode(t, district.unitCode);
      const chairman = await signIn(t, Role.Leader, 'UBND-36');
      const from = new Date(Date.now() - 40 * 86_400_000).toISOString().slice(0, 10);
      const to = new Date().toISOString().slice(0, 10);
      const res = await t.http().get(`/api/v1/reports/units/${unit.id}/scorecard`).query({ from, to }).set(chairman.auth).expect(200);
      expect(res.body.unit.name).toBe(originalName);
      const own = res.body.units.find((u: { unitCode: string }) => u.unitCode === district.unitCode);
      expect(own).toMatchObject({ unitName: `${originalName} (bản sao)`, deliveries: 1, acknowledged: 1, forwarded: 1 });
      expect(res.body.units.reduce((s: number, u: { activities: number }) => s + u.activities, 0)).toBe(0);
    });

    async function exportFile(format: 'csv' | 'xlsx'): Promise<{ id: string; body: Buffer }> {
      const requested = await t
        .http()
        .post(`/api/v1/dispatches/${gen.dispatchId}/report/exports`)
        .set(director.auth)
        .send({ format })
        .expect(202);
      const id = requested.body.id as string;
      let status: Record<string, unknown> = {};
      for (const started = Date.now(); Date.now() - started < 45_000; await new Promise((r) => setTimeout(r, 100))) {
        status = (await t.http().get(`/api/v1/report-exports/${id}`).set(director.auth).expect(200)).body;
        if (status.status === 'done' || status.status === 'failed') break;
      }
      expect(status).toMatchObject({ status: 'done', error: null });
      const file = await t.http().get(`/api/v1/report-exports/${id}/download`).set(director.auth).buffer(true).parse(binary).expect(200);
      return { id, body: file.body as Buffer };
    }

    it('exports are recorded on the main database and built by the worker from the copy (CSV rows, XLSX figures)', async () => {
      const csv = await exportFile('csv');
      const [, ...rows]: string[][] = parse(csv.body.toString('utf8').replace(/^\uFEFF/, ''));
      expect(rows).toHaveLength(gen.deliveries.length);
      // Columns: index, unit code, unit name, …, activities (last).
      expect(rows.find((r) => r[1] === district.unitCode)?.[2]).toBe(`${originalName} (bản sao)`);
      expect(rows.every((r) => r[r.length - 1] === '0')).toBe(true);

      const xlsx = await exportFile('xlsx');
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(xlsx.body as never);
      const summary: ExcelJS.CellValue[][] = [];
      wb.getWorksheet('Tổng hợp')!.eachRow((row) => summary.push((row.values as ExcelJS.CellValue[]).slice(1)));
      expect(summary.find((r) => r[0] === 'Số hoạt động')?.[1]).toBe(0);
      expect(wb.getWorksheet('Hoạt động')!.rowCount - 1).toBe(0);

      // The job rows live on the main database; the copy never saw them.
      expect(await onDatabase(main.url, `SELECT status FROM report_exports WHERE id = ANY($1::uuid[])`, [[csv.id, xlsx.id]])).toEqual([
        { status: 'done' },
        { status: 'done' },
      ]);
      expect(await onDatabase(replicaUrl, `SELECT count(*)::int AS n FROM report_exports`)).toEqual([{ n: 0 }]);
    });

    it('an acknowledgement goes to the main database; the report shows it only once the copy has it (replication lag)', async () => {
      const silent = gen.deliveries.find((d) => d.level === 'district' && d.status === 'sent')!;
      const officer = await signIn(t, Role.Officer, silent.unitCode);
      await t.http().post(`/api/v1/deliveries/${silent.id}/acknowledge`).set(officer.auth).send({}).expect(200);
      const [onMain] = await onDatabase<{ acknowledged: boolean; audited: number }>(
        main.url,
        `SELECT acknowledged_at IS NOT NULL AS acknowledged,
                (SELECT count(*)::int FROM audit_events WHERE entity_id = $1 AND action = 'delivery.acknowledged') AS audited
           FROM deliveries WHERE id = $1`,
        [silent.id],
      );
      expect(onMain).toEqual({ acknowledged: true, audited: 1 });
      const [onCopy] = await onDatabase<{ acknowledged: boolean; audited: number }>(
        replicaUrl,
        `SELECT acknowledged_at IS NOT NULL AS acknowledged,
                (SELECT count(*)::int FROM audit_events WHERE entity_id = $1) AS audited
           FROM deliveries WHERE id = $1`,
        [silent.id],
      );
      expect(onCopy).toEqual({ acknowledged: false, audited: 0 });
      const r = (await t.http().get(`/api/v1/dispatches/${gen.dispatchId}/report`).set(director.auth).expect(200)).body;
      expect(r.tree.find((n: { deliveryId: string }) => n.deliveryId === silent.id).acknowledgedAt).toBeNull();
    });

    it('the reports connection is read-only: a write through it fails and changes nothing', async () => {
      for (const reports of [t.app.get(ReportsDatabase), worker.app.get(ReportsDatabase)]) {
        expect(reports.separate).toBe(true);
        expect(await reports.query(`SELECT current_database() AS db, current_setting('default_transaction_read_only') AS ro`)).toEqual([
          { db: replicaName, ro: 'on' },
        ]);
        await expect(reports.query(`UPDATE units SET name = 'ghi nhầm' WHERE id = $1`, [district.unitId])).rejects.toMatchObject({
          driverError: { code: '25006' },
          message: expect.stringMatching(/read-only transaction/),
        });
      }
      expect(await onDatabase(replicaUrl, `SELECT name FROM units WHERE id = $1`, [district.unitId])).toEqual([
        { name: `${originalName} (bản sao)` },
      ]);
    });

    it('readiness shows the reports database', async () => {
      const ready = (await t.http().get('/api/health/ready').expect(200)).body;
      // (Overall "degraded" here only because this app's SMTP_URL leads nowhere.)
      expect(ready.info.reportsDatabase).toEqual({ status: 'up', separate: true });
      expect(ready.info.database).toMatchObject({ status: 'up' });
      const summary = (await t.http().get('/api/health').expect(200)).body;
      expect(summary.reportsDatabase).toMatchObject({ status: 'up' });
    });

    it('the copy going away under a running api: 503 for reports only, then reports again once it is back', async () => {
      const report = () => t.http().get(`/api/v1/dispatches/${gen.dispatchId}/report`).set(director.auth);
      await report().expect(200);
      await onDatabase(TEST_ADMIN_DB_URL, `ALTER DATABASE ${replicaName} ALLOW_CONNECTIONS false`);
      await onDatabase(TEST_ADMIN_DB_URL, `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1`, [replicaName]);
      try {
        for (let i = 0; i < 3; i++) {
          const res = await report().expect(503);
          expect(res.body.code).toBe('REPORTS_DATABASE_UNAVAILABLE');
        }
        await t.http().get(`/api/v1/dispatches/${gen.dispatchId}`).set(director.auth).expect(200);
        const ready = (await t.http().get('/api/health/ready').expect(200)).body;
        expect(ready.details.reportsDatabase).toMatchObject({ status: 'degraded', separate: true });
      } finally {
        await onDatabase(TEST_ADMIN_DB_URL, `ALTER DATABASE ${replicaName} ALLOW_CONNECTIONS true`);
      }
      expect((await report().expect(200)).body.dispatch.subject).toBe(REPLICA_SUBJECT);
    });
  });

  describe('REPORTS_DATABASE_URL set, but unreachable', () => {
    let t: TestApp;
    beforeAll(async () => {
      // Port 1: nothing listens, the connection is refused. The api still starts (the reports pool opens on first use).
      t = await createTestApp({ REPORTS_DATABASE_URL: 'postgres://postgres@127.0.0.1:1/cvt_no_replica' }, { database: main });
    });
    afterAll(() => t.app.close());

    it('readiness warns (degraded, still 200); reports answer 503 in Vietnamese; the rest works', async () => {
      const ready = await t.http().get('/api/health/ready').expect(200);
      expect(ready.body.status).toBe('degraded');
      expect(ready.body.details.reportsDatabase).toMatchObject({ status: 'degraded', separate: true, message: expect.any(String) });
      expect(ready.body.details.database).toMatchObject({ status: 'up' });

      const director = await signIn(t, Role.Leader, 'CA-36');
      for (const path of [`/api/v1/dispatches/${gen.dispatchId}/report`, '/api/v1/reports/dashboard']) {
        const res = await t.http().get(path).set(director.auth).expect(503);
        expect(res.body).toMatchObject({
          statusCode: 503,
          error: 'SERVICE_UNAVAILABLE',
          code: 'REPORTS_DATABASE_UNAVAILABLE',
          message: expect.stringMatching(/^Cơ sở dữ liệu báo cáo .* tạm thời không truy cập được/),
        });
      }
      // Reading a dispatch is not a report: it is served by the main database.
      await t.http().get(`/api/v1/dispatches/${gen.dispatchId}`).set(director.auth).expect(200);
    });
  });
});
