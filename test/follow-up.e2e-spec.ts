import { Delivery, Role } from '@app/database';
import { FollowUpRun } from '../apps/worker/src/follow-up/follow-up-run.js';
import { seedNamDinh, signIn, SignedIn, unitByCode } from './support/factories.js';
import { seedDispatchDto } from './support/seed-dispatch.js';
import { SmtpListener } from './support/smtp-listener.js';
import { createTestApp, TestApp } from './support/test-app.js';
import { TestClock } from './support/test-clock.js';
import { createTestWorker, TestWorker } from './support/test-worker.js';

const DISTRICTS = ['UBND-366', 'UBND-356', 'UBND-360'];

describe('Reminders and escalation on the working-day calendar, with a controlled clock (real PostgreSQL, Redis, SMTP)', () => {
  // Thursday 4 February 2027, the last working day before Tết.
  const clock = new TestClock('2027-02-04T10:00:00+07:00');
  let t: TestApp;
  let smtp: SmtpListener;
  let worker: TestWorker;
  let pa05: SignedIn;
  let haiHau: SignedIn;
  let dispatchId: string;

  const mail = (code: string) => `${code.toLowerCase()}@namdinh.example`;
  const sweep = () => worker.app.get(FollowUpRun).run();
  /** Every outbox row handed over and sent (or cancelled): the listener then holds every mail. */
  const allMailed = async () => {
    const deadline = Date.now() + 30_000;
    for (;;) {
      const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM messages WHERE status = 'pending'`);
      if (n === 0) return;
      if (Date.now() > deadline) throw new Error(`${n} messages still pending`);
      await new Promise((r) => setTimeout(r, 100));
    }
  };
  const remindersAt = async (at: Date): Promise<string[]> =>
    (
      await t.db.query(
        `SELECT u.code, r.step, r.slot FROM reminders r JOIN deliveries d ON d.id = r.delivery_id JOIN units u ON u.id = d.unit_id
          WHERE r.created_at = $1 ORDER BY u.code, r.step`,
        [at],
      )
    ).map((r: { code: string; step: string; slot: string }) => `${r.code} ${r.step} ${r.slot}`);

  beforeAll(async () => {
    smtp = await SmtpListener.start();
    t = await createTestApp({ SMTP_URL: smtp.url }, { clock });
    worker = await createTestWorker(t.config, {}, clock);
    await seedNamDinh(t);
    pa05 = await signIn(t, Role.Issuer, 'CA-36-PA05');
    haiHau = await signIn(t, Role.Officer, 'UBND-366');
    const recipients = await Promise.all(
      DISTRICTS.map(async (code) => ({ purpose: 'coordinate', unitId: (await unitByCode(t, code)).id })),
    );
    const dto = seedDispatchDto(
      { directorUnitId: (await unitByCode(t, 'CA-36-BGD')).id, archiveUnitIds: [] },
      {
        issuedDate: '2027-02-04',
        urgency: 'khan',
        recipients,
        ackDueAt: undefined,
        forwardDueAt: undefined,
        reportDueAt: undefined,
        ackDueWorkingDays: 3,
        forwardDueWorkingDays: 5,
        reportDueWorkingDays: 10,
      },
    );
    dispatchId = (await t.http().post('/api/v1/dispatches').set(pa05.auth).send(dto).expect(201)).body.id;
    await t.http().post(`/api/v1/dispatches/${dispatchId}/publish`).set(pa05.auth).expect(200);
    await allMailed();
  });
  afterAll(async () => {
    await worker?.close();
    await t?.close();
    await smtp?.close();
  });

  it('nothing is due during Tết: a sweep on mùng 3 sends nothing', async () => {
    clock.set('2027-02-08T09:00:00+07:00');
    expect(await sweep()).toEqual({ reminders: 0, escalations: 0, messages: 0 });
  });

  it('the working day before the acknowledgement deadline, only the units that have not acknowledged are reminded, once', async () => {
    const delivery = await t.db.getRepository(Delivery).findOneByOrFail({ dispatchId, unitId: haiHau.user.unitId });
    await t.http().post(`/api/v1/deliveries/${delivery.id}/acknowledge`).set(haiHau.auth).send({}).expect(200);
    // Hải Hậu passes it on to its communes the same day; their deadlines are Hải Hậu's own.
    await t
      .http()
      .post(`/api/v1/deliveries/${delivery.id}/forward`)
      .set(haiHau.auth)
      .send({ targets: [{ group: 'all_commune_committees' }] })
      .expect(201);
    await allMailed();
    const before = smtp.mails.length;

    clock.set('2027-02-15T09:00:00+07:00'); // Monday; the deadline is Tuesday 16 February 17:00
    const first = await sweep();
    expect(await remindersAt(clock.now())).toEqual(
      expect.arrayContaining(['UBND-356 ack before', 'UBND-360 ack before', expect.stringMatching(/^UBND-\d+ ack before$/)]),
    );
    const reminded = await remindersAt(clock.now());
    expect(reminded).not.toContain('UBND-366 ack before');
    expect(reminded.every((r) => r.endsWith('ack before'))).toBe(true);
    expect(first.escalations).toBe(0);

    // Same slot again, twice at once, and after a worker restart: nothing more.
    expect((await Promise.all([sweep(), sweep()])).map((r) => r.reminders)).toEqual([0, 0]);
    await worker.close();
    worker = await createTestWorker(t.config, {}, clock);
    expect((await sweep()).reminders).toBe(0);
    clock.advanceHours(2);
    expect((await sweep()).reminders).toBe(0);

    await allMailed();
    const mails = smtp.mails.slice(before);
    expect(mails).toHaveLength(first.messages);
    expect(mails.filter((m) => m.to.includes(mail('ubnd-366')))).toHaveLength(0);
    const toSo = mails.find((m) => m.to.includes(mail('ubnd-356')))!;
    expect(toSo.subject).toMatch(/^\[Nhắc việc\] \[Khẩn\] /);
    expect(toSo.text).toContain('sắp đến hạn xác nhận đã nhận (trước 17:00 ngày 16/02/2027) mà đơn vị chưa xác nhận đã nhận');
  });

  it('after the deadline the late units get the next slot, and the issuer is told of them once the grace has passed', async () => {
    clock.set('2027-02-17T09:00:00+07:00'); // first working day after the deadline
    const late = await sweep();
    const reminded = await remindersAt(clock.now());
    expect(reminded).toEqual(expect.arrayContaining(['UBND-356 ack after-2', 'UBND-360 ack after-2']));
    expect(reminded).not.toContain('UBND-366 ack after-2');
    // Forwarding is due on the 18th: the districts that have not forwarded get their "before" reminder.
    expect(reminded).toEqual(expect.arrayContaining(['UBND-356 forward before', 'UBND-360 forward before']));
    expect(reminded).not.toContain('UBND-366 forward before');
    expect(late.escalations).toBe(0); // khẩn: escalate 2 working days after the deadline

    const before = smtp.mails.length;
    clock.set('2027-02-18T09:00:00+07:00');
    await sweep();
    await allMailed();
    const toIssuer = smtp.mails.slice(before).filter((m) => m.to.includes(mail('ca-36-pa05')));
    expect(toIssuer).toHaveLength(1);
    expect(toIssuer[0].subject).toMatch(/^\[Đôn đốc\] .* — 2 đơn vị chưa xác nhận đã nhận$/);
    const names: { name: string }[] = await t.db.query(`SELECT name FROM units WHERE code = ANY($1) ORDER BY name`, [
      ['UBND-356', 'UBND-360'],
    ]);
    for (const { name } of names) expect(toIssuer[0].text).toContain(name);
    expect(toIssuer[0].text).not.toMatch(/Hải Hậu \(hạn/);
  });

  it('escalation reaches the parent that forwarded: Hải Hậu is sent the list of its late communes', async () => {
    const [{ n }] = await t.db.query(
      `SELECT count(*)::int AS n FROM escalations e JOIN units u ON u.id = e.to_unit_id WHERE u.code = 'UBND-366' AND e.step = 'ack'`,
    );
    expect(n).toBe(1);
    const toHaiHau = smtp.mails.filter((m) => m.to.includes(mail('ubnd-366')) && m.subject.startsWith('[Đôn đốc]'));
    expect(toHaiHau).toHaveLength(1);
    const communes: { name: string }[] = await t.db.query(
      `SELECT u.name FROM deliveries d JOIN units u ON u.id = d.unit_id
        WHERE d.parent_delivery_id = (SELECT id FROM deliveries WHERE dispatch_id = $1 AND unit_id = $2) ORDER BY u.name`,
      [dispatchId, haiHau.user.unitId],
    );
    expect(communes.length).toBeGreaterThan(10);
    for (const { name } of communes) expect(toHaiHau[0].text).toContain(name);
    expect(toHaiHau[0].subject).toContain(`${communes.length} đơn vị chưa xác nhận đã nhận`);
  });
});
