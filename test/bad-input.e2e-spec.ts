import { Role, UnitLevel, UnitType } from '@app/database';
import { seedNamDinh, signIn, SignedIn, unitByCode } from './support/factories.js';
import { seedDispatchDto, SeedRecipientUnits } from './support/seed-dispatch.js';
import { createTestApp, TestApp } from './support/test-app.js';
import { SYSTEM_UNIT } from '../apps/api/src/seed/seed.service.js';

const STRONG = 'Lúa-chiêm-Hải-Hậu-2024!';
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

/** The probe's "500 instead of 4xx" list, the headers, and totals past the last page. */
describe('Bad input gets a 4xx (the probe)', () => {
  let t: TestApp;
  let admin: SignedIn;
  let pa05: SignedIn;
  let officer: SignedIn;
  let units: SeedRecipientUnits;
  let dispatchId: string;

  beforeAll(async () => {
    t = await createTestApp();
    await seedNamDinh(t);
    admin = await signIn(t, Role.Admin, 'CA-36');
    pa05 = await signIn(t, Role.Issuer, 'CA-36-PA05');
    officer = await signIn(t, Role.Officer, 'UBND-366');
    units = { directorUnitId: (await unitByCode(t, 'CA-36-BGD')).id, archiveUnitIds: [] };
    const haiHau = await unitByCode(t, 'UBND-366');
    const dto = seedDispatchDto(units, { number: 7001, recipients: [{ purpose: 'action', unitId: haiHau.id }] });
    dispatchId = (await t.http().post('/api/v1/dispatches').set(pa05.auth).send(dto).expect(201)).body.id;
    await t.http().post(`/api/v1/dispatches/${dispatchId}/publish`).set(pa05.auth).expect(200);
  });
  afterAll(() => t.close());

  const create = (overrides: Record<string, unknown>) =>
    t.http().post('/api/v1/dispatches').set(pa05.auth).send(seedDispatchDto(units, overrides));

  it('page=1e20 on every paginated list is a 400 naming page', async () => {
    const lists = [
      '/api/v1/units',
      '/api/v1/users',
      '/api/v1/dispatches',
      '/api/v1/inbox',
      `/api/v1/audit?dispatchId=${dispatchId}`,
      '/api/v1/reports/dashboard',
      `/api/v1/dispatches/${dispatchId}/deliveries`,
    ];
    for (const url of lists) {
      const res = await t.http().get(url).query({ page: '1e20' }).set(admin.auth);
      expect(`${url} ${res.status} ${res.body.message}`).toMatch(/ 400 .*page/);
    }
  });

  it('a body nested 15,000 levels deep is a 400', async () => {
    const deep = `${'['.repeat(15_000)}${']'.repeat(15_000)}`;
    const res = await t.http().post('/api/v1/dispatches').set(pa05.auth).set('Content-Type', 'application/json').send(`{"tasks":${deep}}`);
    expect(res.status).toBe(400);
    expect(res.body.message).toMatch(/lồng nhau/);
  });

  it('a body over 1 MB is a 413', async () => {
    const res = await create({ body: 'x'.repeat(1_100_000) });
    expect(res.status).toBe(413);
  });

  it('an integer of 2^31 or more in number or tasks[].number is a 400', async () => {
    expect((await create({ number: 2 ** 31 })).status).toBe(400);
    const tasks = [{ number: 2 ** 31, text: 'Nhiệm vụ', channels: [] }];
    expect((await create({ number: 7002, tasks })).status).toBe(400);
  });

  it('a recipient with both unitId and group is a 400; an unknown unitId a 4xx naming the field', async () => {
    const haiHau = await unitByCode(t, 'UBND-366');
    const both = await create({ number: 7003, recipients: [{ purpose: 'action', unitId: haiHau.id, group: 'all_departments' }] });
    expect(both.status).toBe(400);
    const unknown = await create({ number: 7004, recipients: [{ purpose: 'action', unitId: '00000000-0000-4000-8000-000000000000' }] });
    expect([400, 404]).toContain(unknown.status);
    expect(unknown.body.message).toMatch(/unitId|đơn vị/);
  });

  it('NUL bytes, bidi overrides, CR/LF and zero-width-only names are refused', async () => {
    expect((await create({ number: 7005, subject: 'V/v \u0000 thử' })).status).toBe(400);
    const unit = await unitByCode(t, 'UBND-366');
    const user = (fullName: string) =>
      t
        .http()
        .post('/api/v1/users')
        .set(admin.auth)
        .send({
          email: `u${Math.random().toString(36).slice(2)}@test.local`,
          fullName,
          password: STRONG,
          role: 'officer',
          unitId: unit.id,
        });
    for (const name of ['\u200B\u200B\u200B', 'Nguyễn \u202EnăV', 'Nguyễn\r\nVăn A', 'A\u0000B']) {
      const res = await user(name);
      expect(`${JSON.stringify(name)} ${res.status}`).toBe(`${JSON.stringify(name)} 400`);
    }
    const ok = await user('  Nguyễn\u200B Văn A ').expect(201);
    expect(ok.body.fullName).toBe('Nguyễn Văn A');
  });

  // Found by the fuzz test (test/fuzz.e2e-spec.ts): both were 500s.
  it('null for an account or unit field that has no null value is a 400, not a 500', async () => {
    const officerId = officer.user.id;
    for (const field of ['password', 'fullName', 'role', 'active', 'unitId']) {
      const res = await t
        .http()
        .patch(`/api/v1/users/${officerId}`)
        .set(admin.auth)
        .send({ [field]: null });
      expect(`${field} ${res.status}`).toBe(`${field} 400`);
      expect(res.body.message).toMatch(new RegExp(`Dữ liệu không hợp lệ — ${field}`));
    }
    // title may be cleared.
    await t.http().patch(`/api/v1/users/${officerId}`).set(admin.auth).send({ title: null }).expect(200);
    const haiHau = await unitByCode(t, 'UBND-366');
    for (const field of ['name', 'type', 'emails']) {
      const res = await t
        .http()
        .patch(`/api/v1/units/${haiHau.id}`)
        .set(admin.auth)
        .send({ [field]: null });
      expect(`unit ${field} ${res.status}`).toBe(`unit ${field} 400`);
    }
  });

  it('a lone UTF-16 surrogate in an e-mail is a 400, at login and in a unit', async () => {
    const login = await t.http().post('/api/v1/auth/login').send({ email: 'a\uD800b@test.local', password: 'x' });
    expect(login.status).toBe(400);
    expect(login.body.message).toMatch(/email.*Unicode hỏng/);
    const unit = await t
      .http()
      .post('/api/v1/units')
      .set(admin.auth)
      .send({ code: 'SURR-1', name: 'Tổ thử', type: UnitType.Other, level: UnitLevel.District, emails: ['x\uD800@test.local'] });
    expect(unit.status).toBe(400);
  });

  it('a list element that is not an object (tasks, recipients, targets, departments) is a 400 naming the list', async () => {
    expect((await create({ number: 7008, tasks: [[]] })).body.message).toMatch(/tasks/);
    expect((await create({ number: 7009, recipients: [[]] })).status).toBe(400);
    const added = await t
      .http()
      .post(`/api/v1/dispatches/${dispatchId}/recipients`)
      .set(pa05.auth)
      .send({ recipients: [['x']] });
    expect(added.status).toBe(400);
    const delivery = (await t.db.query(`SELECT id FROM deliveries WHERE dispatch_id = $1 LIMIT 1`, [dispatchId]))[0].id as string;
    const forward = await t
      .http()
      .post(`/api/v1/deliveries/${delivery}/forward`)
      .set(officer.auth)
      .send({ targets: [[]] });
    expect(forward.status).toBe(400);
    const installAdmin = await signIn(t, Role.Admin, SYSTEM_UNIT);
    for (const field of ['departments', 'policeDepartments']) {
      const res = await t
        .http()
        .post('/api/v1/admin/provinces/onboard')
        .set(installAdmin.auth)
        .send({ dataset: 'vn-2025-07-01', provinceCode: '37', [field]: [[]] });
      expect(`${field} ${res.status} ${res.body.message}`).toMatch(new RegExp(`^${field} 400 .*${field}`));
    }
  });

  it('an attachment file name over 255 characters is kept, cut to 255 with its extension', async () => {
    const draft = (await create({ number: 7006 }).expect(201)).body.id;
    const name = `${'Báo cáo kết quả '.repeat(30)}.pdf`;
    const res = await t.http().post(`/api/v1/dispatches/${draft}/attachments`).set(pa05.auth).attach('file', PDF, name).expect(201);
    expect([...res.body.fileName]).toHaveLength(255);
    expect(res.body.fileName.endsWith('.pdf')).toBe(true);
  });

  it('10 concurrent creations of one user e-mail or one unit code: one 201, the rest 409', async () => {
    const unit = await unitByCode(t, 'UBND-366');
    const users = await Promise.all(
      Array.from({ length: 10 }, () =>
        t
          .http()
          .post('/api/v1/users')
          .set(admin.auth)
          .send({ email: 'trung@test.local', fullName: 'Trùng Lặp', password: STRONG, role: 'officer', unitId: unit.id }),
      ),
    );
    expect(users.map((r) => r.status).sort()).toEqual([201, ...Array(9).fill(409)]);
    const parent = await unitByCode(t, 'UBND-366');
    const unitsMade = await Promise.all(
      Array.from({ length: 10 }, () =>
        t.http().post('/api/v1/units').set(admin.auth).send({
          code: 'TRUNG-1',
          name: 'Tổ công tác trùng',
          type: UnitType.Other,
          level: UnitLevel.District,
          parentId: parent.id,
        }),
      ),
    );
    expect(unitsMade.map((r) => r.status).sort()).toEqual([201, ...Array(9).fill(409)]);
  });

  it('total stays right on a page past the end (dashboard, deliveries, inbox)', async () => {
    const past = { page: 1000, limit: 1 };
    const dash = await t.http().get('/api/v1/reports/dashboard').query(past).set(pa05.auth).expect(200);
    expect(dash.body).toMatchObject({ items: [], total: expect.any(Number) });
    expect(dash.body.total).toBeGreaterThanOrEqual(1);
    const deliveries = await t.http().get(`/api/v1/dispatches/${dispatchId}/deliveries`).query(past).set(pa05.auth).expect(200);
    expect(deliveries.body).toMatchObject({ items: [], total: 1 });
    const inbox = await t.http().get('/api/v1/inbox').query(past).set(officer.auth).expect(200);
    expect(inbox.body).toMatchObject({ items: [], total: 1 });
  });

  it('sends security headers everywhere, downloads included, and no X-Powered-By', async () => {
    const draft = (await create({ number: 7007 }).expect(201)).body.id;
    const file = await t.http().post(`/api/v1/dispatches/${draft}/attachments`).set(pa05.auth).attach('file', PDF, 'a.pdf').expect(201);
    const responses = [
      await t.http().get('/'),
      await t.http().get('/api/v1/units').set(admin.auth),
      await t.http().get('/api/v1/units'),
      await t.http().get(`/api/v1/dispatches/${draft}/attachments/${file.body.id}`).set(pa05.auth),
    ];
    for (const res of responses) {
      expect(res.headers['content-security-policy']).toMatch(/script-src 'self'(;|$)/);
      expect(res.headers['content-security-policy']).toMatch(/frame-ancestors 'none'/);
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['x-frame-options']).toBe('DENY');
      expect(res.headers['referrer-policy']).toBe('no-referrer');
      expect(res.headers['x-powered-by']).toBeUndefined();
      expect(res.headers['strict-transport-security']).toBeUndefined();
    }
  });
});
