import { Role } from '@app/database';
import { Test } from '@nestjs/testing';
import request from 'supertest';
import { AppModule } from '../apps/api/src/app.module.js';
import { configureApp } from '../apps/api/src/configure-app.js';
import { seedNamDinh, signIn, SignedIn, TEST_PASSWORD } from './support/factories.js';
import { createTestApp, TestApp } from './support/test-app.js';

const LIMITS = { LOGIN_RATE_LIMIT: '3', LOGIN_ADDRESS_LIMIT: '8', LOGIN_SPRAY_LIMIT: '4', LOGIN_WINDOW_SECONDS: '600' };

describe('Login rate limiting per address', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ LOGIN_RATE_LIMIT: '100', LOGIN_ADDRESS_LIMIT: '4', LOGIN_SPRAY_LIMIT: '100' });
    await seedNamDinh(t);
  });
  afterAll(() => t?.close());

  const login = (email: string, password: string) => t.http().post('/api/v1/auth/login').send({ email, password });

  it('counts every failure from one address, whatever the account; successful logins give theirs back', async () => {
    const a = await signIn(t, Role.Officer, 'UBND-366');
    const b = await signIn(t, Role.Officer, 'UBND-365');
    for (const u of [a, b, a, b]) await login(u.user.email, 'nope-nope-nope').expect(401);
    await login(a.user.email, TEST_PASSWORD).expect(429);
  });
});

describe('Login rate limiting against password spraying', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ LOGIN_RATE_LIMIT: '100', LOGIN_ADDRESS_LIMIT: '100', LOGIN_SPRAY_LIMIT: '4' });
    await seedNamDinh(t);
  });
  afterAll(() => t?.close());

  const login = (email: string, password: string) => t.http().post('/api/v1/auth/login').send({ email, password });

  it('once one address failed on 4 distinct accounts, a 5th account is refused, even with its right password', async () => {
    const victims: SignedIn[] = [];
    for (let i = 0; i < 5; i++) victims.push(await signIn(t, Role.Officer, 'UBND-364'));
    // Failing one account many times is the per-account limit's business, not spraying.
    for (let i = 0; i < 5; i++) await login(victims[0].user.email, 'Spring2024!').expect(401);
    for (const v of victims.slice(1, 4)) await login(v.user.email, 'Spring2024!').expect(401);
    const res = await login(victims[4].user.email, TEST_PASSWORD).expect(429);
    expect(res.headers['retry-after']).toMatch(/^\d+$/);
    expect(res.body.message).toMatch(/thử lại sau/);
  });
});

/**
 * Login protection shared by every api process: Redis when the queues use it, else PostgreSQL.
 * Last in the file: choosing BullMQ's PostgreSQL backend is process-wide (setDefaultBackendFactory).
 */
describe.each([
  ['Redis', {}],
  ['PostgreSQL (no REDIS_URL)', { REDIS_URL: '' }],
])('Login rate limiting on %s', (_store, env) => {
  let t: TestApp;
  let second: { http: () => ReturnType<typeof request>; close: () => Promise<unknown> };

  beforeAll(async () => {
    t = await createTestApp({ ...LIMITS, ...env });
    await seedNamDinh(t);
    // A second api process on the same database and prefix: it must see the same counters.
    const moduleRef = await Test.createTestingModule({ imports: [AppModule.forRoot(t.config)] }).compile();
    const app = configureApp(moduleRef.createNestApplication({ logger: ['error'] }));
    await app.init();
    second = { http: () => request(app.getHttpServer()), close: () => app.close() };
  });
  afterAll(async () => {
    await second?.close();
    await t?.close();
  });

  const login = (http: () => ReturnType<typeof request>, email: string, password: string) =>
    http().post('/api/v1/auth/login').send({ email, password });

  it('per account: after LOGIN_RATE_LIMIT failures, on either process, even the right password waits; a 429 says when to retry', async () => {
    const officer = await signIn(t, Role.Officer, 'UBND-366');
    const email = officer.user.email;
    await login(t.http, email, 'wrong-password-1').expect(401);
    await login(second.http, email, 'wrong-password-2').expect(401);
    await login(t.http, email, 'wrong-password-3').expect(401);
    const res = await login(second.http, email, TEST_PASSWORD).expect(429);
    expect(res.body).toMatchObject({
      statusCode: 429,
      error: 'TOO_MANY_REQUESTS',
      message: expect.stringMatching(/thử lại sau \d+ (giây|phút)/),
    });
    const retryAfter = Number(res.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(500);
    expect(retryAfter).toBeLessThanOrEqual(600);
    // Another account from the same address is not locked out.
    await signIn(t, Role.Officer, 'UBND-365');
  });

  it('refuses a login whose e-mail is not a string with 400 before any limit or password check', async () => {
    for (const email of [{ $gt: '' }, ['a@b.c'], 12, null]) {
      const res = await t.http().post('/api/v1/auth/login').send({ email, password: 'x' }).expect(400);
      expect(res.body.message).toMatch(/email/);
    }
  });
});
