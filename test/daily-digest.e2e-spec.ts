import { Delivery, Role } from '@app/database';
import { QueueName, SchedulerId } from '@app/queue';
import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { DailyDigestRun } from '../apps/worker/src/follow-up/daily-digest-run.js';
import { seedNamDinh, signIn, SignedIn, unitByCode } from './support/factories.js';
import { seedDispatchDto } from './support/seed-dispatch.js';
import { ReceivedMail, SmtpListener } from './support/smtp-listener.js';
import { createTestApp, TestApp } from './support/test-app.js';
import { TestClock } from './support/test-clock.js';
import { createTestWorker, TestWorker } from './support/test-worker.js';

const DISTRICTS = ['UBND-366', 'UBND-356', 'UBND-360'];

describe("Each leader's daily digest at DIGEST_HOUR_VN, with a controlled clock (real PostgreSQL, Redis, SMTP)", () => {
  // Monday 2 March 2026, a working day.
  const clock = new TestClock('2026-03-02T09:00:00+07:00');
  let t: TestApp;
  let smtp: SmtpListener;
  let worker: TestWorker;
  let pa05: SignedIn;
  let director: SignedIn;
  let haiHauLeader: SignedIn;
  let haiHau: SignedIn;
  let dispatchId: string;
  let names: Record<string, string>;
  let communes: string[];

  const digest = () => worker.app.get(DailyDigestRun).run();
  const digestMails = () => smtp.mails.filter((m) => m.subject.startsWith('[Tổng hợp hằng ngày]'));
  const mailTo = (who: SignedIn): ReceivedMail[] => digestMails().filter((m) => m.to.includes(who.user.email.toLowerCase()));
  /** Every outbox row handed over and sent: the listener then holds every mail. */
  const allMailed = async () => {
    const deadline = Date.now() + 30_000;
    for (;;) {
      const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM messages WHERE status = 'pending'`);
      if (n === 0) return;
      if (Date.now() > deadline) throw new Error(`${n} messages still pending`);
      await new Promise((r) => setTimeout(r, 100));
    }
  };
  /** The acknowledgement and completion statements stamp the database's now(); put those facts on the test's clock. */
  const pinToClock = (column: 'acknowledged_at' | 'completed_at', deliveryIds: string[]) =>
    t.db.query(`UPDATE deliveries SET ${column} = $1 WHERE id = ANY($2::uuid[])`, [clock.now(), deliveryIds]);
  const deliveryOf = (unitId: string) => t.db.getRepository(Delivery).findOneByOrFail({ dispatchId, unitId });

  beforeAll(async () => {
    smtp = await SmtpListener.start();
    t = await createTestApp({ SMTP_URL: smtp.url, DIGEST_HOUR_VN: '8' }, { clock });
    worker = await createTestWorker(t.config, {}, clock);
    await seedNamDinh(t);
    pa05 = await signIn(t, Role.Issuer, 'CA-36-PA05');
    director = await signIn(t, Role.Leader, 'CA-36');
    haiHauLeader = await signIn(t, Role.Leader, 'UBND-366');
    haiHau = await signIn(t, Role.Officer, 'UBND-366');
    const bgd = await unitByCode(t, 'CA-36-BGD');
    const recipients = [
      ...(await Promise.all(DISTRICTS.map(async (code) => ({ purpose: 'coordinate', unitId: (await unitByCode(t, code)).id })))),
      { purpose: 'report', unitId: bgd.id },
    ];
    const dto = seedDispatchDto(
      { directorUnitId: bgd.id, archiveUnitIds: [] },
      {
        issuedDate: '2026-03-02',
        recipients,
        ackDueAt: '2026-03-03T17:00:00+07:00',
        forwardDueAt: '2026-03-04T17:00:00+07:00',
        reportDueAt: '2026-03-20T17:00:00+07:00',
      },
    );
    dispatchId = (await t.http().post('/api/v1/dispatches').set(pa05.auth).send(dto).expect(201)).body.id;
    await t.http().post(`/api/v1/dispatches/${dispatchId}/publish`).set(pa05.auth).expect(200);

    // Monday 10:00: Hải Hậu acknowledges and passes it on to its communes; the director acknowledges
    // the Ban Giám đốc's copy (a leader acts for the leadership body below its unit).
    clock.set('2026-03-02T10:00:00+07:00');
    const haiHauDelivery = await deliveryOf(haiHau.user.unitId);
    const bgdDelivery = await deliveryOf(bgd.id);
    await t.http().post(`/api/v1/deliveries/${haiHauDelivery.id}/acknowledge`).set(haiHau.auth).send({}).expect(200);
    await t.http().post(`/api/v1/deliveries/${bgdDelivery.id}/acknowledge`).set(director.auth).send({}).expect(200);
    await pinToClock('acknowledged_at', [haiHauDelivery.id, bgdDelivery.id]);
    await t
      .http()
      .post(`/api/v1/deliveries/${haiHauDelivery.id}/forward`)
      .set(haiHau.auth)
      .send({ targets: [{ group: 'all_commune_committees' }] })
      .expect(201);
    await allMailed();

    const rows: { code: string; name: string }[] = await t.db.query(
      `SELECT u.code, u.name FROM units u WHERE u.code = ANY($1) ORDER BY u.code`,
      [[...DISTRICTS, 'CA-36-PA05', 'CA-36-BGD']],
    );
    names = Object.fromEntries(rows.map((r) => [r.code, r.name]));
    communes = (
      await t.db.query(`SELECT u.name FROM deliveries d JOIN units u ON u.id = d.unit_id WHERE d.parent_delivery_id = $1 ORDER BY u.name`, [
        haiHauDelivery.id,
      ])
    ).map((r: { name: string }) => r.name);
    expect(communes.length).toBeGreaterThan(10);
  });
  afterAll(async () => {
    await worker?.close();
    await t?.close();
    await smtp?.close();
  });

  it('sends nothing before the configured hour', async () => {
    clock.set('2026-03-03T07:59:00+07:00');
    expect(await digest()).toEqual({ digests: 0, messages: 0 });
    const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM digests`);
    expect(n).toBe(0);
  });

  it('at the hour each leader gets one digest of their own branch: the new dispatch and the acknowledgements', async () => {
    clock.set('2026-03-03T08:00:00+07:00');
    expect(await digest()).toEqual({ digests: 2, messages: 2 });
    await allMailed();

    const [toDirector] = mailTo(director);
    expect(mailTo(director)).toHaveLength(1);
    const recipients = 4 + communes.length;
    expect(toDirector.subject).toBe('[Tổng hợp hằng ngày] Ngày 03/03/2026: 1 công văn mới, 0 đơn vị chậm hạn, 2 đơn vị đã xác nhận');
    expect(toDirector.text).toContain(`Kính gửi: đồng chí ${director.user.fullName}, Công an tỉnh Nam Định`);
    expect(toDirector.text).toContain('từ 08:00 02/03/2026 đến 08:00 03/03/2026');
    expect(toDirector.text).toContain('I. Công văn mới ban hành (1)');
    expect(toDirector.text).toContain(`1. Công văn số 5207/CAT-PA05 ngày 02/03/2026 của ${names['CA-36-PA05']}`);
    expect(toDirector.text).toContain(`; gửi ${recipients} đơn vị`);
    expect(toDirector.text).toContain('Không có đơn vị nào chậm hạn.');
    expect(toDirector.text).toContain('Đã xác nhận: 2 đơn vị; đã hoàn thành: 0 đơn vị; mới chậm hạn: 0 đơn vị.');
    expect(toDirector.html).toContain('<h3>I. Công văn mới ban hành (1)</h3>');
    expect(toDirector.html).toContain('<h3>III. Thay đổi so với lần tổng hợp trước</h3>');

    // Hải Hậu's leader sees Hải Hậu's branch: the dispatch it received, its own acknowledgement, not the director's.
    const toHaiHau = mailTo(haiHauLeader);
    expect(toHaiHau).toHaveLength(1);
    expect(toHaiHau[0].subject).toBe('[Tổng hợp hằng ngày] Ngày 03/03/2026: 1 công văn mới, 0 đơn vị chậm hạn, 1 đơn vị đã xác nhận');
    expect(toHaiHau[0].text).toContain(`Kính gửi: đồng chí ${haiHauLeader.user.fullName}, ${names['UBND-366']}`);
  });

  it('never twice the same day: two runs at once, later runs, a restarted worker', async () => {
    expect(await Promise.all([digest(), digest()])).toEqual([
      { digests: 0, messages: 0 },
      { digests: 0, messages: 0 },
    ]);
    clock.set('2026-03-03T08:30:00+07:00');
    expect(await digest()).toEqual({ digests: 0, messages: 0 });
    await worker.close();
    worker = await createTestWorker(t.config, {}, clock);
    expect(await digest()).toEqual({ digests: 0, messages: 0 });
    clock.set('2026-03-03T23:50:00+07:00');
    expect(await digest()).toEqual({ digests: 0, messages: 0 });
    await allMailed();
    await new Promise((r) => setTimeout(r, 500)); // a duplicate would arrive now
    expect(digestMails()).toHaveLength(2);
    const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM digests WHERE day = '2026-03-03'`);
    expect(n).toBe(2);
  });

  it('the next day: late units by the branch that directs them, and what changed since the previous digest', async () => {
    // Tuesday 10:00 Hải Hậu reports its work done; the acknowledgement deadline passes at 17:00.
    clock.set('2026-03-03T10:00:00+07:00');
    const haiHauDelivery = await deliveryOf(haiHau.user.unitId);
    await t.http().post(`/api/v1/deliveries/${haiHauDelivery.id}/complete`).set(haiHau.auth).send({}).expect(200);
    await pinToClock('completed_at', [haiHauDelivery.id]);

    clock.set('2026-03-04T07:00:00+07:00');
    expect(await digest()).toEqual({ digests: 0, messages: 0 });
    clock.set('2026-03-04T08:00:00+07:00');
    expect(await digest()).toEqual({ digests: 2, messages: 2 });
    await allMailed();

    const late = 2 + communes.length;
    const [toDirector] = mailTo(director).filter((m) => m.subject.includes('04/03/2026'));
    expect(toDirector.subject).toBe(`[Tổng hợp hằng ngày] Ngày 04/03/2026: 0 công văn mới, ${late} đơn vị chậm hạn, 0 đơn vị đã xác nhận`);
    expect(toDirector.text).toContain('từ 08:00 03/03/2026 đến 08:00 04/03/2026');
    expect(toDirector.text).toContain('Không có công văn mới.');
    expect(toDirector.text).toContain(`II. Đơn vị chậm hạn theo đơn vị chỉ đạo (${late} đơn vị, 2 đơn vị chỉ đạo)`);
    // The larger branch first: the communes under the district that forwarded to them, then the issuer's own recipients.
    const haiHauBranch = toDirector.text.indexOf(`${names['UBND-366']}: ${communes.length} đơn vị chậm hạn`);
    const pa05Branch = toDirector.text.indexOf(`${names['CA-36-PA05']}: 2 đơn vị chậm hạn`);
    expect(haiHauBranch).toBeGreaterThan(0);
    expect(pa05Branch).toBeGreaterThan(haiHauBranch);
    for (const code of ['UBND-356', 'UBND-360']) {
      expect(toDirector.text).toContain(`${names[code]}: chưa xác nhận đã nhận công văn số 5207/CAT-PA05 (hạn 17:00 03/03/2026)`);
    }
    expect(toDirector.text).toContain(`… và ${communes.length - 10} đơn vị khác`);
    expect(toDirector.text).toContain(`Đã xác nhận: 0 đơn vị; đã hoàn thành: 1 đơn vị; mới chậm hạn: ${late} đơn vị.`);
    expect(toDirector.text).toContain(`công văn số 5207/CAT-PA05: 0 xác nhận, 1 hoàn thành, ${late} mới chậm hạn`);

    // Hải Hậu's leader: only its communes, never the other districts.
    const [toHaiHau] = mailTo(haiHauLeader).filter((m) => m.subject.includes('04/03/2026'));
    expect(toHaiHau.subject).toContain(`${communes.length} đơn vị chậm hạn`);
    expect(toHaiHau.text).toContain(`${names['UBND-366']}: ${communes.length} đơn vị chậm hạn`);
    expect(toHaiHau.text).not.toContain(names['UBND-356']);
    expect(toHaiHau.text).not.toContain(names['UBND-360']);
    expect(toHaiHau.text).toContain(`Đã xác nhận: 0 đơn vị; đã hoàn thành: 1 đơn vị; mới chậm hạn: ${communes.length} đơn vị.`);

    const windows: { since: Date }[] = await t.db.query(`SELECT window_start AS since FROM digests WHERE day = '2026-03-04'`);
    expect(windows.map((w) => w.since.toISOString())).toEqual(['2026-03-03T01:00:00.000Z', '2026-03-03T01:00:00.000Z']);
  });

  it('the worker registers the digest as a job scheduler: every 10 minutes from the hour to midnight, Vietnam time', async () => {
    const scheduling = await createTestWorker(t.config, { DIGEST_ENABLED: true, DIGEST_HOUR_VN: 8 });
    const queue = scheduling.app.get<Queue>(getQueueToken(QueueName.FollowUp));
    try {
      const scheduler = await queue.getJobScheduler(SchedulerId.DailyDigest);
      expect(scheduler).toMatchObject({ pattern: '*/10 8-23 * * *', tz: 'Asia/Ho_Chi_Minh' });
      const next = new Date(Number(scheduler!.next));
      const vn = new Date(next.getTime() + 7 * 3_600_000);
      expect(vn.getUTCMinutes() % 10).toBe(0);
      expect(vn.getUTCHours()).toBeGreaterThanOrEqual(8);
    } finally {
      await queue.removeJobScheduler(SchedulerId.DailyDigest);
      await scheduling.close();
    }
  });
});
