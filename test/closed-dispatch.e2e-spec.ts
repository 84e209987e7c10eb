import { AckLinkSigner } from '@app/common';
import { Delivery, Role } from '@app/database';
import { seedNamDinh, signIn, SignedIn, unitByCode } from './support/factories.js';
import { seedDispatchDto } from './support/seed-dispatch.js';
import { createTestApp, TestApp } from './support/test-app.js';

/** Closed means frozen: the probe found refuse (link and login), complete and readdress still accepted. */
describe('A closed dispatch is frozen', () => {
  let t: TestApp;
  let pa05: SignedIn;
  let dispatchId: string;
  const deliveries: Record<string, Delivery> = {};
  const officers: Record<string, SignedIn> = {};

  const linkFor = async (deliveryId: string) => {
    const d = await t.db
      .getRepository(Delivery)
      .createQueryBuilder('d')
      .addSelect('d.linkNonce')
      .where('d.id = :id', { id: deliveryId })
      .getOneOrFail();
    return t.app.get(AckLinkSigner).token(d.id, d.linkExpiresAt, d.linkNonce);
  };
  const messages = async () => Number((await t.db.query(`SELECT count(*) AS n FROM messages`))[0].n);
  const audits = async () => Number((await t.db.query(`SELECT count(*) AS n FROM audit_events`))[0].n);

  beforeAll(async () => {
    t = await createTestApp();
    await seedNamDinh(t);
    pa05 = await signIn(t, Role.Issuer, 'CA-36-PA05');
    const codes = ['UBND-366', 'UBND-365', 'UBND-364'];
    const units = await Promise.all(codes.map((c) => unitByCode(t, c)));
    const dto = seedDispatchDto(
      { directorUnitId: (await unitByCode(t, 'CA-36-BGD')).id, archiveUnitIds: [] },
      {
        recipients: units.map((u) => ({ purpose: 'action', unitId: u.id })),
        ackDueAt: '2099-01-10T17:00:00+07:00',
        forwardDueAt: '2099-01-12T17:00:00+07:00',
        reportDueAt: '2099-02-01T17:00:00+07:00',
      },
    );
    dispatchId = (await t.http().post('/api/v1/dispatches').set(pa05.auth).send(dto).expect(201)).body.id;
    await t.http().post(`/api/v1/dispatches/${dispatchId}/publish`).set(pa05.auth).expect(200);
    for (const [i, code] of codes.entries()) {
      deliveries[code] = await t.db.getRepository(Delivery).findOneByOrFail({ dispatchId, unitId: units[i].id });
      officers[code] = await signIn(t, Role.Officer, code);
    }
    // Hải Hậu acknowledged (could complete), Giao Thủy refused (could be readdressed), Xuân Trường did nothing.
    await t.http().post(`/api/v1/deliveries/${deliveries['UBND-366'].id}/acknowledge`).set(officers['UBND-366'].auth).send({}).expect(200);
    await t
      .http()
      .post(`/api/v1/deliveries/${deliveries['UBND-365'].id}/refuse`)
      .set(officers['UBND-365'].auth)
      .send({ reason: 'Không thuộc thẩm quyền' })
      .expect(200);
    await t.http().post(`/api/v1/dispatches/${dispatchId}/close`).set(pa05.auth).expect(200);
  });
  afterAll(() => t.close());

  it('refuses every change with 409 and a clear message, writing nothing and sending no e-mail', async () => {
    const [msgs, events] = [await messages(), await audits()];
    const statuses = async () =>
      (await t.db.getRepository(Delivery).find({ where: { dispatchId }, order: { id: 'ASC' } })).map((d) => d.status);
    const before = await statuses();
    const closedMessage = /Công văn này đã kết thúc theo dõi: không .+ được nữa\./;
    const attempts = [
      t
        .http()
        .post(`/api/v1/deliveries/${deliveries['UBND-364'].id}/refuse`)
        .set(officers['UBND-364'].auth)
        .send({ reason: 'Nhầm nơi nhận' }),
      t
        .http()
        .post(`/api/v1/ack-links/${await linkFor(deliveries['UBND-364'].id)}/refuse`)
        .send({ reason: 'Nhầm nơi nhận', name: 'Nguyễn Văn A' }),
      t.http().post(`/api/v1/deliveries/${deliveries['UBND-366'].id}/complete`).set(officers['UBND-366'].auth).send({}),
      t
        .http()
        .post(`/api/v1/dispatches/${dispatchId}/deliveries/${deliveries['UBND-365'].id}/readdress`)
        .set(pa05.auth)
        .send({ unitId: (await unitByCode(t, 'UBND-363')).id }),
      t.http().post(`/api/v1/dispatches/${dispatchId}/deliveries/${deliveries['UBND-364'].id}/resend`).set(pa05.auth).send({}),
      t
        .http()
        .post(`/api/v1/dispatches/${dispatchId}/recipients`)
        .set(pa05.auth)
        .send({ recipients: [{ purpose: 'info', unitId: (await unitByCode(t, 'UBND-363')).id }] }),
      t.http().post(`/api/v1/deliveries/${deliveries['UBND-364'].id}/acknowledge`).set(officers['UBND-364'].auth).send({}),
      t
        .http()
        .post(`/api/v1/deliveries/${deliveries['UBND-366'].id}/forward`)
        .set(officers['UBND-366'].auth)
        .send({ targets: [{ group: 'all_commune_committees' }] }),
    ];
    const answers = [];
    for (const attempt of attempts) answers.push(await attempt);
    expect(answers.map((r, i) => `${i}: ${r.status}`)).toEqual(answers.map((_, i) => `${i}: 409`));
    // The four the probe found accepted say why, in one wording.
    for (const res of answers.slice(0, 4)) expect(res.body.message).toMatch(closedMessage);
    expect(await messages()).toBe(msgs);
    expect(await audits()).toBe(events);
    expect(await statuses()).toEqual(before);
  });
});
