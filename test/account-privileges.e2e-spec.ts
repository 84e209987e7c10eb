import { Role } from '@app/database';
import { JwtService } from '@nestjs/jwt';
import { seedNamDinh, signIn, SignedIn, TEST_PASSWORD, unitByCode } from './support/factories.js';
import { createTestApp, TestApp } from './support/test-app.js';

const STRONG = 'Lúa-chiêm-Hải-Hậu-2024!';

describe('Accounts: privileges, audit, sessions (the probe)', () => {
  let t: TestApp;
  let admin: SignedIn;
  let leader: SignedIn;
  let provinceLeader: SignedIn;

  beforeAll(async () => {
    t = await createTestApp();
    await seedNamDinh(t);
    admin = await signIn(t, Role.Admin, 'CA-36');
    leader = await signIn(t, Role.Leader, 'CA-36');
    provinceLeader = await signIn(t, Role.Leader, 'UBND-36');
  });
  afterAll(() => t.close());

  const patch = (who: SignedIn, id: string, body: object) => t.http().patch(`/api/v1/users/${id}`).set(who.auth).send(body);
  const login = (email: string, password: string) => t.http().post('/api/v1/auth/login').send({ email, password });

  it('a leader can neither reset the password of, demote nor deactivate the admin; the admin keeps logging in', async () => {
    for (const body of [{ password: STRONG }, { role: 'issuer' }, { active: false }, { fullName: 'Bị đổi tên' }]) {
      const res = await patch(leader, admin.user.id, body).expect(403);
      expect(res.body.message).toBe('Chỉ quản trị viên được thay đổi tài khoản quản trị.');
    }
    await login(admin.user.email, STRONG).expect(401);
    await login(admin.user.email, TEST_PASSWORD).expect(200);
    const [row] = await t.db.query(`SELECT role, active, full_name FROM users WHERE id = $1`, [admin.user.id]);
    expect(row).toEqual({ role: 'admin', active: true, full_name: admin.user.fullName });
  });

  it('a leader cannot touch another leader, nor grant the leader role', async () => {
    const other = await signIn(t, Role.Leader, 'CA-36-PA05');
    await patch(leader, other.user.id, { password: STRONG }).expect(403);
    const officer = await signIn(t, Role.Officer, 'CA-36-PA05');
    await patch(leader, officer.user.id, { role: 'leader' }).expect(403);
    await patch(leader, officer.user.id, { role: 'issuer' }).expect(200);
  });

  it('the last active admin can be neither demoted nor deactivated: two admins removing each other at once leave one', async () => {
    const self = await patch(admin, admin.user.id, { role: 'leader' }).expect(403);
    expect(self.body.message).toMatch(/tự đổi vai trò/);
    await t.db.query(`UPDATE users SET active = false WHERE role = 'admin'`);
    const [a, b] = [await signIn(t, Role.Admin, 'CA-36'), await signIn(t, Role.Admin, 'CA-36')];
    const answers = await Promise.all([patch(a, b.user.id, { active: false }), patch(b, a.user.id, { role: 'leader' })]);
    // One wins. The other is refused: 409 (the last admin) if it got past authentication before the
    // winner committed, else 401 (its own session ended with its deactivation or demotion).
    expect(answers.filter((r) => r.status === 200)).toHaveLength(1);
    const loser = answers.find((r) => r.status !== 200)!;
    expect([401, 409]).toContain(loser.status);
    if (loser.status === 409) expect(loser.body.message).toMatch(/quản trị cuối cùng/);
    const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM users WHERE role = 'admin' AND active`);
    expect(n).toBe(1);
    await t.db.query(`UPDATE users SET active = true, role = 'admin' WHERE id = $1`, [admin.user.id]);
  });

  it('every account change is audited, never with the password, and the audit filters by entity and actor', async () => {
    const adminNow = await signIn(t, Role.Admin, 'CA-36');
    const unit = await unitByCode(t, 'UBND-366');
    const created = await t
      .http()
      .post('/api/v1/users')
      .set(provinceLeader.auth)
      .send({ email: 'vanthu.haihau@test.local', fullName: 'Văn thư Hải Hậu', password: STRONG, role: 'officer', unitId: unit.id })
      .expect(201);
    const id = created.body.id as string;
    await patch(provinceLeader, id, { role: 'issuer' }).expect(200);
    await patch(provinceLeader, id, { unitId: (await unitByCode(t, 'UBND-365')).id }).expect(200);
    await patch(provinceLeader, id, { password: 'Một-mật-khẩu-khác-2025!' }).expect(200);
    await patch(provinceLeader, id, { active: false }).expect(200);
    await patch(provinceLeader, id, { active: true }).expect(200);
    const res = await t.http().get('/api/v1/audit').query({ entityId: id }).set(adminNow.auth).expect(200);
    expect(res.body.items.map((e: { action: string }) => e.action)).toEqual([
      'user.created',
      'user.role_changed',
      'user.unit_changed',
      'user.password_reset',
      'user.deactivated',
      'user.activated',
    ]);
    expect(JSON.stringify(res.body.items)).not.toMatch(/mật-khẩu|Hải-Hậu-2024|password_hash|passwordHash/);
    const byActor = await t
      .http()
      .get('/api/v1/audit')
      .query({ actorUserId: provinceLeader.user.id, entityType: 'user' })
      .set(adminNow.auth)
      .expect(200);
    expect(byActor.body.items.length).toBeGreaterThanOrEqual(6);
    expect(byActor.body.items.every((e: { actorUserId: string }) => e.actorUserId === provinceLeader.user.id)).toBe(true);
  });

  describe('sessions end on change', () => {
    const me = (token: string) =>
      t
        .http()
        .get('/api/v1/auth/me')
        .set({ Authorization: `Bearer ${token}` });

    it.each([
      ['a password change', { password: 'Đổi-mật-khẩu-ngay-2025!' }],
      ['a role change', { role: 'issuer' }],
      ['a unit move', { unit: 'UBND-365' }],
      ['a deactivation', { active: false }],
    ])('%s ends the tokens issued before it', async (_, change: Record<string, string | boolean>) => {
      const officer = await signIn(t, Role.Officer, 'UBND-366');
      await me(officer.token).expect(200);
      const body = 'unit' in change ? { unitId: (await unitByCode(t, change.unit as string)).id } : change;
      await patch(provinceLeader, officer.user.id, body).expect(200);
      const res = await me(officer.token).expect(401);
      expect(res.body.message).toMatch(/đăng nhập lại/);
    });

    it('a rename keeps the session', async () => {
      const officer = await signIn(t, Role.Officer, 'UBND-366');
      await patch(provinceLeader, officer.user.id, { fullName: 'Tên mới' }).expect(200);
      await me(officer.token).expect(200);
    });

    it('a token carries exp; one without exp, or without a version, is refused', async () => {
      const officer = await signIn(t, Role.Officer, 'UBND-366');
      const jwt = new JwtService({ secret: t.config.JWT_SECRET });
      const decoded = jwt.decode<{ exp?: number; ver?: number }>(officer.token);
      expect(decoded.exp).toEqual(expect.any(Number));
      expect(decoded.ver).toEqual(expect.any(Number));
      const noExp = jwt.sign({ sub: officer.user.id, ver: decoded.ver });
      await me(noExp).expect(401);
      const noVer = jwt.sign({ sub: officer.user.id }, { expiresIn: '1h' });
      await me(noVer).expect(401);
      const good = jwt.sign({ sub: officer.user.id, ver: decoded.ver }, { expiresIn: '1h' });
      await me(good).expect(200);
    });
  });

  describe('password policy', () => {
    it('refuses a weak password with a Vietnamese reason naming the field, and accepts a strong one', async () => {
      const unit = await unitByCode(t, 'UBND-366');
      const base = { fullName: 'Cán bộ mới', role: 'officer', unitId: unit.id };
      const res = await t
        .http()
        .post('/api/v1/users')
        .set(provinceLeader.auth)
        .send({ ...base, email: 'weak@test.local', password: 'aaaaaaaaaaaa' })
        .expect(400);
      expect(res.body.message).toMatch(/Mật khẩu quá dễ đoán/);
      expect(res.body.details).toEqual([{ field: 'password', problems: [expect.stringMatching(/dễ đoán/)] }]);
      await t
        .http()
        .post('/api/v1/users')
        .set(provinceLeader.auth)
        .send({ ...base, email: 'weak@test.local', password: 'qwertyuiop12' })
        .expect(400);
      await t
        .http()
        .post('/api/v1/users')
        .set(provinceLeader.auth)
        .send({ ...base, email: 'strong@test.local', password: STRONG })
        .expect(201);
    });
  });
});
