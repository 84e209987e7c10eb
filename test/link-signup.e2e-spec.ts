import { Delivery, Role } from '@app/database';
import { linkTokenFor, seedNamDinh, signIn, SignedIn, unitByCode } from './support/factories.js';
import { seedDispatchDto } from './support/seed-dispatch.js';
import { createTestApp, TestApp } from './support/test-app.js';

const STRONG = 'Phát-loa-ba-buổi-Hải-Hậu-2024!';
const BROWSER = 'Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 Chrome/126.0 Mobile Safari/537.36';

interface Commune {
  id: string;
  code: string;
  name: string;
}

/** PA05 publishes a dispatch to these units (deadlines far ahead); returns each unit's delivery id. */
async function publishTo(t: TestApp, pa05: SignedIn, units: Commune[]): Promise<Record<string, string>> {
  const dto = seedDispatchDto(
    { directorUnitId: (await unitByCode(t, 'CA-36-BGD')).id, archiveUnitIds: [] },
    {
      recipients: units.map((u) => ({ purpose: 'action', unitId: u.id })),
      ackDueAt: '2099-01-10T17:00:00+07:00',
      forwardDueAt: '2099-01-12T17:00:00+07:00',
      reportDueAt: '2099-02-01T17:00:00+07:00',
    },
  );
  const dispatchId = (await t.http().post('/api/v1/dispatches').set(pa05.auth).send(dto).expect(201)).body.id as string;
  await t.http().post(`/api/v1/dispatches/${dispatchId}/publish`).set(pa05.auth).expect(200);
  const rows = await t.db.getRepository(Delivery).findBy({ dispatchId });
  return Object.fromEntries(rows.map((d) => [d.unitId, d.id]));
}

/** UBND xã of huyện Hải Hậu, in code order. */
const haiHauCommunes = async (t: TestApp): Promise<Commune[]> =>
  t.db.query(
    `SELECT id, code, name FROM units WHERE parent_id = (SELECT id FROM units WHERE code = 'UBND-366' AND retired_on IS NULL)
        AND type = 'peoples_committee' AND active ORDER BY code`,
  );

/**
 * "Tạo tài khoản cho đơn vị" from the e-mail link (issue 11, item 3): an admin allows it on UBND huyện Hải
 * Hậu, its communes inherit it; a commune with no account creates one through its link, signs in and finds
 * the dispatch in its inbox. Where it is not allowed, or the link has expired, or the e-mail is taken, or
 * the unit already has an account, nothing is written.
 */
