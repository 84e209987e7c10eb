import { Role } from '@app/database';
import { seedNamDinh, signIn } from './support/factories.js';
import { createTestApp, TestApp } from './support/test-app.js';

/**
 * Behind the reverse proxy the TCP peer is the proxy: with TRUST_PROXY the api takes the client's
 * address from X-Forwarded-For (the login limit is then per client, and the audit names it);
 * without it, a forged X-Forwarded-For changes nothing.
 */
describe.each([
  ['trusted (TRUST_PROXY=loopback)', { TRUST_PROXY: 'loopback' }, true],
  ['not trusted (TRUST_PROXY unset)', {}, false],
])('X-Forwarded-For from a proxy %s', (_name, env: Record<string, string>, trusted) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ ...env, LOGIN_RATE_LIMIT: '100', LOGIN_ADDRESS_LIMIT: '3', LOGIN_SPRAY_LIMIT: '100' });
    await seedNamDinh(t);
  });
  afterAll(() => t?.close());

  const badLogin = (from: string) =>
    t.http().post('/api/v1/auth/login').set('X-Forwarded-For', from).send({ email: 'khong-co@test.local', password: 'sai-mat-khau-1' });

  it(trusted ? 'records the client address in the audit trail' : 'records the TCP peer in the audit trail', async () => {
    const admin = await signIn(t, Role.Admin, 'HE-THONG');
    const unit = (await t.db.query(`SELECT id FROM units WHERE code = 'UBND-366'`))[0] as { id: string };
    const created = await t
      .http()
      .post('/api/v1/users')
      .set(admin.auth)
      .set('X-Forwarded-For', '192.0.2.44')
      .send({
        email: `xff-${trusted}@test.local`,
        fullName: 'Văn thư',
        password: 'Một-mật-khẩu-đủ-dài-2026!',
        role: 'officer',
        unitId: unit.id,
      })
      .expect(201);
    const [{ ip }] = (await t.db.query(`SELECT ip FROM audit_events WHERE entity_id = $1 ORDER BY id LIMIT 1`, [created.body.id])) as {
      ip: string;
    }[];
    if (trusted) expect(ip).toBe('192.0.2.44');
    else expect(ip).toMatch(/127\.0\.0\.1|::1/);
  });

  // Last: it leaves the test's own address locked out.
  it(trusted ? 'limits logins per client behind the proxy' : 'limits logins per TCP peer, whatever the header says', async () => {
    for (let i = 0; i < 3; i++) await badLogin('203.0.113.7').expect(401);
    await badLogin('203.0.113.7').expect(429);
    // Another client behind the same proxy: its own count when the proxy is trusted; a forged
    // header is no way around the limit when it is not.
    await badLogin('198.51.100.9').expect(trusted ? 401 : 429);
  });
});
