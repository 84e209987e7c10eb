import { Role } from '@app/database';
import { seedNamDinh, signIn, SignedIn } from './support/factories.js';
import { createTestApp, TestApp } from './support/test-app.js';

/** Bull Board at /admin/queues: installation admins only, through a short-lived cookie; both queue backends. */
describe.each([
  ['Redis', {}],
  ['PostgreSQL', { REDIS_URL: undefined }],
])('Queue board (Bull Board) on %s', (_backend, env: Record<string, string | undefined>) => {
  let t: TestApp;
  let admin: SignedIn;
  let issuer: SignedIn;
  let provinceAdmin: SignedIn;

  beforeAll(async () => {
    t = await createTestApp(env);
    await seedNamDinh(t);
    admin = await signIn(t, Role.Admin, 'HE-THONG');
    provinceAdmin = await signIn(t, Role.Admin, 'CA-36');
    issuer = await signIn(t, Role.Issuer, 'CA-36-PA05');
  });
  afterAll(() => t?.close());

  const boardCookie = async (who: SignedIn) => {
    const res = await t.http().post('/api/v1/admin/queue-board/session').set(who.auth);
    const cookie = (res.headers['set-cookie'] as unknown as string[] | undefined)?.[0]?.split(';')[0];
    return { status: res.status, cookie, body: res.body as { url: string; expiresAt: string } };
  };

  it('without a board session: a sign-in page for browsers, 401 for API calls', async () => {
    const page = await t.http().get('/admin/queues').set('Accept', 'text/html').expect(401);
    expect(page.text).toContain('Bảng hàng đợi');
    expect(page.text).toContain('/admin/queues/sign-in.js');
    await t
      .http()
      .get('/admin/queues/sign-in.js')
      .expect(200)
      .expect('Content-Type', /javascript/);
    await t.http().get('/admin/queues/api/queues').set('Accept', 'application/json').expect(401);
    // The api's bearer token is not a board session, in a header or as the cookie.
    await t.http().get('/admin/queues/api/queues').set(admin.auth).set('Accept', 'application/json').expect(401);
    await t
      .http()
      .get('/admin/queues/api/queues')
      .set('Cookie', `cvt_queue_board=${admin.token}`)
      .set('Accept', 'application/json')
      .expect(401);
  });

  it('only an installation admin gets the session cookie (HttpOnly, SameSite=Strict, 15 minutes, path /admin/queues)', async () => {
    expect((await boardCookie(issuer)).status).toBe(403);
    expect((await boardCookie(provinceAdmin)).status).toBe(403);
    const res = await t.http().post('/api/v1/admin/queue-board/session').set(admin.auth).expect(200);
    expect(res.body.url).toBe('/admin/queues');
    const setCookie = (res.headers['set-cookie'] as unknown as string[])[0];
    expect(setCookie).toMatch(/^cvt_queue_board=[^;]+; Path=\/admin\/queues; Max-Age=900; HttpOnly; SameSite=Strict/);
  });

  it('with the cookie: the board page and its API list the mail, reports and follow-up queues', async () => {
    const { cookie } = await boardCookie(admin);
    const page = await t.http().get('/admin/queues').set('Cookie', cookie!).set('Accept', 'text/html').expect(200);
    expect(page.text).toContain('Hàng đợi: theo dõi công văn');
    const api = await t.http().get('/admin/queues/api/queues').set('Cookie', cookie!).set('Accept', 'application/json').expect(200);
    const names = (api.body.queues as { name: string }[]).map((q) => q.name).sort();
    expect(names).toEqual(['follow-up', 'mail', 'reports']);
  });
});
