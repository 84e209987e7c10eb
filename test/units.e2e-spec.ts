import { Role, Unit, UnitLevel, UnitType } from '@app/database';
import { readFile } from 'node:fs/promises';
import { seedNamDinh, signIn, SignedIn, unitByCode } from './support/factories.js';
import { createTestApp, TestApp } from './support/test-app.js';

describe('Units: import, tree, scope (real PostgreSQL)', () => {
  let t: TestApp;
  let admin: SignedIn;

  beforeAll(async () => {
    t = await createTestApp();
    await seedNamDinh(t);
    admin = await signIn(t, Role.Admin, 'CA-36');
  });
  afterAll(() => t.close());

  const countAreas = async () =>
    t.db.query(`SELECT level, count(*)::int AS n FROM units WHERE type = 'area' GROUP BY level ORDER BY level`) as Promise<
      { level: string; n: number }[]
    >;

  it('imports Nam Định 2024-05-01: 1 province, 10 districts, 226 communes with their GSO codes', async () => {
    expect(await countAreas()).toEqual([
      { level: 'commune', n: 226 },
      { level: 'district', n: 10 },
      { level: 'province', n: 1 },
    ]);
    const csv = (await readFile(new URL('../data/units/nam-dinh-2024-05-01.csv', import.meta.url), 'utf8')).trim().split('\n').slice(1);
    const codes: { code: string; name: string }[] = await t.db.query(`SELECT code, name FROM units WHERE type = 'area' ORDER BY code`);
    expect(codes.map((c) => `${c.code},${c.name}`).sort()).toEqual(csv.map((l) => l.split(',').slice(0, 2).join(',')).sort());
    const haiHau = await unitByCode(t, '366');
    expect(haiHau).toMatchObject({ name: 'Huyện Hải Hậu', level: UnitLevel.District, areaKind: 'Huyện' });
  });

  it('a second import through the admin endpoint changes nothing', async () => {
    const before: { id: string; path: string; updated_at: Date }[] = await t.db.query(`SELECT id, path, updated_at FROM units ORDER BY id`);
    const res = await t.http().post('/api/v1/admin/units/import').set(admin.auth).send({ dataset: 'nam-dinh-2024-05-01' }).expect(200);
    expect(res.body).toMatchObject({ total: 237, created: 0, updated: 0, unchanged: 237 });
    expect(await t.db.query(`SELECT id, path, updated_at FROM units ORDER BY id`)).toEqual(before);
  });

  it('a changed name is updated in place, keeping the id', async () => {
    const before = await unitByCode(t, '13840');
    await t.db.query(`UPDATE units SET name = 'Xã Cũ', search_name = 'xa cu' WHERE code = '13840'`);
    const res = await t.http().post('/api/v1/admin/units/import').set(admin.auth).send({ dataset: 'nam-dinh-2024-05-01' }).expect(200);
    expect(res.body).toMatchObject({ created: 0, updated: 1, unchanged: 236 });
    expect(await unitByCode(t, '13840')).toMatchObject({ id: before.id, name: before.name, path: before.path });
  });

  it('the subtree of Huyện Hải Hậu is exactly its 34 communes', async () => {
    const haiHau = await unitByCode(t, '366');
    const res = await t
      .http()
      .get('/api/v1/units')
      .query({ under: haiHau.id, type: UnitType.Area, limit: 500 })
      .set(admin.auth)
      .expect(200);
    const csv = (await readFile(new URL('../data/units/nam-dinh-2024-05-01.csv', import.meta.url), 'utf8')).split('\n');
    const expected = csv.filter((l) => l.endsWith(',366')).map((l) => l.split(',')[0]);
    expect(expected).toHaveLength(34);
    expect(res.body.total).toBe(34);
    expect(res.body.items.map((u: Unit) => u.code).sort()).toEqual(expected.sort());
  });

  it('finds units by name without accents', async () => {
    const res = await t.http().get('/api/v1/units').query({ q: 'hai hau', type: UnitType.PeoplesCommittee }).set(admin.auth).expect(200);
    expect(res.body.items.map((u: Unit) => u.name)).toEqual(['UBND huyện Hải Hậu']);
  });

  it('seeds the acting bodies: UBND and police for every district and commune, PA05 and the departments', async () => {
    const rows: { type: string; level: string; n: number }[] = await t.db.query(
      `SELECT type, level, count(*)::int AS n FROM units WHERE type <> 'area' GROUP BY type, level ORDER BY type, level`,
    );
    expect(rows).toEqual(
      expect.arrayContaining([
        { type: 'peoples_committee', level: 'commune', n: 226 },
        { type: 'peoples_committee', level: 'district', n: 10 },
        { type: 'police', level: 'commune', n: 226 },
        { type: 'police', level: 'district', n: 10 },
      ]),
    );
    expect(rows.find((r) => r.type === 'department')!.n).toBeGreaterThanOrEqual(20);
    expect((await unitByCode(t, 'CA-36-PA05')).name).toContain('PA05');
  });

  describe('scope: an officer of one district', () => {
    let haiHauOfficer: SignedIn;
    let haiHauLeader: SignedIn;

    beforeAll(async () => {
      haiHauOfficer = await signIn(t, Role.Officer, 'UBND-366');
      haiHauLeader = await signIn(t, Role.Leader, 'UBND-366');
    });

    it('sees its own subtree only', async () => {
      const res = await t.http().get('/api/v1/units').query({ limit: 500 }).set(haiHauOfficer.auth).expect(200);
      // UBND huyện Hải Hậu, its 34 UBND xã and their 34 commune police.
      expect(res.body.total).toBe(1 + 34 + 34);
      expect(res.body.items.every((u: Unit) => u.code.endsWith('366') || /^(UBND|CA)-\d{5}$/.test(u.code))).toBe(true);
    });

    it('cannot read a unit of another district', async () => {
      const giaoThuy = await unitByCode(t, 'UBND-365');
      const res = await t.http().get(`/api/v1/units/${giaoThuy.id}`).set(haiHauOfficer.auth).expect(403);
      expect(res.body).toEqual({
        statusCode: 403,
        error: 'OUT_OF_SCOPE',
        code: 'OUT_OF_SCOPE',
        message: expect.stringContaining('ngoài phạm vi'),
      });
    });

    it('cannot change a unit of another district, even as leader, and nothing changes', async () => {
      const giaoThuy = await unitByCode(t, 'UBND-365');
      await t.http().patch(`/api/v1/units/${giaoThuy.id}`).set(haiHauOfficer.auth).send({ name: 'X' }).expect(403);
      await t.http().patch(`/api/v1/units/${giaoThuy.id}`).set(haiHauLeader.auth).send({ name: 'Bị sửa' }).expect(403);
      expect((await unitByCode(t, 'UBND-365')).name).toBe(giaoThuy.name);
    });

    it('cannot read or change users of another district', async () => {
      const other = await signIn(t, Role.Officer, 'UBND-365');
      await t.http().get(`/api/v1/users/${other.user.id}`).set(haiHauLeader.auth).expect(403);
      await t.http().patch(`/api/v1/users/${other.user.id}`).set(haiHauLeader.auth).send({ active: false }).expect(403);
      const list = await t.http().get('/api/v1/users').query({ limit: 500 }).set(haiHauLeader.auth).expect(200);
      expect(list.body.items.map((u: { id: string }) => u.id)).not.toContain(other.user.id);
      await t.http().get('/api/v1/auth/me').set(other.auth).expect(200);
    });

    it('an officer may read but not write its own units', async () => {
      const commune = await unitByCode(t, 'UBND-14221');
      await t.http().get(`/api/v1/units/${commune.id}`).set(haiHauOfficer.auth).expect(200);
      await t
        .http()
        .patch(`/api/v1/units/${commune.id}`)
        .set(haiHauOfficer.auth)
        .send({ emails: ['a@b.vn'] })
        .expect(403);
    });

    it('a leader manages the units below it', async () => {
      const commune = await unitByCode(t, 'UBND-14221');
      const res = await t
        .http()
        .patch(`/api/v1/units/${commune.id}`)
        .set(haiHauLeader.auth)
        .send({ emails: ['VanThu@HaiHau.gov.vn'] })
        .expect(200);
      expect(res.body.emails).toEqual(['vanthu@haihau.gov.vn']);
    });
  });

  describe('auth', () => {
    it('refuses requests without a token', async () => {
      const res = await t.http().get('/api/v1/units').expect(401);
      expect(res.body).toMatchObject({ statusCode: 401, error: 'UNAUTHENTICATED' });
    });

    it('refuses a wrong password with a clear message', async () => {
      const res = await t.http().post('/api/v1/auth/login').send({ email: admin.user.email, password: 'wrong-password-123' }).expect(401);
      expect(res.body.message).toMatch(/Sai e-mail hoặc mật khẩu/);
    });

    it('refuses a deactivated account at once', async () => {
      const officer = await signIn(t, Role.Officer, 'UBND-366');
      await t.http().patch(`/api/v1/users/${officer.user.id}`).set(admin.auth).send({ active: false }).expect(200);
      await t.http().get('/api/v1/auth/me').set(officer.auth).expect(401);
    });

    it('an officer cannot import units (admin only)', async () => {
      const officer = await signIn(t, Role.Officer, 'UBND-366');
      await t.http().post('/api/v1/admin/units/import').set(officer.auth).send({ dataset: 'nam-dinh-2024-05-01' }).expect(403);
    });
  });

  describe('bad input leaves the data unchanged', () => {
    it('unknown field -> 400 naming it', async () => {
      const unit = await unitByCode(t, 'UBND-366');
      const res = await t.http().patch(`/api/v1/units/${unit.id}`).set(admin.auth).send({ name: 'Mới', colour: 'red' }).expect(400);
      expect(res.body).toMatchObject({ statusCode: 400, error: 'INVALID', message: expect.stringContaining('colour') });
      expect((await unitByCode(t, 'UBND-366')).name).toBe(unit.name);
    });

    it('wrong type -> 400', async () => {
      const unit = await unitByCode(t, 'UBND-366');
      const res = await t
        .http()
        .post('/api/v1/units')
        .set(admin.auth)
        .send({ code: 'X-1', name: 'Đơn vị thử', type: 'bakery', level: 3, parentId: unit.id })
        .expect(400);
      expect(res.body.message).toMatch(/type/);
      expect(res.body.message).toMatch(/level/);
      expect(await t.db.getRepository(Unit).existsBy({ code: 'X-1' })).toBe(false);
    });

    it('moving a unit under its own descendant -> 409 and the tree is unchanged', async () => {
      const district = await unitByCode(t, 'UBND-366');
      const commune = await unitByCode(t, 'UBND-14221');
      const before = await t.db.query(`SELECT id, parent_id, path FROM units ORDER BY id`);
      const res = await t.http().post(`/api/v1/units/${district.id}/move`).set(admin.auth).send({ parentId: commune.id }).expect(409);
      expect(res.body.message).toMatch(/vòng lặp/);
      expect(await t.db.query(`SELECT id, parent_id, path FROM units ORDER BY id`)).toEqual(before);
    });

    it('unknown parent -> 404', async () => {
      const res = await t
        .http()
        .post('/api/v1/units')
        .set(admin.auth)
        .send({
          code: 'X-2',
          name: 'Đơn vị thử',
          type: UnitType.Other,
          level: UnitLevel.Commune,
          parentId: '00000000-0000-4000-8000-000000000000',
        })
        .expect(404);
      expect(res.body.error).toBe('NOT_FOUND');
      expect(await t.db.getRepository(Unit).existsBy({ code: 'X-2' })).toBe(false);
    });

    it('duplicate code -> 409', async () => {
      const parent = await unitByCode(t, 'UBND-366');
      const res = await t
        .http()
        .post('/api/v1/units')
        .set(admin.auth)
        .send({ code: 'CA-14221', name: 'Trùng mã', type: UnitType.Police, level: UnitLevel.Commune, parentId: parent.id })
        .expect(409);
      expect(res.body.message).toMatch(/CA-14221/);
    });
  });

  it('moves a commune with its police to another district: paths follow, one statement', async () => {
    const commune = await unitByCode(t, 'UBND-14221');
    const police = await unitByCode(t, 'CA-14221');
    const giaoThuy = await unitByCode(t, 'UBND-365');
    await t.http().post(`/api/v1/units/${commune.id}/move`).set(admin.auth).send({ parentId: giaoThuy.id }).expect(201);
    const movedPolice = await unitByCode(t, 'CA-14221');
    expect(movedPolice.path).toBe(`${giaoThuy.path}${commune.id}.${police.id}.`);
    await t
      .http()
      .post(`/api/v1/units/${commune.id}/move`)
      .set(admin.auth)
      .send({ parentId: (await unitByCode(t, 'UBND-366')).id })
      .expect(201);
  });

  it('refuses to deactivate a unit that still has active units below it', async () => {
    const commune = await unitByCode(t, 'UBND-14221');
    const res = await t.http().post(`/api/v1/units/${commune.id}/deactivate`).set(admin.auth).expect(409);
    expect(res.body.message).toMatch(/trực thuộc/);
    const police = await unitByCode(t, 'CA-14221');
    const ok = await t.http().post(`/api/v1/units/${police.id}/deactivate`).set(admin.auth).expect(201);
    expect(ok.body.active).toBe(false);
  });

  it('reports PostgreSQL and Redis in /api/health', async () => {
    const res = await t.http().get('/api/health').expect(200);
    expect(res.body).toMatchObject({ status: 'ok', postgres: { status: 'up' }, redis: { status: 'up', backend: 'redis' } });
  });

  it('serves the OpenAPI document', async () => {
    const res = await t.http().get('/api/docs-json').expect(200);
    expect(Object.keys(res.body.paths)).toEqual(expect.arrayContaining(['/api/v1/units', '/api/v1/auth/login']));
  });
});
