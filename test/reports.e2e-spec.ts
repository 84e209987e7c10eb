import { Role } from '@app/database';
import { seedNamDinh, signIn, SignedIn, unitByCode } from './support/factories.js';
import { shapeProblems } from './support/openapi-shape.js';
import { GenDelivery, generateRollout, GeneratedRollout, Level } from './support/rollout-generator.js';
import { createTestApp, TestApp } from './support/test-app.js';

/** percentile_cont, as PostgreSQL computes it. */
function percentile(values: number[], p: number): number {
  const xs = [...values].sort((a, b) => a - b);
  const pos = p * (xs.length - 1);
  const lo = Math.floor(pos);
  return xs[lo] + (xs[Math.min(lo + 1, xs.length - 1)] - xs[lo]) * (pos - lo);
}
const round = (x: number, digits: number) => Math.round(x * 10 ** digits) / 10 ** digits;
const acting = (d: GenDelivery) => d.purpose === 'coordinate' || d.purpose === 'action';

describe('Compliance report of a generated rollout over the real Nam Định tree', () => {
  let t: TestApp;
  let gen: GeneratedRollout;
  let director: SignedIn;

  beforeAll(async () => {
    t = await createTestApp();
    await seedNamDinh(t);
    gen = await generateRollout(t);
    director = await signIn(t, Role.Leader, 'CA-36');
  });
  afterAll(() => t.close());

  it('generates a rollout of the expected size', () => {
    const levels = new Set(gen.deliveries.map((d) => d.level));
    expect([...levels].sort()).toEqual(['commune', 'commune_police', 'district', 'province']);
    expect(gen.deliveries.filter((d) => d.level === 'commune')).toHaveLength(226);
    expect(gen.deliveries.filter((d) => d.level === 'district')).toHaveLength(10);
  });

  it('counts by status, purpose and level equal the ones computed from the generated data', async () => {
    const res = await t.http().get(`/api/v1/dispatches/${gen.dispatchId}/report`).set(director.auth).expect(200);
    const r = res.body;
    expect(r.scope).toBe('dispatch');
    expect(r.total).toBe(gen.deliveries.length);
    const count = (key: (d: GenDelivery) => string) =>
      gen.deliveries.reduce<Record<string, number>>((m, d) => ({ ...m, [key(d)]: (m[key(d)] ?? 0) + 1 }), {});
    expect(r.byStatus).toEqual(count((d) => d.status));
    expect(r.byPurpose).toEqual(count((d) => d.purpose));
    for (const level of ['province', 'district', 'commune', 'commune_police'] as Level[]) {
      const ds = gen.deliveries.filter((d) => d.level === level);
      const onTime = ds.filter((d) => d.acknowledgedAt && (!d.ackDueAt || d.acknowledgedAt <= d.ackDueAt)).length;
      const late = ds.filter(
        (d) => (d.acknowledgedAt && d.ackDueAt && d.acknowledgedAt > d.ackDueAt) || (!d.acknowledgedAt && !d.refused && d.ackDueAt),
      ).length;
      expect(r.levels.find((l: { level: string }) => l.level === level)).toEqual({
        level,
        total: ds.length,
        reached: ds.length,
        acknowledged: ds.filter((d) => d.acknowledgedAt).length,
        onTime,
        late,
        refused: ds.filter((d) => d.refused).length,
        reachedShare: 1,
        acknowledgedShare: round(ds.filter((d) => d.acknowledgedAt).length / ds.length, 4),
        onTimeShare: round(onTime / ds.length, 4),
      });
    }
    const hours = gen.deliveries
      .filter((d) => d.acknowledgedAt)
      .map((d) => (d.acknowledgedAt!.getTime() - d.createdAt.getTime()) / 3_600_000);
    expect(r.ackTime).toEqual({ medianHours: round(percentile(hours, 0.5), 2), p90Hours: round(percentile(hours, 0.9), 2) });
  });

  it('the blocking units are exactly the ones the generator made late, with the units waiting below them', async () => {
    const r = (await t.http().get(`/api/v1/dispatches/${gen.dispatchId}/report`).set(director.auth).expect(200)).body;
    expect(r.blockingTotal).toBe(gen.lateUnitCodes.length);
    expect(r.blocking.map((b: { unitCode: string }) => b.unitCode).sort()).toEqual([...gen.lateUnitCodes].sort());
    // Every blocking unit counts the active units below it that the dispatch has not reached.
    const reached = new Set(gen.deliveries.map((d) => d.unitId));
    for (const b of r.blocking as { unitCode: string; waitingBelow: number }[]) {
      const below: { id: string }[] = await t.db.query(
        `SELECT c.id FROM units c WHERE c.path LIKE (SELECT path FROM units WHERE code = $1) || '_%' AND c.type <> 'area' AND c.active`,
        [b.unitCode],
      );
      expect({ unit: b.unitCode, waiting: b.waitingBelow }).toEqual({
        unit: b.unitCode,
        waiting: below.filter((u) => !reached.has(u.id)).length,
      });
    }
    const silentDistrict = r.blocking.find(
      (b: { unitCode: string; overdueAck: boolean }) => /^UBND-3\d\d$/.test(b.unitCode) && b.overdueAck,
    );
    expect(silentDistrict.waitingBelow).toBeGreaterThan(0);
    expect(r.blocking[0].waitingBelow).toBeGreaterThanOrEqual(r.blocking[r.blocking.length - 1].waitingBelow);
  });

  it('activity coverage per channel and per task, and totals, exclude withdrawn reports', async () => {
    const r = (await t.http().get(`/api/v1/dispatches/${gen.dispatchId}/report`).set(director.auth).expect(200)).body;
    const live = gen.activities.filter((a) => !a.withdrawn);
    const actingCount = gen.deliveries.filter(acting).length;
    const units = new Set(live.map((a) => a.deliveryId));
    expect(r.activity).toMatchObject({
      actingUnits: actingCount,
      unitsWithActivity: units.size,
      coverage: round(units.size / actingCount, 4),
      activities: live.length,
      totalReach: live.reduce((s, a) => s + a.reach, 0),
      totalQuantity: live.reduce((s, a) => s + a.quantity, 0),
    });
    const channels = [...new Set(live.map((a) => a.channel))].sort();
    expect(r.activity.byChannel.map((c: { key: string }) => c.key)).toEqual(channels);
    for (const c of r.activity.byChannel) {
      const of = live.filter((a) => a.channel === c.key);
      expect(c).toEqual({
        key: c.key,
        units: new Set(of.map((a) => a.deliveryId)).size,
        activities: of.length,
        reach: of.reduce((s, a) => s + a.reach, 0),
        quantity: of.reduce((s, a) => s + a.quantity, 0),
        coverage: round(new Set(of.map((a) => a.deliveryId)).size / actingCount, 4),
      });
    }
    expect(r.activity.byTask.map((x: { key: string }) => x.key)).toEqual(['2', '3']);
  });

  it('rolls the tree up: each district shows its own state and its communes’ totals', async () => {
    const r = (await t.http().get(`/api/v1/dispatches/${gen.dispatchId}/report`).set(director.auth).expect(200)).body;
    const districts = gen.deliveries.filter((d) => d.level === 'district');
    for (const district of districts) {
      const node = r.tree.find((n: { deliveryId: string }) => n.deliveryId === district.id);
      const below: GenDelivery[] = [];
      const walk = (id: string) => gen.deliveries.filter((d) => d.parentId === id).forEach((c) => (below.push(c), walk(c.id)));
      walk(district.id);
      expect(node).toMatchObject({ unitCode: district.unitCode, status: district.status });
      expect(node.below).toMatchObject({
        total: below.length,
        acknowledged: below.filter((d) => d.acknowledgedAt).length,
        refused: below.filter((d) => d.refused).length,
      });
    }
  });

  it('an officer of one district sees only its own branch; another district sees nothing of it', async () => {
    const forwarded = gen.deliveries.find((d) => d.level === 'district' && d.forwardedAt)!;
    const officer = await signIn(t, Role.Officer, forwarded.unitCode);
    const r = (await t.http().get(`/api/v1/dispatches/${gen.dispatchId}/report`).set(officer.auth).expect(200)).body;
    expect(r.scope).toBe('own-branch');
    const below: GenDelivery[] = [forwarded];
    const walk = (id: string) => gen.deliveries.filter((d) => d.parentId === id).forEach((c) => (below.push(c), walk(c.id)));
    walk(forwarded.id);
    expect(r.total).toBe(below.length);
    expect(r.tree.map((n: { deliveryId: string }) => n.deliveryId)).toEqual([forwarded.id]);
    const stranger = await signIn(t, Role.Officer, 'CA-36-VT');
    await t.http().get(`/api/v1/dispatches/${gen.dispatchId}/report`).set(stranger.auth).expect(403);
  });

  it('the dashboard lists the dispatch with its rates and blocking count', async () => {
    const res = await t.http().get('/api/v1/reports/dashboard').query({ sort: 'issuedDate' }).set(director.auth).expect(200);
    const row = res.body.items.find((i: { id: string }) => i.id === gen.dispatchId);
    const ds = gen.deliveries;
    expect(row).toMatchObject({
      number: 5207,
      total: ds.length,
      acknowledgedRate: round(ds.filter((d) => d.acknowledgedAt).length / ds.length, 4),
      blocking: gen.lateUnitCodes.length,
    });
    expect(row.levels.district).toEqual({ total: 10, reached: 10, reachedShare: 1 });
    await t.http().get('/api/v1/reports/dashboard').query({ sort: 'colour' }).set(director.auth).expect(400);
  });

  it('the scorecard of a district covers it and each unit below it', async () => {
    const district = gen.deliveries.find((d) => d.level === 'district' && d.forwardedAt)!;
    const unit = await unitByCode(t, district.unitCode);
    const from = new Date(Date.now() - 40 * 86_400_000).toISOString().slice(0, 10);
    const to = new Date().toISOString().slice(0, 10);
    // The police director leads Công an tỉnh, not the people's committees: their scorecards belong to UBND tỉnh.
    await t.http().get(`/api/v1/reports/units/${unit.id}/scorecard`).query({ from, to }).set(director.auth).expect(403);
    const chairman = await signIn(t, Role.Leader, 'UBND-36');
    const res = await t.http().get(`/api/v1/reports/units/${unit.id}/scorecard`).query({ from, to }).set(chairman.auth).expect(200);
    const own = res.body.units.find((u: { unitCode: string }) => u.unitCode === district.unitCode);
    expect(own).toMatchObject({
      deliveries: 1,
      acknowledged: 1,
      acknowledgedRate: 1,
      expectedToForward: 1,
      forwarded: 1,
      forwardingRate: 1,
    });
    expect(typeof own.medianAckHours).toBe('number');
    expect(res.body.units.length).toBeGreaterThan(20);
    // Rates and hours are JSON numbers, as the document says, not PostgreSQL's numeric text ("0.7500").
    expect(shapeProblems(res.body, 'ScorecardDto')).toEqual([]);
  });

  it('drafts a chasing letter addressed to exactly the late units', async () => {
    const pa05 = await signIn(t, Role.Issuer, 'CA-36-PA05');
    const res = await t.http().post(`/api/v1/dispatches/${gen.dispatchId}/chase`).set(pa05.auth).expect(201);
    expect(res.body.lateUnits).toBe(gen.lateUnitCodes.length);
    const draft = (await t.http().get(`/api/v1/dispatches/${res.body.dispatchId}`).set(pa05.auth).expect(200)).body;
    expect(draft).toMatchObject({ status: 'draft', urgency: 'khan', symbol: 'CAT-PA05' });
    expect(draft.subject).toMatch(/^V\/v đôn đốc triển khai Công văn số 5207\/CAT-PA05 ngày 19\/10\/2023$/);
    expect(draft.body).toContain('Công an tỉnh Nam Định ban hành Công văn số 5207/CAT-PA05');
    const ids = draft.recipients.map((x: { unitId: string }) => x.unitId);
    const codes: { code: string }[] = await t.db.query(`SELECT code FROM units WHERE id = ANY($1::uuid[])`, [ids]);
    expect(codes.map((c) => c.code).sort()).toEqual([...gen.lateUnitCodes].sort());
  });
});
