import { Role, UnitLevel, UnitType } from '@app/database';
import { SYSTEM_UNIT } from '../apps/api/src/seed/seed.service.js';
import { seedNamDinh, signIn, SignedIn, unitByCode } from './support/factories.js';
import { seedDispatchDto } from './support/seed-dispatch.js';
import { createTestApp, TestApp } from './support/test-app.js';

/**
 * The probe's "missing audit": unit and dispatch changes wrote no event. Each change now writes
 * one, in its own transaction, readable by entity (accounts: test/account-privileges.e2e-spec.ts).
 */
describe('Every state change of units and dispatches is audited', () => {
  let t: TestApp;
  let admin: SignedIn;
  let pa05: SignedIn;

  beforeAll(async () => {
    t = await createTestApp();
    await seedNamDinh(t);
    admin = await signIn(t, Role.Admin, SYSTEM_UNIT);
    pa05 = await signIn(t, Role.Issuer, 'CA-36-PA05');
  });
  afterAll(() => t.close());

  const actions = async (query: Record<string, string>) =>
    (
      (
        await t
          .http()
          .get('/api/v1/audit')
          .query({ ...query, limit: 100 })
          .set(admin.auth)
          .expect(200)
      ).body.items as { action: string; actorUserId: string }[]
    ).map((e) => e.action);

  it('units: create, rename, move, deactivate', async () => {
    const [haiHau, giaoThuy] = [await unitByCode(t, 'UBND-366'), await unitByCode(t, 'UBND-365')];
    const id = (
      await t
        .http()
        .post('/api/v1/units')
        .set(admin.auth)
        .send({ code: 'TO-AUDIT-1', name: 'Tổ công tác thử', type: UnitType.Other, level: UnitLevel.District, parentId: haiHau.id })
        .expect(201)
    ).body.id as string;
    await t.http().patch(`/api/v1/units/${id}`).set(admin.auth).send({ name: 'Tổ công tác đã đổi tên' }).expect(200);
    await t.http().post(`/api/v1/units/${id}/move`).set(admin.auth).send({ parentId: giaoThuy.id }).expect(201);
    await t.http().post(`/api/v1/units/${id}/deactivate`).set(admin.auth).expect(201);
    expect(await actions({ entityId: id })).toEqual(['unit.created', 'unit.renamed', 'unit.moved', 'unit.deactivated']);
    const [moved] = (await t.http().get('/api/v1/audit').query({ entityId: id, action: 'unit.moved' }).set(admin.auth).expect(200)).body
      .items;
    expect(moved).toMatchObject({ actorUserId: admin.user.id, before: { parentId: haiHau.id }, after: { parentId: giaoThuy.id } });
  });

  it('dispatches: create, edit, publish, add recipients, resend', async () => {
    const units = { directorUnitId: (await unitByCode(t, 'CA-36-BGD')).id, archiveUnitIds: [] };
    const haiHau = await unitByCode(t, 'UBND-366');
    const id = (
      await t
        .http()
        .post('/api/v1/dispatches')
        .set(pa05.auth)
        .send(seedDispatchDto(units, { number: 9101, recipients: [{ purpose: 'action', unitId: haiHau.id }] }))
        .expect(201)
    ).body.id as string;
    await t.http().patch(`/api/v1/dispatches/${id}`).set(pa05.auth).send({ subject: 'V/v thử nghiệm nhật ký' }).expect(200);
    await t.http().post(`/api/v1/dispatches/${id}/publish`).set(pa05.auth).expect(200);
    const giaoThuy = await unitByCode(t, 'UBND-365');
    await t
      .http()
      .post(`/api/v1/dispatches/${id}/recipients`)
      .set(pa05.auth)
      .send({ recipients: [{ purpose: 'info', unitId: giaoThuy.id }] })
      .expect((res) => expect(res.status).toBeLessThan(300));
    const [delivery] = await t.db.query(`SELECT id FROM deliveries WHERE dispatch_id = $1 AND unit_id = $2`, [id, haiHau.id]);
    await t
      .http()
      .post(`/api/v1/dispatches/${id}/deliveries/${delivery.id}/resend`)
      .set(pa05.auth)
      .send({})
      .expect((res) => expect(res.status).toBeLessThan(300));

    expect(await actions({ entityId: id })).toEqual([
      'dispatch.created',
      'dispatch.edited',
      'dispatch.published',
      'dispatch.recipients_added',
    ]);
    expect(await actions({ entityId: delivery.id })).toContain('delivery.resent');
    const byActor = await actions({ actorUserId: pa05.user.id });
    expect(byActor).toEqual(expect.arrayContaining(['dispatch.created', 'dispatch.published', 'delivery.resent']));
  });
});
