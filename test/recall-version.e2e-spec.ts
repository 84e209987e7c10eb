import { Delivery, Role } from '@app/database';
import { createHash } from 'node:crypto';
import { seedNamDinh, signIn, SignedIn, unitByCode } from './support/factories.js';
import { seedDispatchDto } from './support/seed-dispatch.js';
import { SmtpListener } from './support/smtp-listener.js';
import { createTestApp, TestApp } from './support/test-app.js';
import { createTestWorker, TestWorker } from './support/test-worker.js';

const PDF = Buffer.from('%PDF-1.4\n% Công văn 5207 (bản thay thế)\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

describe('New versions (re-acknowledgement) and recall down the cascade (real PostgreSQL, Redis, SMTP)', () => {
  let t: TestApp;
  let smtp: SmtpListener;
  let worker: TestWorker;
  let pa05: SignedIn;
  let haiHau: SignedIn;
  let dispatchId: string;
  let haiHauDelivery: Delivery;

  const allMailed = async () => {
    const deadline = Date.now() + 30_000;
    for (;;) {
      const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM messages WHERE status = 'pending'`);
      if (n === 0) return;
      if (Date.now() > deadline) throw new Error(`${n} messages still pending`);
      await new Promise((r) => setTimeout(r, 100));
    }
  };
  const report = async () => (await t.http().get(`/api/v1/dispatches/${dispatchId}/report`).set(pa05.auth).expect(200)).body;
  const ack = () => t.http().post(`/api/v1/deliveries/${haiHauDelivery.id}/acknowledge`).set(haiHau.auth).send({});

  beforeAll(async () => {
    smtp = await SmtpListener.start();
    t = await createTestApp({ SMTP_URL: smtp.url });
    worker = await createTestWorker(t.config);
    await seedNamDinh(t);
    pa05 = await signIn(t, Role.Issuer, 'CA-36-PA05');
    haiHau = await signIn(t, Role.Officer, 'UBND-366');
    const recipients = await Promise.all(
      ['UBND-366', 'UBND-356'].map(async (code) => ({ purpose: 'coordinate', unitId: (await unitByCode(t, code)).id })),
    );
    const dto = seedDispatchDto(
      { directorUnitId: (await unitByCode(t, 'CA-36-BGD')).id, archiveUnitIds: [] },
      {
        recipients,
        ackDueAt: '2099-01-10T17:00:00+07:00',
        forwardDueAt: '2099-01-12T17:00:00+07:00',
        reportDueAt: '2099-02-01T17:00:00+07:00',
      },
    );
    dispatchId = (await t.http().post('/api/v1/dispatches').set(pa05.auth).send(dto).expect(201)).body.id;
    await t.http().post(`/api/v1/dispatches/${dispatchId}/publish`).set(pa05.auth).expect(200);
    haiHauDelivery = await t.db.getRepository(Delivery).findOneByOrFail({ dispatchId, unitId: haiHau.user.unitId });
    await ack().expect(200);
    await t
      .http()
      .post(`/api/v1/deliveries/${haiHauDelivery.id}/forward`)
      .set(haiHau.auth)
      .send({ targets: [{ group: 'all_commune_committees' }] })
      .expect(201);
    await allMailed();
  });
  afterAll(async () => {
    await worker?.close();
    await t?.close();
    await smtp?.close();
  });

  it('after a new version, a unit that had acknowledged must acknowledge again; each acknowledgement records its version and files', async () => {
    expect((await report()).versions).toEqual({ version: 1, acknowledged: 1, acknowledgedCurrent: 1, awaitingReacknowledgement: 0 });
    const before = smtp.mails.length;
    const res = await t
      .http()
      .post(`/api/v1/dispatches/${dispatchId}/versions`)
      .set(pa05.auth)
      .field('kind', 'replacement')
      .field('note', 'Thay tệp ký số bị lỗi chữ ký')
      .attach('files', PDF, 'Công văn 5207 — bản thay thế.pdf')
      .expect(201);
    const sha = createHash('sha256').update(PDF).digest('hex');
    expect(res.body).toMatchObject({ version: 2, kind: 'replacement', attachmentsSha256: [sha], mustReacknowledge: 1 });
    expect((await report()).versions).toEqual({ version: 2, acknowledged: 1, acknowledgedCurrent: 0, awaitingReacknowledgement: 1 });

    // Every unit still in the rollout (2 districts and Hải Hậu's communes) is mailed the new version, with the new file.
    await allMailed();
    const mails = smtp.mails.slice(before);
    expect(mails).toHaveLength(res.body.messages);
    expect(mails.every((m) => m.subject.startsWith('[Văn bản thay thế] '))).toBe(true);
    const toHaiHau = mails.find((m) => m.to.includes('ubnd-366@namdinh.example'))!;
    expect(toHaiHau.text).toContain('xác nhận lại đã nhận');
    expect(toHaiHau.attachments.map((a) => a.filename)).toEqual(['Công văn 5207 — bản thay thế.pdf']);

    const again = await ack().expect(200);
    expect(again.body).toMatchObject({ version: 2, attachmentsSha256: [sha], created: true });
    expect((await ack().expect(200)).body).toMatchObject({ version: 2, created: false });
    expect((await report()).versions).toEqual({ version: 2, acknowledged: 1, acknowledgedCurrent: 1, awaitingReacknowledgement: 0 });
    const history = await t.db.query(
      `SELECT version, attachments_sha256 FROM delivery_acknowledgements WHERE delivery_id = $1 ORDER BY version`,
      [haiHauDelivery.id],
    );
    expect(history).toEqual([
      { version: 1, attachments_sha256: [] },
      { version: 2, attachments_sha256: [sha] },
    ]);
  });

  it('a correction without any change, or by a recipient, is refused', async () => {
    const empty = await t
      .http()
      .post(`/api/v1/dispatches/${dispatchId}/versions`)
      .set(pa05.auth)
      .send({ kind: 'correction', note: 'Không đổi gì' });
    expect(empty.status).toBe(400);
    expect(empty.body.message).toMatch(/ít nhất một thay đổi/);
    await t
      .http()
      .post(`/api/v1/dispatches/${dispatchId}/versions`)
      .set(haiHau.auth)
      .send({ kind: 'correction', note: 'Sửa trích yếu', subject: 'V/v khác hẳn' })
      .expect(403);
  });

  it('recall reaches every delivery down the cascade and mails every unit that had the notice; recalled deliveries are read-only', async () => {
    const short = await t.http().post(`/api/v1/dispatches/${dispatchId}/recall`).set(pa05.auth).send({ reason: 'x' }).expect(400);
    expect(JSON.stringify(short.body)).toMatch(/lý do thu hồi/);
    const total: number = (await t.db.query(`SELECT count(*)::int AS n FROM deliveries WHERE dispatch_id = $1`, [dispatchId]))[0].n;
    const communes: number = (
      await t.db.query(`SELECT count(*)::int AS n FROM deliveries WHERE dispatch_id = $1 AND parent_delivery_id = $2`, [
        dispatchId,
        haiHauDelivery.id,
      ])
    )[0].n;
    expect(communes).toBeGreaterThan(10);
    const before = smtp.mails.length;

    const res = await t
      .http()
      .post(`/api/v1/dispatches/${dispatchId}/recall`)
      .set(pa05.auth)
      .send({ reason: 'Ban hành nhầm phạm vi; sẽ ban hành văn bản khác.' })
      .expect(200);
    expect(res.body).toMatchObject({ status: 'recalled', deliveriesRecalled: total });
    const statuses = await t.db.query(`SELECT status, count(*)::int AS n FROM deliveries WHERE dispatch_id = $1 GROUP BY status`, [
      dispatchId,
    ]);
    expect(statuses).toEqual([{ status: 'recalled', n: total }]);
    // The issuer's page still counts the units that had acknowledged (Hải Hậu): the recall moved their status, not the fact.
    const [{ acked }] = await t.db.query(
      `SELECT count(*)::int AS acked FROM deliveries WHERE dispatch_id = $1 AND acknowledged_at IS NOT NULL`,
      [dispatchId],
    );
    expect(acked).toBeGreaterThanOrEqual(1);
    const view = await t.http().get(`/api/v1/dispatches/${dispatchId}`).set(pa05.auth).expect(200);
    expect(view.body).toMatchObject({ acknowledged: acked, deliveryCounts: { recalled: total } });

    await allMailed();
    const recallMails = smtp.mails.slice(before);
    expect(recallMails).toHaveLength(res.body.recallMessages);
    expect(recallMails.length).toBe(total);
    expect(recallMails.every((m) => m.subject.startsWith('[Thu hồi] '))).toBe(true);
    const commune = await t.db.query(
      `SELECT u.emails[1] AS address FROM deliveries d JOIN units u ON u.id = d.unit_id WHERE d.parent_delivery_id = $1 LIMIT 1`,
      [haiHauDelivery.id],
    );
    const toCommune = recallMails.find((m) => m.to.includes(commune[0].address))!;
    expect(toCommune.text).toContain('Lý do thu hồi: Ban hành nhầm phạm vi; sẽ ban hành văn bản khác.');
    expect(toCommune.text).toContain('chỉ còn để tra cứu');

    // Read-only: no acknowledgement, forward or reminder any more; a second recall changes nothing.
    expect((await ack().expect(409)).body.message).toMatch(/thu hồi/);
    await t.http().post(`/api/v1/deliveries/${haiHauDelivery.id}/remind`).set(pa05.auth).expect(409);
    const again = await t.http().post(`/api/v1/dispatches/${dispatchId}/recall`).set(pa05.auth).send({ reason: 'Lần hai' }).expect(200);
    expect(again.body).toMatchObject({
      status: 'recalled',
      reason: 'Ban hành nhầm phạm vi; sẽ ban hành văn bản khác.',
      deliveriesRecalled: 0,
    });
    const [{ n: audits }] = await t.db.query(
      `SELECT count(*)::int AS n FROM audit_events WHERE action = 'delivery.recalled' AND dispatch_id = $1`,
      [dispatchId],
    );
    expect(audits).toBe(total);

    // Past every deadline (Hải Hậu acknowledged on time), a recalled delivery is late nowhere: not in the report, nor in the inbox filter.
    await t.db.query(
      `UPDATE deliveries SET ack_due_at = CASE WHEN acknowledged_at IS NULL THEN now() - interval '2 days' ELSE ack_due_at END, forward_due_at = now() - interval '1 day', report_due_at = now() - interval '1 hour'
        WHERE dispatch_id = $1`,
      [dispatchId],
    );
    const after = await report();
    expect(after.blockingTotal).toBe(0);
    expect(after.levels.reduce((n: number, l: { late: number }) => n + l.late, 0)).toBe(0);
    const overdue = await t.http().get('/api/v1/inbox').query({ overdue: 'true' }).set(haiHau.auth).expect(200);
    expect(overdue.body.items.filter((d: { dispatchId: string }) => d.dispatchId === dispatchId)).toEqual([]);
  });
});
