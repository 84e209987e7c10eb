import { Delivery, Role, Unit } from '@app/database';
import { SeedService } from '../apps/api/src/seed/seed.service.js';
import { seedNamDinh, signIn, SignedIn, unitByCode } from './support/factories.js';
import { seedDispatchDto } from './support/seed-dispatch.js';
import { createTestApp, TestApp } from './support/test-app.js';

/**
 * Today's Vietnam beside the Nam Định of 2023: Ninh Bình onboarded from the 2025-07-01 list (two
 * levels, 129 communes, 57 of them on former Nam Định land) on top of Nam Định 2024-05-01 with its
 * 2023 dispatch already rolled out.
 */
describe('Onboarding Ninh Bình (2025-07-01): two levels, lineage, the old Nam Định kept', () => {
  let t: TestApp;
  let admin: SignedIn;
  let ndDirector: SignedIn;
  let oldDispatchId: string;
  let oldReport: unknown;
  let onboarded: Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- a JSON body checked field by field

  beforeAll(async () => {
    t = await createTestApp();
    await seedNamDinh(t);
    admin = await signIn(t, Role.Admin, 'HE-THONG');
    ndDirector = await signIn(t, Role.Leader, 'CA-36');
    // 2023: PA05 of Công an tỉnh Nam Định publishes 5207; UBND huyện Hải Hậu passes it to its communes.
    const pa05 = await signIn(t, Role.Issuer, 'CA-36-PA05');
    const units = {
      directorUnitId: (await unitByCode(t, 'CA-36-BGD')).id,
      archiveUnitIds: [(await unitByCode(t, 'CA-36-VT')).id],
    };
    oldDispatchId = (await t.http().post('/api/v1/dispatches').set(pa05.auth).send(seedDispatchDto(units)).expect(201)).body.id;
    await t.http().post(`/api/v1/dispatches/${oldDispatchId}/publish`).set(pa05.auth).expect(200);
    const haiHau = await signIn(t, Role.Officer, 'UBND-366');
    const delivery = await t.db
      .getRepository(Delivery)
      .findOneByOrFail({ dispatchId: oldDispatchId, unitId: (await unitByCode(t, 'UBND-366')).id });
    await t.http().post(`/api/v1/deliveries/${delivery.id}/acknowledge`).set(haiHau.auth).send({}).expect(200);
    await t
      .http()
      .post(`/api/v1/deliveries/${delivery.id}/forward`)
      .set(haiHau.auth)
      .send({ targets: [{ group: 'all_commune_committees' }] })
      .expect(201);
    oldReport = (await t.http().get(`/api/v1/dispatches/${oldDispatchId}/report`).set(ndDirector.auth).expect(200)).body;

    onboarded = (
      await t
        .http()
        .post('/api/v1/admin/provinces/onboard')
        .set(admin.auth)
        .send({ dataset: 'vn-2025-07-01', provinceCode: '37', emailDomain: 'ninhbinh.example' })
        .expect(200)
    ).body;
  });
  afterAll(() => t.close());

  it('creates the province, its 129 communes and their bodies: UBND tỉnh -> UBND xã, Công an tỉnh -> Công an xã', async () => {
    expect(onboarded).toMatchObject({
      structure: 'two_levels',
      provinces: 1,
      areas: { total: 130, created: 130, byLevel: { province: 1, district: 0, commune: 129 } },
    });
    expect(onboarded.bodies.byKind).toMatchObject({
      'peoples_committee:province': 1,
      'police:province': 1 + 15,
      'department:province': 16,
      'peoples_committee:commune': 129,
      'police:commune': 129,
    });
    expect(onboarded.bodies.created).toBe(onboarded.bodies.total);
    const parentOf = async (code: string) => {
      const u = await unitByCode(t, code);
      return (await t.db.getRepository(Unit).findOneByOrFail({ id: u.parentId! })).code;
    };
    expect(await unitByCode(t, 'UBND-13669')).toMatchObject({ name: 'UBND phường Nam Định', level: 'commune', validFrom: '2025-07-01' });
    expect(await parentOf('UBND-13669')).toBe('UBND-37');
    expect(await unitByCode(t, 'CA-13669')).toMatchObject({ name: 'Công an phường Nam Định', emails: ['ca-13669@ninhbinh.example'] });
    expect(await parentOf('CA-13669')).toBe('CA-37');
    expect(await parentOf('CA-37-PA05')).toBe('CA-37');
  });

  it('retires the three-level Nam Định it replaces, never deleting it: 237 areas and their bodies', async () => {
    expect(onboarded.retired.areas).toBe(237);
    const [{ bodies }] = await t.db.query(
      `SELECT count(*)::int AS bodies FROM units WHERE type <> 'area' AND code LIKE ANY('{UBND-%,CA-%,36-%}') AND retired_on = '2025-07-01'`,
    );
    expect(onboarded.retired.bodies).toBe(bodies);
    expect(await unitByCode(t, 'CA-36')).toMatchObject({ active: false, retiredOn: '2025-07-01', name: 'Công an tỉnh Nam Định' });
    // Code 14218 names two units: Thị trấn Cồn of huyện Hải Hậu (retired) and Xã Hải Tiến of Ninh Bình.
    const both: { name: string; retired_on: string | null }[] = await t.db.query(
      `SELECT name, retired_on::text FROM units WHERE code = '14218' ORDER BY retired_on NULLS LAST`,
    );
    expect(both).toEqual([
      { name: 'Thị trấn Cồn', retired_on: '2025-07-01' },
      { name: 'Xã Hải Tiến', retired_on: null },
    ]);
  });

  it('is idempotent: a second run creates, updates and retires nothing', async () => {
    const again = (
      await t
        .http()
        .post('/api/v1/admin/provinces/onboard')
        .set(admin.auth)
        .send({ dataset: 'vn-2025-07-01', provinceCode: '37' })
        .expect(200)
    ).body;
    expect(again.areas).toMatchObject({ created: 0, updated: 0, unchanged: 130 });
    expect(again.bodies).toMatchObject({ created: 0, updated: 0 });
    expect(again.retired).toEqual({ areas: 0, bodies: 0 });
    expect(again.lineage.created).toBe(0);
  });

  it('a 2026 dispatch of Công an tỉnh Ninh Bình to all communes and all commune police reaches 258 units', async () => {
    // Signed in as the local start's demo issuer of PA05, Công an tỉnh Ninh Bình.
    const logins = await t.app.get(SeedService).ensureDemoAccounts({ ninhBinh: true });
    const demo = logins.find((l) => l.email === 'pa05.ninhbinh@demo.local')!;
    expect(demo).toMatchObject({ role: Role.Issuer, unit: 'Phòng An ninh mạng và phòng, chống tội phạm sử dụng công nghệ cao (PA05)' });
    const login = await t.http().post('/api/v1/auth/login').send({ email: demo.email, password: demo.password }).expect(200);
    const pa05 = { auth: { Authorization: `Bearer ${login.body.accessToken}` } };
    const dto = seedDispatchDto(
      { directorUnitId: (await unitByCode(t, 'CA-37-BGD')).id, archiveUnitIds: [] },
      {
        headerIssuer: 'CÔNG AN TỈNH NINH BÌNH',
        number: 15,
        issuedDate: '2026-01-05',
        issuedPlace: 'Ninh Bình',
        recipients: [
          { purpose: 'action', group: 'all_commune_committees' },
          { purpose: 'action', group: 'all_commune_police' },
        ],
        ackDueAt: '2099-01-10T17:00:00+07:00',
        forwardDueAt: '2099-01-12T17:00:00+07:00',
        reportDueAt: '2099-02-01T17:00:00+07:00',
      },
    );
    const id = (await t.http().post('/api/v1/dispatches').set(pa05.auth).send(dto).expect(201)).body.id;
    const preview = (await t.http().get(`/api/v1/dispatches/${id}/recipients/preview`).set(pa05.auth).expect(200)).body;
    expect(preview.total).toBe(258);
    const published = (await t.http().post(`/api/v1/dispatches/${id}/publish`).set(pa05.auth).expect(200)).body;
    expect(published).toMatchObject({ deliveries: 258, messages: 258 });
    const levels: { level: string; n: number }[] = await t.db.query(
      `SELECT recipient_level AS level, count(*)::int AS n FROM deliveries WHERE dispatch_id = $1 GROUP BY 1 ORDER BY 1`,
      [id],
    );
    expect(levels).toEqual([
      { level: 'commune', n: 129 },
      { level: 'commune_police', n: 129 },
    ]);
    // Only units of today's Ninh Bình: nothing of the retired Nam Định.
    const [{ retired }] = await t.db.query(
      `SELECT count(*)::int AS retired FROM deliveries d JOIN units u ON u.id = d.unit_id WHERE d.dispatch_id = $1 AND u.retired_on IS NOT NULL`,
      [id],
    );
    expect(retired).toBe(0);
  });

  it('groups that need districts are refused with a 400 that says why, in Vietnamese', async () => {
    const pa05 = await signIn(t, Role.Issuer, 'CA-37-PA05');
    for (const group of ['all_district_committees', 'all_district_police']) {
      const dto = seedDispatchDto(
        { directorUnitId: (await unitByCode(t, 'CA-37-BGD')).id, archiveUnitIds: [] },
        {
          headerIssuer: 'CÔNG AN TỈNH NINH BÌNH',
          number: group.length,
          issuedDate: '2026-02-02',
          recipients: [{ purpose: 'action', group }],
        },
      );
      const id = (await t.http().post('/api/v1/dispatches').set(pa05.auth).send(dto).expect(201)).body.id;
      const res = await t.http().post(`/api/v1/dispatches/${id}/publish`).set(pa05.auth).expect(400);
      expect(res.body.message).toMatch(/Tỉnh Ninh Bình không có cấp huyện vào ngày 02\/02\/2026/);
      expect(res.body.message).toMatch(/UBND các xã, phường, đặc khu/);
      expect(res.body.details).toEqual({ groupsNeedingDistricts: [group] });
      await t.http().get(`/api/v1/dispatches/${id}/recipients/preview`).set(pa05.auth).expect(400);
    }
  });

  it('the old Nam Định report is unchanged: units, levels and units waiting below as they were', async () => {
    const now = (await t.http().get(`/api/v1/dispatches/${oldDispatchId}/report`).set(ndDirector.auth).expect(200)).body;
    expect({ ...now, generatedAt: null }).toEqual({ ...(oldReport as object), generatedAt: null });
    expect(now.levels.map((l: { level: string }) => l.level)).toEqual(['province', 'district', 'commune']);
    expect(now.blocking.some((b: { waitingBelow: number }) => b.waitingBelow > 0)).toBe(true);
  });

  it('a 2023 dispatch entered after the reform still reaches the units of 2023, which can pass it on', async () => {
    const pa05 = await signIn(t, Role.Issuer, 'CA-36-PA05');
    const units = { directorUnitId: (await unitByCode(t, 'CA-36-BGD')).id, archiveUnitIds: [(await unitByCode(t, 'CA-36-VT')).id] };
    const dto = seedDispatchDto(units, {
      number: 5300,
      ackDueAt: '2099-01-10T17:00:00+07:00',
      forwardDueAt: '2099-01-12T17:00:00+07:00',
      reportDueAt: '2099-02-01T17:00:00+07:00',
    });
    const id = (await t.http().post('/api/v1/dispatches').set(pa05.auth).send(dto).expect(201)).body.id;
    const published = (await t.http().post(`/api/v1/dispatches/${id}/publish`).set(pa05.auth).expect(200)).body;
    expect(published.deliveries).toBe(22 + 10 + 2);
    const haiHau = await signIn(t, Role.Officer, 'UBND-366');
    const delivery = await t.db.getRepository(Delivery).findOneByOrFail({ dispatchId: id, unitId: (await unitByCode(t, 'UBND-366')).id });
    expect(delivery.expectsForward).toBe(true);
    await t.http().post(`/api/v1/deliveries/${delivery.id}/acknowledge`).set(haiHau.auth).send({}).expect(200);
    const fwd = await t
      .http()
      .post(`/api/v1/deliveries/${delivery.id}/forward`)
      .set(haiHau.auth)
      .send({ targets: [{ group: 'all_commune_committees' }] })
      .expect(201);
    expect(fwd.body.forwarded).toBe(34);
  });

  it('the successor of old xã Hải Sơn (14272, huyện Hải Hậu) is Xã Hải Tiến (14218), and back', async () => {
    const found = (await t.http().get('/api/v1/units').query({ q: '14272', includeInactive: true }).set(admin.auth).expect(200)).body.items;
    expect(found).toHaveLength(1);
    const haiSon = (await t.http().get(`/api/v1/units/${found[0].id}`).set(admin.auth).expect(200)).body;
    expect(haiSon).toMatchObject({ name: 'Xã Hải Sơn', active: false, retiredOn: '2025-07-01', predecessors: [] });
    expect(haiSon.ancestors.map((a: { code: string }) => a.code)).toEqual(['36', '366']);
    expect(haiSon.successors).toEqual([
      expect.objectContaining({ code: '14218', name: 'Xã Hải Tiến', active: true, effectiveOn: '2025-07-01' }),
    ]);

    const haiTien = (await t.http().get(`/api/v1/units/${haiSon.successors[0].id}`).set(admin.auth).expect(200)).body;
    expect(haiTien.predecessors.map((p: { code: string; name: string }) => `${p.code} ${p.name}`)).toEqual([
      '14218 Thị trấn Cồn',
      '14272 Xã Hải Sơn',
      '14275 Xã Hải Tân',
    ]);
    // A body inherits the lineage of the area it serves.
    const ubnd = (
      await t
        .http()
        .get(`/api/v1/units/${(await unitByCode(t, 'UBND-14218')).id}`)
        .set(admin.auth)
        .expect(200)
    ).body;
    expect(ubnd.predecessors.map((p: { code: string }) => p.code)).toEqual(['UBND-14218', 'UBND-14272', 'UBND-14275']);
    // The unit pages: the area a body serves and its province, the bodies of an area, a unit's direct children.
    expect(ubnd.area).toMatchObject({ id: haiTien.id, code: '14218', name: 'Xã Hải Tiến', retiredOn: null });
    expect(ubnd.province).toMatchObject({ code: '37', name: 'Tỉnh Ninh Bình' });
    expect(haiSon.province).toMatchObject({ code: '36', name: 'Tỉnh Nam Định', retiredOn: '2025-07-01' });
    const served = (await t.http().get('/api/v1/units').query({ areaId: haiSon.id }).set(admin.auth).expect(200)).body;
    expect(served.total).toBe(0);
    const servedAll = (await t.http().get('/api/v1/units').query({ areaId: haiSon.id, includeInactive: true }).set(admin.auth).expect(200))
      .body;
    expect(servedAll.items.map((u: { code: string }) => u.code).sort()).toEqual(['CA-14272', 'UBND-14272']);
    expect(servedAll.items[0].province).toMatchObject({ code: '36' });
    const children = (
      await t
        .http()
        .get('/api/v1/units')
        .query({ parentId: (await unitByCode(t, 'UBND-37')).id, type: 'peoples_committee', limit: 1 })
        .set(admin.auth)
        .expect(200)
    ).body;
    expect(children.total).toBe(129);
  });

  it("a retired unit's scorecard shows its tree as it was", async () => {
    const url = `/api/v1/reports/units/${(await unitByCode(t, 'UBND-14272')).id}/scorecard`;
    const card = (await t.http().get(url).query({ from: '2023-01-01', to: '2099-12-31' }).set(admin.auth).expect(200)).body;
    expect(card.units.map((u: { unitCode: string }) => u.unitCode)).toEqual(['UBND-14272', 'CA-14272']);
    expect(card.units[0]).toMatchObject({ retiredOn: '2025-07-01', deliveries: 2 });
  });

  it("a new commune's scorecard includes its predecessors' history only on request", async () => {
    const leader = await signIn(t, Role.Leader, 'UBND-14218');
    const url = `/api/v1/reports/units/${(await unitByCode(t, 'UBND-14218')).id}/scorecard`;
    const plain = (await t.http().get(url).query({ from: '2023-01-01', to: '2026-12-31' }).set(leader.auth).expect(200)).body;
    expect(plain.predecessors).toBeUndefined();
    expect(plain.units.map((u: { unitCode: string }) => u.unitCode)).toEqual(['UBND-14218']);
    const full = (
      await t.http().get(url).query({ from: '2023-01-01', to: '2099-12-31', includePredecessors: true }).set(leader.auth).expect(200)
    ).body;
    const old = full.predecessors.find((u: { unitCode: string }) => u.unitCode === 'UBND-14272');
    expect(old).toMatchObject({ unitName: 'UBND xã Hải Sơn', retiredOn: '2025-07-01', deliveries: 2 });
    // The old commune police sat under the old UBND xã: its history comes too.
    expect(full.predecessors.map((u: { unitCode: string }) => u.unitCode)).toContain('CA-14272');
  });

  it('a provincial admin sees only the units of their own province', async () => {
    const nbAdmin = await signIn(t, Role.Admin, 'CA-37');
    const list = (await t.http().get('/api/v1/units').query({ type: 'peoples_committee', limit: 500 }).set(nbAdmin.auth).expect(200)).body;
    expect(list.total).toBe(130);
    expect(list.items.every((u: { code: string }) => u.code === 'UBND-37' || /^UBND-\d{5}$/.test(u.code))).toBe(true);
    const areas = (await t.http().get('/api/v1/units').query({ type: 'area', limit: 500 }).set(nbAdmin.auth).expect(200)).body;
    expect(areas.total).toBe(130);
    await t
      .http()
      .get(`/api/v1/units/${(await unitByCode(t, 'UBND-36')).id}`)
      .set(nbAdmin.auth)
      .expect(403);
    await t
      .http()
      .get(`/api/v1/units/${(await unitByCode(t, '37')).id}`)
      .set(nbAdmin.auth)
      .expect(200);
    const res = await t
      .http()
      .post('/api/v1/admin/provinces/onboard')
      .set(nbAdmin.auth)
      .send({ dataset: 'vn-2025-07-01', provinceCode: '01' });
    expect(res.status).toBe(403);
    const ndAdmin = await signIn(t, Role.Admin, 'CA-36');
    await t
      .http()
      .get(`/api/v1/units/${(await unitByCode(t, 'UBND-37')).id}`)
      .set(ndAdmin.auth)
      .expect(403);
  });

  it('refuses an unknown province and a three-level list over the reformed tree, in Vietnamese', async () => {
    const res = await t
      .http()
      .post('/api/v1/admin/provinces/onboard')
      .set(admin.auth)
      .send({ dataset: 'vn-2025-07-01', provinceCode: '36' })
      .expect(404);
    expect(res.body.message).toMatch(/không có tỉnh, thành phố mã 36/);
    const old = await t
      .http()
      .post('/api/v1/admin/provinces/onboard')
      .set(admin.auth)
      .send({ dataset: 'nam-dinh-2024-05-01', provinceCode: '36' })
      .expect(409);
    expect(old.body.message).toMatch(/cấu trúc trước ngày 01\/07\/2025/);
  });

  it('onboards from an uploaded CSV too', async () => {
    const csv = 'code,name,type,level,parent_code\n37,Tỉnh Ninh Bình,Tỉnh,1,\n13669,Phường Nam Định,Phường,2,37\n';
    const res = await t
      .http()
      .post('/api/v1/admin/provinces/onboard')
      .set(admin.auth)
      .field('provinceCode', '37')
      .attach('file', Buffer.from(csv), { filename: 'ninh-binh.csv', contentType: 'text/csv' })
      .expect(200);
    expect(res.body).toMatchObject({ structure: 'two_levels', areas: { total: 2, created: 0, unchanged: 2 }, lineage: null });
  });
});
