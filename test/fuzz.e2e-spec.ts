import { jest } from '@jest/globals';
import { AckLinkSigner } from '@app/common';
import { Delivery, Role } from '@app/database';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { SYSTEM_UNIT } from '../apps/api/src/seed/seed.service.js';
import { seedNamDinh, signIn, SignedIn, unitByCode } from './support/factories.js';
import { FuzzCase, FuzzGenerator, seededRandom } from './support/fuzz-generator.js';
import { openApiOf, RouteInfo, routesOf } from './support/route-catalogue.js';
import { seedDispatchDto } from './support/seed-dispatch.js';
import { createTestApp, TestApp } from './support/test-app.js';

jest.setTimeout(180_000);

/**
 * The committed values are what CI and the README figure run. FUZZ_SEED and FUZZ_PER_FAMILY explore
 * further (e.g. `FUZZ_SEED=7 FUZZ_PER_FAMILY=6`): a case that fails there is a defect all the same.
 */
const SEED = Number(process.env.FUZZ_SEED ?? 20261201);
/** Values drawn per family of breakage and per body target: the case count grows linearly with it. */
const PER_FAMILY = Number(process.env.FUZZ_PER_FAMILY ?? 2);
/** Requests in flight at once: enough to keep the api busy, few enough for a loaded 2-core machine. */
const CONCURRENCY = 6;

/**
 * Fuzzing every operation of the OpenAPI document (see test/support/fuzz-generator.ts), signed in
 * as an installation admin (who reaches every route), and without a token for the public routes.
 * Any answer of 500 or more is a defect: bad input must get a 4xx that says what is wrong.
 */
describe('Fuzz: every operation, hostile bodies and query strings', () => {
  let t: TestApp;
  let admin: SignedIn;
  let cases: FuzzCase[];

  beforeAll(async () => {
    t = await createTestApp();
    await seedNamDinh(t);
    admin = await signIn(t, Role.Admin, SYSTEM_UNIT);
    const pa05 = await signIn(t, Role.Issuer, 'CA-36-PA05');
    const officer = await signIn(t, Role.Officer, 'UBND-366');
    const haiHau = await unitByCode(t, 'UBND-366');
    const units = { directorUnitId: (await unitByCode(t, 'CA-36-BGD')).id, archiveUnitIds: [] };
    const create = async (number: number) =>
      (
        await t
          .http()
          .post('/api/v1/dispatches')
          .set(pa05.auth)
          .send(seedDispatchDto(units, { number, recipients: [{ purpose: 'action', unitId: haiHau.id }] }))
          .expect(201)
      ).body.id as string;
    const draftDispatchId = await create(8001);
    const publishedDispatchId = await create(8002);
    await t.http().post(`/api/v1/dispatches/${publishedDispatchId}/publish`).set(pa05.auth).expect(200);
    const delivery = await t.db
      .getRepository(Delivery)
      .createQueryBuilder('d')
      .addSelect('d.linkNonce')
      .where('d.dispatchId = :id', { id: publishedDispatchId })
      .getOneOrFail();
    const ackToken = t.app.get(AckLinkSigner).token(delivery.id, delivery.linkExpiresAt, delivery.linkNonce);

    // A commune of Hải Hậu: an admin may edit, move and deactivate it, and nothing else depends on it.
    const [commune] = await t.db.query(`SELECT id FROM units WHERE parent_id = $1 AND type = 'peoples_committee' ORDER BY code LIMIT 1`, [
      haiHau.id,
    ]);
    const doc = openApiOf(t.app);
    const generator = new FuzzGenerator(
      doc,
      {
        unitId: commune.id,
        userId: officer.user.id,
        draftDispatchId,
        publishedDispatchId,
        deliveryId: delivery.id,
        ackToken,
      },
      seededRandom(SEED),
    );
    // Routes that end what others act on (close, deactivate, move) run last.
    const last = (r: RouteInfo) => /\/(close|deactivate|move)$/.test(r.path);
    const routes = routesOf(doc).sort((a, b) => Number(last(a)) - Number(last(b)));
    cases = routes.flatMap((r) => generator.casesFor(r, PER_FAMILY));
  });
  afterAll(() => t?.close());

  const send = (c: FuzzCase, auth: boolean) => {
    const url = c.query ? `${c.path}?${c.query}` : c.path;
    let req = t.http()[c.route.method as 'get' | 'post' | 'patch' | 'put' | 'delete'](url);
    if (auth) req = req.set(admin.auth);
    if (c.multipart) {
      for (const [k, v] of Object.entries(c.multipart.fields)) req = req.field(k, v);
      if (c.multipart.file) req = req.attach(c.multipart.file.field, c.multipart.file.content, c.multipart.file.name);
      return req;
    }
    if (c.rawJson !== undefined) return req.set('Content-Type', 'application/json').send(c.rawJson);
    if (c.body !== undefined) return req.send(c.body as object);
    return req;
  };

  it('answers every case below 500', async () => {
    const failures: string[] = [];
    const statuses = new Map<number, number>();
    let sent = 0;
    const started = Date.now();
    const queue = cases.flatMap((c) => (c.route.isPublic ? [{ c, auth: false }] : [{ c, auth: true }]));
    const runOne = async () => {
      for (let job = queue.shift(); job; job = queue.shift()) {
        const res = await send(job.c, job.auth);
        sent++;
        statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
        if (res.status >= 500) {
          failures.push(`${job.c.route.key} [${job.c.label}] → ${res.status} ${JSON.stringify(res.body).slice(0, 300)}`);
        }
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, runOne));
    const seconds = (Date.now() - started) / 1000;
    const report = {
      seed: SEED,
      operations: new Set(cases.map((c) => c.route.key)).size,
      cases: sent,
      responses5xx: failures.length,
      seconds,
      statuses: Object.fromEntries([...statuses].sort(([a], [b]) => a - b)),
    };
    // The figure the README quotes; also written where CI keeps its artifacts.
    console.log(`Fuzz: ${JSON.stringify(report)}`);
    mkdirSync(path.resolve('test-artifacts'), { recursive: true });
    writeFileSync(path.resolve('test-artifacts', 'fuzz-report.json'), `${JSON.stringify({ ...report, failures }, null, 2)}\n`);
    expect(failures).toEqual([]);
    expect(report.operations).toBe(routesOf(openApiOf(t.app)).length);
  });
});