describe('Creating a unit account through its e-mail link', () => {
  let t: TestApp;
  let admin: SignedIn;
  let pa05: SignedIn;
  let communes: Commune[];
  let deliveryOf: Record<string, string>;
  let haiHauId: string;
  const token: Record<string, string> = {};
  const [A, B, C, D, E, F, G] = [0, 1, 2, 3, 4, 5, 6];

  const account = (i: number, body: object, ua = BROWSER) =>
    t.http().post(`/api/v1/ack-links/${token[communes[i].id]}/account`).set('User-Agent', ua).send(body);
  const workspace = async (i: number) =>
    (await t.http().get(`/api/v1/ack-links/${token[communes[i].id]}/workspace`).expect(200)).body as { accountSignup: string };
  const usersOf = async (i: number): Promise<{ id: string; email: string; role: string }[]> =>
    t.db.query(`SELECT id, email, role FROM users WHERE unit_id = $1`, [communes[i].id]);
  const signupAudits = async (i: number): Promise<Record<string, unknown>[]> =>
    t.db.query(`SELECT * FROM audit_events WHERE action = 'user.created_by_link' AND actor_unit_id = $1`, [communes[i].id]);

  beforeAll(async () => {
    t = await createTestApp({ LINK_SIGNUP_LIMIT: '100', LINK_SIGNUP_ADDRESS_LIMIT: '1000' });
    await seedNamDinh(t);
    admin = await signIn(t, Role.Admin, 'HE-THONG');
    pa05 = await signIn(t, Role.Issuer, 'CA-36-PA05');
    haiHauId = (await unitByCode(t, 'UBND-366')).id;
    communes = (await haiHauCommunes(t)).slice(0, 7);
    expect(communes).toHaveLength(7);
    deliveryOf = await publishTo(t, pa05, communes);
    for (const c of communes) token[c.id] = await linkTokenFor(t, deliveryOf[c.id]);
  });
  afterAll(() => t?.close());

  it('is not allowed by default: the link page does not offer it and the api refuses with 403, writing nothing', async () => {
    expect((await workspace(A)).accountSignup).toBe('not_allowed');
    const res = await account(A, { fullName: 'Trần Thị Văn Thư', email: 'vanthu.a@xa.example', password: STRONG }).expect(403);
    expect(res.body).toMatchObject({ code: 'LINK_SIGNUP_NOT_ALLOWED' });
    expect(res.body.message).toMatch(/chưa được phép tự tạo tài khoản/);
    expect(await usersOf(A)).toEqual([]);
    const setting = await t.http().get(`/api/v1/units/${communes[A].id}/link-signup`).set(admin.auth).expect(200);
    expect(setting.body).toEqual({ unitId: communes[A].id, setting: 'inherit', allowed: false, decidedBy: null });
  });

  it('an admin allows it on UBND huyện Hải Hậu, audited; its communes inherit it; leaders and officers may not set it', async () => {
    for (const role of [Role.Officer, Role.Leader]) {
      const who = await signIn(t, role, 'UBND-366');
      await t.http().put(`/api/v1/units/${haiHauId}/link-signup`).set(who.auth).send({ setting: 'allow' }).expect(403);
    }
    await t.http().put(`/api/v1/units/${haiHauId}/link-signup`).set(admin.auth).send({ setting: 'sometimes' }).expect(400);
    const set = await t.http().put(`/api/v1/units/${haiHauId}/link-signup`).set(admin.auth).send({ setting: 'allow' }).expect(200);
    expect(set.body).toMatchObject({ setting: 'allow', allowed: true, decidedBy: { id: haiHauId, code: 'UBND-366' } });
    // Setting it again changes nothing and writes no second event.
    await t.http().put(`/api/v1/units/${haiHauId}/link-signup`).set(admin.auth).send({ setting: 'allow' }).expect(200);
    const audit: { actor_user_id: string; before: unknown; after: unknown; ip: string | null }[] = await t.db.query(
      `SELECT actor_user_id, before, after, ip FROM audit_events WHERE action = 'unit.link_signup_changed' AND entity_id = $1`,
      [haiHauId],
    );
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actor_user_id: admin.user.id, before: { linkSignup: 'inherit' }, after: { linkSignup: 'allow' } });
    expect(audit[0].ip).toBeTruthy();
    const inherited = await t.http().get(`/api/v1/units/${communes[A].id}/link-signup`).set(admin.auth).expect(200);
    expect(inherited.body).toMatchObject({ setting: 'inherit', allowed: true, decidedBy: { code: 'UBND-366' } });
  });

  it('a commune creates its account through its link, signs in and finds the dispatch in its inbox', async () => {
    expect((await workspace(A)).accountSignup).toBe('available');
    // The one password rule, in Vietnamese; nothing written.
    const weak = await account(A, { fullName: 'Trần Thị Văn Thư', email: 'vanthu.a@xa.example', password: 'aaaaaaaaaaaa' }).expect(400);
    expect(weak.body.message).toMatch(/Mật khẩu quá dễ đoán/);
    const short = await account(A, { fullName: 'Trần Thị Văn Thư', email: 'not-an-email', password: 'short' }).expect(400);
    expect(short.body.message).toMatch(/email|password/);
    expect(await usersOf(A)).toEqual([]);

    const made = await account(A, { fullName: 'Trần Thị Văn Thư', email: ' VanThu.A@Xa.Example ', password: STRONG }).expect(201);
    expect(made.body).toEqual({
      id: expect.any(String),
      email: 'vanthu.a@xa.example',
      fullName: 'Trần Thị Văn Thư',
      role: 'officer',
      unitId: communes[A].id,
      unitName: communes[A].name,
    });
    expect(await usersOf(A)).toEqual([{ id: made.body.id, email: 'vanthu.a@xa.example', role: 'officer' }]);

    const [audit, ...more] = await signupAudits(A);
    expect(more).toEqual([]);
    expect(audit).toMatchObject({
      entity_type: 'user',
      entity_id: made.body.id,
      actor_user_id: null,
      dispatch_id: expect.any(String),
      after: { email: 'vanthu.a@xa.example', fullName: 'Trần Thị Văn Thư', role: 'officer', unitId: communes[A].id },
    });
    expect(audit.ip).toBeTruthy();
    expect(audit.actor_name).toMatch(/^Qua liên kết e-mail \(Mozilla\/5\.0 .*Chrome/);
    expect(JSON.stringify(audit)).not.toMatch(/argon2|Phát-loa/);

    const login = await t.http().post('/api/v1/auth/login').send({ email: 'vanthu.a@xa.example', password: STRONG }).expect(200);
    expect(login.body.user).toMatchObject({ role: 'officer', unitId: communes[A].id });
    const inbox = await t
      .http()
      .get('/api/v1/inbox')
      .set({ Authorization: `Bearer ${login.body.accessToken}` })
      .expect(200);
    expect(inbox.body.items.map((d: { id: string }) => d.id)).toContain(deliveryOf[communes[A].id]);

    // The unit has its account now: the page stops offering, and the api refuses a second.
    expect((await workspace(A)).accountSignup).toBe('unit_has_account');
    const again = await account(A, { fullName: 'Nguyễn Văn Khác', email: 'khac.a@xa.example', password: STRONG }).expect(409);
    expect(again.body).toMatchObject({ code: 'LINK_SIGNUP_UNIT_HAS_ACCOUNT' });
    expect(again.body.message).toMatch(/Đơn vị đã có tài khoản/);
  });

  it('an e-mail that already has an account is a 409 naming it, and nothing is written', async () => {
    const res = await account(B, { fullName: 'Lê Văn Bình', email: 'VANTHU.A@xa.example', password: STRONG }).expect(409);
    expect(res.body).toMatchObject({ code: 'ACCOUNT_EMAIL_TAKEN' });
    expect(res.body.message).toContain('E-mail vanthu.a@xa.example đã được dùng');
    expect(await usersOf(B)).toEqual([]);
    expect(await signupAudits(B)).toEqual([]);
    expect((await workspace(B)).accountSignup).toBe('available');
  });

  it('an expired, replaced or tampered link creates nothing', async () => {
    const id = deliveryOf[communes[C].id];
    const body = { fullName: 'Phạm Thị Cúc', email: 'cuc.c@xa.example', password: STRONG };
    const post = (tok: string) => t.http().post(`/api/v1/ack-links/${tok}/account`).send(body);
    const expired = await post(await linkTokenFor(t, id, new Date(Date.now() - 60_000))).expect(410);
    expect(expired.body.message).toMatch(/hết hạn/);
    const replaced = await post(await linkTokenFor(t, id, new Date(Date.now() + 86_400_000))).expect(410);
    expect(replaced.body.message).toMatch(/không còn hiệu lực/);
    const good = token[communes[C].id];
    await post(`${good.slice(0, 5)}${good[5] === 'A' ? 'B' : 'A'}${good.slice(6)}`).expect(400);
    expect(await usersOf(C)).toEqual([]);
    expect(await signupAudits(C)).toEqual([]);
  });

  it('an admin can exclude one commune of an allowed district: its page offers nothing and the api says 403', async () => {
    const res = await t.http().put(`/api/v1/units/${communes[D].id}/link-signup`).set(admin.auth).send({ setting: 'deny' }).expect(200);
    expect(res.body).toMatchObject({ setting: 'deny', allowed: false, decidedBy: { id: communes[D].id } });
    expect((await workspace(D)).accountSignup).toBe('not_allowed');
    await account(D, { fullName: 'Đỗ Văn Dũng', email: 'dung.d@xa.example', password: STRONG }).expect(403);
    expect(await usersOf(D)).toEqual([]);
  });

  it('concurrent submissions for one unit give one account and one audit event; the others get 409', async () => {
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        account(E, { fullName: `Cán bộ số ${i + 1}`, email: `canbo${i + 1}.e@xa.example`, password: STRONG }),
      ),
    );
    const statuses = results.map((r) => r.status).sort();
    expect(statuses).toEqual([201, 409, 409, 409, 409, 409, 409, 409]);
    expect(results.filter((r) => r.status === 409).every((r) => r.body.code === 'LINK_SIGNUP_UNIT_HAS_ACCOUNT')).toBe(true);
    const users = await usersOf(E);
    expect(users).toHaveLength(1);
    expect(users[0].email).toBe(results.find((r) => r.status === 201)!.body.email);
    expect(await signupAudits(E)).toHaveLength(1);
  });

  it('one e-mail submitted at once for two units gives one account; the other gets 409', async () => {
    const body = { fullName: 'Vũ Thị Giang', email: 'giang@xa.example', password: STRONG };
    const results = await Promise.all([account(F, body), account(G, body)]);
    expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
    expect(results.find((r) => r.status === 409)!.body.code).toBe('ACCOUNT_EMAIL_TAKEN');
    const [users]: { n: number }[] = await t.db.query(`SELECT count(*)::int AS n FROM users WHERE email = 'giang@xa.example'`);
    expect(users.n).toBe(1);
    expect((await signupAudits(F)).length + (await signupAudits(G)).length).toBe(1);
  });
});

