import { Role } from '@app/database';
import { seedNamDinh, signIn, TEST_PASSWORD } from './support/factories.js';
import { createTestApp, TestApp } from './support/test-app.js';

describe('Login rate limiting', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({ LOGIN_RATE_LIMIT: '3' });
    await seedNamDinh(t);
  });
  afterAll(() => t.close());

  it('refuses the attempt after LOGIN_RATE_LIMIT in a minute for one address and e-mail, with a clear message', async () => {
    const officer = await signIn(t, Role.Officer, 'UBND-366'); // one attempt used
    const email = officer.user.email;
    await t.http().post('/api/v1/auth/login').send({ email, password: 'wrong-password-1' }).expect(401);
    await t.http().post('/api/v1/auth/login').send({ email, password: 'wrong-password-2' }).expect(401);
    // The fourth attempt is refused even with the right password.
    const res = await t.http().post('/api/v1/auth/login').send({ email, password: TEST_PASSWORD }).expect(429);
    expect(res.body).toMatchObject({ statusCode: 429, error: 'TOO_MANY_REQUESTS', message: expect.stringMatching(/thử lại sau \d+ giây/) });
    // Another account from the same address is not locked out.
    await signIn(t, Role.Officer, 'UBND-365');
  });
});
