import { AckLinkSigner } from '@app/common';
import { Delivery, Role } from '@app/database';
import { seedNamDinh, signIn, SignedIn, unitByCode } from './support/factories.js';
import { seedDispatchDto } from './support/seed-dispatch.js';
import { createTestApp, TestApp } from './support/test-app.js';
import { pageShapeProblems, shapeProblems } from './support/openapi-shape.js';

const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c63000100000500010d0a2db40000000049454e44ae426082',
  'hex',
);

interface TreeNode {
  id: string;
  unitCode: string;
  status: string;
  edxmlCode: string | null;
  ackMethod: string | null;
  refusalReason: string | null;
  children: TreeNode[];
}

describe('Rollout: acknowledge, refuse, cascade down the tree (real PostgreSQL + Redis)', () => {
  let t: TestApp;
  let pa05: SignedIn;
  let haiHauOfficer: SignedIn;
  let dispatchId: string;
  let haiHauDelivery: Delivery;
  let communes: string[];

  const linkFor = async (deliveryId: string) => {
    const d = await t.db
      .getRepository(Delivery)
      .createQueryBuilder('d')
      .addSelect('d.linkNonce')
      .where('d.id = :id', { id: deliveryId })
      .getOneOrFail();
    return t.app.get(AckLinkSigner).token(d.id, d.linkExpiresAt, d.linkNonce);
  };
  const childOf = async (code: string) => {
    const unit = await unitByCode(t, code);
    return t.db.getRepository(Delivery).findOneByOrFail({ dispatchId, unitId: unit.id });
  };

  beforeAll(async () => {
    t = await createTestApp();
    await seedNamDinh(t);
    pa05 = await signIn(t, Role.Issuer, 'CA-36-PA05');
    haiHauOfficer = await signIn(t, Role.Officer, 'UBND-366');
    const haiHau = await unitByCode(t, 'UBND-366');
    const dto = seedDispatchDto(
      { directorUnitId: (await unitByCode(t, 'CA-36-BGD')).id, archiveUnitIds: [] },
      {
        recipients: [{ purpose: 'coordinate', unitId: haiHau.id }],
        ackDueAt: '2099-01-10T17:00:00+07:00',
        forwardDueAt: '2099-01-12T17:00:00+07:00',
        reportDueAt: '2099-02-01T17:00:00+07:00',
      },
    );
    dispatchId = (await t.http().post('/api/v1/dispatches').set(pa05.auth).send(dto).expect(201)).body.id;
    await t.http().post(`/api/v1/dispatches/${dispatchId}/publish`).set(pa05.auth).expect(200);
    haiHauDelivery = await t.db.getRepository(Delivery).findOneByOrFail({ dispatchId, unitId: haiHau.id });
    const rows: { code: string }[] = await t.db.query(
      `SELECT code FROM units WHERE type = 'area' AND parent_id = (SELECT id FROM units WHERE code = '366') ORDER BY code`,
    );
    communes = rows.map((r) => r.code);
  });
  afterAll(() => t.close());

  it('forwarding before acknowledging is refused', async () => {
    const res = await t
      .http()
      .post(`/api/v1/deliveries/${haiHauDelivery.id}/forward`)
      .set(haiHauOfficer.auth)
      .send({ targets: [{ group: 'all_commune_committees' }] })
      .expect(409);
    expect(res.body.message).toMatch(/xác nhận đã nhận công văn trước/);
    expect(res.body.code).toBe('FORWARD_BEFORE_ACKNOWLEDGEMENT');
  });

  it('200 concurrent confirmations through the e-mail link give one acknowledgement and one audit event', async () => {
    const token = await linkFor(haiHauDelivery.id);
    const results = await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        t
          .http()
          .post(`/api/v1/ack-links/${token}/acknowledge`)
          .send({ name: `Văn thư ${i}` }),
      ),
    );
    expect(results.every((r) => r.status === 200)).toBe(true);
    const created = results.filter((r) => r.body.created);
    expect(created).toHaveLength(1);
    const first = created[0].body;
    expect(results.every((r) => r.body.acknowledgedAt === first.acknowledgedAt && r.body.byName === first.byName)).toBe(true);
    expect(first).toMatchObject({ method: 'email_link', status: 'accepted' });
    const events = await t.db.query(`SELECT * FROM audit_events WHERE entity_id = $1 AND action = 'delivery.acknowledged'`, [
      haiHauDelivery.id,
    ]);
    expect(events).toHaveLength(1);
    expect(events[0].actor_name).toBe(first.byName);
    const row = await t.db.query(`SELECT ack_ip, ack_user_agent, acknowledged_at FROM deliveries WHERE id = $1`, [haiHauDelivery.id]);
    expect(row[0].ack_ip).toBeTruthy();
  });

  it('cannot forward outside its subtree, nor with a deadline later than its own', async () => {
    const giaoThuyCommune = await t.db.query(
      `SELECT id FROM units WHERE code LIKE 'UBND-%' AND parent_id = (SELECT id FROM units WHERE code = 'UBND-365') LIMIT 1`,
    );
    const outside = await t
      .http()
      .post(`/api/v1/deliveries/${haiHauDelivery.id}/forward`)
      .set(haiHauOfficer.auth)
      .send({ targets: [{ unitId: giaoThuyCommune[0].id }] })
      .expect(403);
    expect(outside.body.message).toMatch(/không thuộc quyền/);
    const late = await t
      .http()
      .post(`/api/v1/deliveries/${haiHauDelivery.id}/forward`)
      .set(haiHauOfficer.auth)
      .send({ targets: [{ group: 'all_commune_committees' }], ackDueAt: '2099-03-01T00:00:00Z' })
      .expect(400);
    expect(late.body.message).toMatch(/không được muộn hơn hạn của đơn vị mình/);
    expect(await t.db.getRepository(Delivery).countBy({ parentDeliveryId: haiHauDelivery.id })).toBe(0);
  });

  it('forwards to all its communes with its own instruction; never twice to the same unit', async () => {
    const res = await t
      .http()
      .post(`/api/v1/deliveries/${haiHauDelivery.id}/forward`)
      .set(haiHauOfficer.auth)
      .send({
        targets: [{ group: 'all_commune_committees' }],
        instruction: 'Đề nghị UBND các xã, thị trấn triển khai ngay, báo cáo trước ngày 25.',
        ackDueAt: '2099-01-09T17:00:00+07:00',
      })
      .expect(201);
    expect(res.body).toMatchObject({ forwarded: communes.length, alreadyReceiving: 0, messages: communes.length });
    const child = await childOf(`UBND-${communes[0]}`);
    expect(child).toMatchObject({
      parentDeliveryId: haiHauDelivery.id,
      purpose: 'action',
      instruction: expect.stringContaining('triển khai ngay'),
    });
    expect(child.ackDueAt!.toISOString()).toBe('2099-01-09T10:00:00.000Z');
    expect(child.reportDueAt!.toISOString()).toBe(new Date('2099-02-01T17:00:00+07:00').toISOString());
    const parent = await t.db.getRepository(Delivery).findOneByOrFail({ id: haiHauDelivery.id });
    expect(parent.status).toBe('assigned');

    const twice = await t
      .http()
      .post(`/api/v1/deliveries/${haiHauDelivery.id}/forward`)
      .set(haiHauOfficer.auth)
      .send({ targets: [{ unitId: child.unitId }] })
      .expect(409);
    expect(twice.body.message).toMatch(/đã được gửi tới/);
    const again = await t
      .http()
      .post(`/api/v1/deliveries/${haiHauDelivery.id}/forward`)
      .set(haiHauOfficer.auth)
      .send({ targets: [{ group: 'all_commune_committees' }] })
      .expect(409);
    expect(again.body.message).toMatch(/tất cả các đơn vị đã chọn rồi/);
    expect(await t.db.getRepository(Delivery).countBy({ parentDeliveryId: haiHauDelivery.id })).toBe(communes.length);
  });

  it('communes acknowledge by login (2), by proxy (1) and one refuses; the issuer sees exactly that tree', async () => {
    const [a, b, c, d] = communes;
    for (const code of [a, b]) {
      const officer = await signIn(t, Role.Officer, `UBND-${code}`);
      const res = await t
        .http()
        .post(`/api/v1/deliveries/${(await childOf(`UBND-${code}`)).id}/acknowledge`)
        .set(officer.auth)
        .send({})
        .expect(200);
      expect(res.body).toMatchObject({ method: 'web', status: 'accepted', created: true });
    }
    // Commune c telephoned the district: the district's officer records it, with the mandatory reason.
    const noReason = await t
      .http()
      .post(`/api/v1/deliveries/${(await childOf(`UBND-${c}`)).id}/proxy-acknowledge`)
      .set(haiHauOfficer.auth)
      .send({ receivedBy: 'Đ/c Hoa' })
      .expect(400);
    expect(noReason.body.message).toMatch(/reason/);
    const proxy = await t
      .http()
      .post(`/api/v1/deliveries/${(await childOf(`UBND-${c}`)).id}/proxy-acknowledge`)
      .set(haiHauOfficer.auth)
      .send({ receivedBy: 'Đ/c Nguyễn Thị Hoa, văn thư', reason: 'Xã báo đã nhận qua điện thoại lúc 9h' })
      .expect(200);
    expect(proxy.body).toMatchObject({
      method: 'proxy',
      byName: 'Đ/c Nguyễn Thị Hoa, văn thư',
      proxyReason: expect.stringContaining('điện thoại'),
      created: true,
    });
    // The acknowledgement and its audit event are one statement: both carry who, the unit, the address.
    const [audit] = await t.db.query(
      `SELECT actor_user_id, actor_name, actor_unit_id, ip, after FROM audit_events WHERE entity_id = $1 AND action = 'delivery.acknowledged'`,
      [proxy.body.deliveryId],
    );
    expect(audit).toMatchObject({
      actor_user_id: proxy.body.byUserId,
      actor_name: 'Đ/c Nguyễn Thị Hoa, văn thư',
      actor_unit_id: proxy.body.byUnitId,
      ip: expect.stringMatching(/127\.0\.0\.1|::1/),
      after: {
        status: 'accepted',
        method: 'proxy',
        byName: 'Đ/c Nguyễn Thị Hoa, văn thư',
        proxyReason: proxy.body.proxyReason,
        attachmentsSha256: [],
      },
    });
    const [row] = await t.db.query(`SELECT ack_ip, ack_user_agent FROM deliveries WHERE id = $1`, [proxy.body.deliveryId]);
    expect(row.ack_ip).toBeTruthy();
    // Asking again changes nothing and answers with the first acknowledgement.
    const again = await t
      .http()
      .post(`/api/v1/deliveries/${proxy.body.deliveryId}/proxy-acknowledge`)
      .set(haiHauOfficer.auth)
      .send({ receivedBy: 'Người khác', reason: 'Lần hai' })
      .expect(200);
    expect(again.body).toMatchObject({ created: false, byName: 'Đ/c Nguyễn Thị Hoa, văn thư', acknowledgedAt: proxy.body.acknowledgedAt });
    // Commune d refuses: wrong addressee, with a reason.
    const officerD = await signIn(t, Role.Officer, `UBND-${d}`);
    const deliveryD = await childOf(`UBND-${d}`);
    await t.http().post(`/api/v1/deliveries/${deliveryD.id}/refuse`).set(officerD.auth).send({}).expect(400);
    const refused = await t
      .http()
      .post(`/api/v1/deliveries/${deliveryD.id}/refuse`)
      .set(officerD.auth)
      .send({ reason: 'Xã đã sáp nhập, đề nghị gửi UBND xã mới' })
      .expect(200);
    expect(refused.body).toMatchObject({ status: 'refused', created: true });
    await t.http().post(`/api/v1/deliveries/${deliveryD.id}/acknowledge`).set(officerD.auth).send({}).expect(409);

    // Commune a reports what it did: a loudspeaker broadcast and a bulletin board, with a photo.
    const officerA = await signIn(t, Role.Officer, `UBND-${a}`);
    const deliveryA = await childOf(`UBND-${a}`);
    const day = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
    await t
      .http()
      .post(`/api/v1/deliveries/${deliveryA.id}/activities`)
      .set(officerA.auth)
      .send({
        channel: 'loudspeaker',
        occurredOn: day,
        place: 'Hệ thống truyền thanh xã',
        reach: 3500,
        quantity: 3,
        taskNumber: 2,
        description: 'Phát 3 buổi cảnh báo thủ đoạn giả danh công an',
      })
      .expect(201);
    const board = await t
      .http()
      .post(`/api/v1/deliveries/${deliveryA.id}/activities`)
      .set(officerA.auth)
      .send({ channel: 'bulletin_board', occurredOn: day, place: 'Nhà văn hóa xóm 5', quantity: 1, taskNumber: 2 })
      .expect(201);
    await t
      .http()
      .post(`/api/v1/activities/${board.body.id}/evidence`)
      .set(officerA.auth)
      .attach('file', PNG, 'bang-tin-xom-5.png')
      .expect(201);

    const tree = await t.http().get(`/api/v1/dispatches/${dispatchId}/tree`).set(pa05.auth).expect(200);
    expect(tree.body.truncated).toBe(false);
    expect(tree.body.roots).toHaveLength(1);
    const root = tree.body.roots[0] as TreeNode;
    expect(root).toMatchObject({ unitCode: 'UBND-366', status: 'assigned', edxmlCode: '04', ackMethod: 'email_link' });
    expect(root.children).toHaveLength(communes.length);
    const byCode = Object.fromEntries(root.children.map((n) => [n.unitCode, n]));
    expect(byCode[`UBND-${a}`]).toMatchObject({ status: 'in_progress', edxmlCode: '05', ackMethod: 'web', activityCount: 2 });
    expect(byCode[`UBND-${b}`]).toMatchObject({ status: 'accepted', ackMethod: 'web' });
    expect(byCode[`UBND-${c}`]).toMatchObject({ status: 'accepted', ackMethod: 'proxy' });
    expect(byCode[`UBND-${d}`]).toMatchObject({
      status: 'refused',
      edxmlCode: '02',
      refusalReason: 'Xã đã sáp nhập, đề nghị gửi UBND xã mới',
    });
    const rest = root.children.filter((n) => ![a, b, c, d].map((x) => `UBND-${x}`).includes(n.unitCode));
    expect(rest.every((n) => n.status === 'pending' || n.status === 'sent')).toBe(true);

    // The issuer resolves the refusal by re-addressing.
    const newUnit = await unitByCode(t, `CA-${d}`);
    const re = await t
      .http()
      .post(`/api/v1/dispatches/${dispatchId}/deliveries/${deliveryD.id}/readdress`)
      .set(pa05.auth)
      .send({ unitId: newUnit.id })
      .expect(201);
    expect((await t.db.getRepository(Delivery).findOneByOrFail({ id: re.body.deliveryId })).parentDeliveryId).toBe(haiHauDelivery.id);

    // Hải Hậu's e-mail link page lists the same communes, each with whether it confirmed, as the document describes it.
    const workspace = await t
      .http()
      .get(`/api/v1/ack-links/${await linkFor(haiHauDelivery.id)}/workspace`)
      .expect(200);
    expect(shapeProblems(workspace.body, 'AckLinkWorkspaceDto')).toEqual([]);
    const listed = new Map((workspace.body.children as { unitName: string; status: string }[]).map((c) => [c.unitName, c.status]));
    expect(listed.size).toBe(root.children.length + 1);
    expect(listed.get((await unitByCode(t, `UBND-${d}`)).name)).toBe('refused');
  });

  it('an officer cannot acknowledge or refuse for another unit', async () => {
    const [, , , , e] = communes;
    const delivery = await childOf(`UBND-${e}`);
    const other = await signIn(t, Role.Officer, `UBND-${communes[5]}`);
    const res = await t.http().post(`/api/v1/deliveries/${delivery.id}/acknowledge`).set(other.auth).send({}).expect(403);
    expect(res.body.message).toMatch(/Chỉ cán bộ của UBND/);
    await t.http().post(`/api/v1/deliveries/${delivery.id}/refuse`).set(other.auth).send({ reason: 'không phải của tôi' }).expect(403);
    // Nor record a proxy receipt for a sibling.
    await t
      .http()
      .post(`/api/v1/deliveries/${delivery.id}/proxy-acknowledge`)
      .set(other.auth)
      .send({ receivedBy: 'X Y', reason: 'qua điện thoại' })
      .expect(403);
    expect((await t.db.getRepository(Delivery).findOneByOrFail({ id: delivery.id })).acknowledgedAt).toBeNull();
  });

  it('the inbox lists the unit’s deliveries newest first, with overdue derived from deadlines', async () => {
    const officer = await signIn(t, Role.Officer, `UBND-${communes[6]}`);
    const inbox = await t.http().get('/api/v1/inbox').set(officer.auth).expect(200);
    expect(inbox.body.total).toBe(1);
    expect(inbox.body.items[0]).toMatchObject({ dispatch: { number: 5207, symbol: 'CAT-PA05' }, overdueAck: false });
    await t.db.query(`UPDATE deliveries SET ack_due_at = now() - interval '1 day' WHERE id = $1`, [inbox.body.items[0].id]);
    const overdue = await t.http().get('/api/v1/inbox').query({ overdue: 'true' }).set(officer.auth).expect(200);
    expect(overdue.body.items.map((i: { id: string }) => i.id)).toEqual([inbox.body.items[0].id]);
    expect(overdue.body.items[0].overdueAck).toBe(true);
    const detail = await t.http().get(`/api/v1/deliveries/${inbox.body.items[0].id}`).set(officer.auth).expect(200);
    expect(detail.body.tasks).toHaveLength(3);
    expect(detail.body.dispatch.subject).toMatch(/^V\/v thông báo thủ đoạn mới/);
  });

  it('a tampered or expired link is refused', async () => {
    const delivery = await childOf(`UBND-${communes[7]}`);
    const token = await linkFor(delivery.id);
    const tampered = token.replace(/.$/, (ch) => (ch === 'A' ? 'B' : 'A'));
    await t.http().post(`/api/v1/ack-links/${tampered}/acknowledge`).send({ name: 'Kẻ giả mạo' }).expect(400);
    const d = await t.db
      .getRepository(Delivery)
      .createQueryBuilder('d')
      .addSelect('d.linkNonce')
      .where('d.id = :id', { id: delivery.id })
      .getOneOrFail();
    const expired = t.app.get(AckLinkSigner).token(d.id, new Date(Date.now() - 1000), d.linkNonce);
    await t.http().post(`/api/v1/ack-links/${expired}/acknowledge`).send({ name: 'Văn thư' }).expect(410);
    expect((await t.db.getRepository(Delivery).findOneByOrFail({ id: delivery.id })).acknowledgedAt).toBeNull();
  });

  it('the audit trail is readable by the issuer for its dispatch, and append-only', async () => {
    const res = await t.http().get('/api/v1/audit').query({ dispatchId, limit: 500 }).set(pa05.auth).expect(200);
    const actions = res.body.items.map((e: { action: string }) => e.action);
    expect(actions).toEqual(
      expect.arrayContaining(['delivery.acknowledged', 'delivery.forwarded', 'delivery.refused', 'delivery.readdressed']),
    );
    expect(pageShapeProblems(res.body, 'AuditEventDto')).toEqual([]);
    await t.http().get('/api/v1/audit').query({ dispatchId }).set(haiHauOfficer.auth).expect(403);
    await expect(t.db.query(`UPDATE audit_events SET action = 'x'`)).rejects.toThrow(/append-only/);
    await expect(t.db.query(`DELETE FROM audit_events`)).rejects.toThrow(/append-only/);
  });
});
