import { jest } from '@jest/globals';
import { Role } from '@app/database';
import { AuthService } from '../apps/api/src/auth/auth.service.js';
import { seedNamDinh, signIn, SignedIn } from './support/factories.js';
import { createTestApp, TestApp } from './support/test-app.js';

/**
 * The api keeps signed-in accounts in memory (ActorCache), and PostgreSQL notifications keep every
 * copy current: a change made anywhere (here, straight in SQL, as an administrator in psql would)
 * takes effect on the next requests, and the cache stays off while its notifications are down.
 */
describe('Signed-in accounts kept in memory, never stale', () => {
  let t: TestApp;
  let officer: SignedIn;
  let loads: jest.SpiedFunction<AuthService['actorFor']>;

  const me = () => t.http().get('/api/v1/auth/me').set(officer.auth);
  /** Polls until `check` passes; a notification takes milliseconds (the bound allows for a loaded CI machine). */
  const within = async (ms: number, check: () => Promise<boolean>) => {
    const until = Date.now() + ms;
    while (!(await check())) {
      if (Date.now() > until) throw new Error(`not within ${ms} ms`);
      await new Promise((r) => setTimeout(r, 10));
    }
  };
  const listener = async () =>
    (await t.db.query(
      `SELECT pid FROM pg_stat_activity WHERE application_name = 'cong-van-tracker actor-cache' AND datname = current_database()`,
    )) as {
      pid: number;
    }[];

  beforeAll(async () => {
    t = await createTestApp();
    await seedNamDinh(t);
    officer = await signIn(t, Role.Officer, 'UBND-366');
    loads = jest.spyOn(t.app.get(AuthService), 'actorFor');
  });
  afterAll(() => t?.close());

  it('reads the account once, then answers from memory', async () => {
    // (A notification of the seed's own unit writes may still clear it once: then the next round is clean.)
    await within(3_000, async () => {
      await me().expect(200);
      loads.mockClear();
      for (let i = 0; i < 5; i++) await me().expect(200);
      return loads.mock.calls.length === 0;
    });
  });

  it('a unit renamed in SQL shows its new name; an account deactivated in SQL is refused at once', async () => {
    await me().expect(200);
    await t.db.query(`UPDATE units SET name = 'UBND huyện Hải Hậu (mới)' WHERE code = 'UBND-366'`);
    await within(3_000, async () => (await me()).body.unitName === 'UBND huyện Hải Hậu (mới)');
    await t.db.query(`UPDATE users SET active = false WHERE id = $1`, [officer.user.id]);
    await within(3_000, async () => (await me()).status === 401);
    await t.db.query(`UPDATE users SET active = true WHERE id = $1`, [officer.user.id]);
    await within(3_000, async () => (await me()).status === 200);
  });

  it('a password change through the api ends the old session before the answer comes back', async () => {
    const admin = await signIn(t, Role.Admin, 'HE-THONG');
    await me().expect(200);
    await t.http().patch(`/api/v1/users/${officer.user.id}`).set(admin.auth).send({ password: 'Mật-khẩu-mới-rất-dài-2026!' }).expect(200);
    await me().expect(401);
    officer = await signIn(t, Role.Officer, 'UBND-366');
  });

  it('when its listening connection is cut, it forgets everything, listens again and hears changes again', async () => {
    const [{ pid }] = await listener();
    await me().expect(200);
    await t.db.query(`SELECT pg_terminate_backend($1)`, [pid]);
    await within(10_000, async () => (await listener()).some((l) => l.pid !== pid));
    loads.mockClear();
    await me().expect(200);
    await me().expect(200);
    expect(loads).toHaveBeenCalledTimes(1);
    await t.db.query(`UPDATE users SET active = false WHERE id = $1`, [officer.user.id]);
    await within(3_000, async () => (await me()).status === 401);
  });
});