describe('Creating a unit account through a link is rate-limited', () => {
  let t: TestApp;
  let communes: Commune[];
  const token: Record<string, string> = {};

  beforeAll(async () => {
    t = await createTestApp({ LINK_SIGNUP_LIMIT: '3', LINK_SIGNUP_ADDRESS_LIMIT: '5' });
    await seedNamDinh(t);
    const admin = await signIn(t, Role.Admin, 'HE-THONG');
    const pa05 = await signIn(t, Role.Issuer, 'CA-36-PA05');
    await t
      .http()
      .put(`/api/v1/units/${(await unitByCode(t, 'UBND-366')).id}/link-signup`)
      .set(admin.auth)
      .send({ setting: 'allow' })
      .expect(200);
    communes = (await haiHauCommunes(t)).slice(0, 2);
    const deliveryOf = await publishTo(t, pa05, communes);
    for (const c of communes) token[c.id] = await linkTokenFor(t, deliveryOf[c.id]);
  });
  afterAll(() => t?.close());

  it('per link (3 an hour) and per address (5 an hour); a refused attempt writes nothing, even with a good password', async () => {
    const post = (i: number, password: string) =>
      t
        .http()
        .post(`/api/v1/ack-links/${token[communes[i].id]}/account`)
        .send({ fullName: 'Hoàng Văn Em', email: `em${i}@xa.example`, password });
    for (let n = 0; n < 3; n++) await post(0, 'aaaaaaaaaaaa').expect(400);
    const limited = await post(0, STRONG).expect(429);
    expect(limited.headers['retry-after']).toMatch(/^\d+$/);
    expect(limited.body.message).toMatch(/Có quá nhiều lần tạo tài khoản qua liên kết này\. Vui lòng thử lại sau \d+ phút\./);
    // Four attempts from this address so far: the other link gets one more, then the address is spent.
    await post(1, 'aaaaaaaaaaaa').expect(400);
    await post(1, STRONG).expect(429);
    const [users]: { n: number }[] = await t.db.query(`SELECT count(*)::int AS n FROM users WHERE unit_id = ANY($1::uuid[])`, [
      communes.map((c) => c.id),
    ]);
    expect(users.n).toBe(0);
  });
});
