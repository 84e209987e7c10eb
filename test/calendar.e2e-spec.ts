import { Delivery, Dispatch, Role } from '@app/database';
import { seedNamDinh, signIn, SignedIn, unitByCode } from './support/factories.js';
import { seedDispatchDto } from './support/seed-dispatch.js';
import { createTestApp, TestApp } from './support/test-app.js';
import { TestClock } from './support/test-clock.js';

const vn = (at: Date) => at.toLocaleString('sv-SE', { timeZone: 'Asia/Ho_Chi_Minh' }).slice(0, 16);

describe('Working-day calendar: Tết 2027, exceptions, deadlines in working days (real PostgreSQL)', () => {
  // Thursday 4 February 2027, 10:00 in Vietnam: the last working day before Tết (mùng 1 = Saturday 6 February).
  const clock = new TestClock('2027-02-04T10:00:00+07:00');
  let t: TestApp;
  let pa05: SignedIn;
  let admin: SignedIn;
  let recipients: { purpose: string; unitId: string }[];
  let nextNumber = 100;

  /** A khẩn dispatch with deadlines in working days, published at the clock's "now". */
  const publishKhan = async (days: { ack: number; forward: number; report: number }) => {
    const dto = seedDispatchDto(
      { directorUnitId: (await unitByCode(t, 'CA-36-BGD')).id, archiveUnitIds: [] },
      {
        number: nextNumber++,
        issuedDate: '2027-02-04',
        urgency: 'khan',
        recipients,
        ackDueAt: undefined,
        forwardDueAt: undefined,
        reportDueAt: undefined,
        ackDueWorkingDays: days.ack,
        forwardDueWorkingDays: days.forward,
        reportDueWorkingDays: days.report,
      },
    );
    const id = (await t.http().post('/api/v1/dispatches').set(pa05.auth).send(dto).expect(201)).body.id as string;
    await t.http().post(`/api/v1/dispatches/${id}/publish`).set(pa05.auth).expect(200);
    return id;
  };

  beforeAll(async () => {
    t = await createTestApp({}, { clock });
    await seedNamDinh(t);
    pa05 = await signIn(t, Role.Issuer, 'CA-36-PA05');
    admin = await signIn(t, Role.Admin, 'CA-36');
    recipients = [
      { purpose: 'coordinate', unitId: (await unitByCode(t, 'UBND-366')).id },
      { purpose: 'coordinate', unitId: (await unitByCode(t, 'UBND-356')).id },
    ];
  });
  afterAll(() => t.close());

  it('lists Tết 2027 as days off: the eve through mùng 4, then two compensatory days for the weekend', async () => {
    const res = await t.http().get('/api/v1/calendar/working-days?from=2027-02-04&to=2027-02-16').set(pa05.auth).expect(200);
    const byDay = Object.fromEntries(res.body.days.map((d: { day: string; kind: string }) => [d.day, d.kind]));
    expect(byDay).toEqual({
      '2027-02-04': 'working',
      '2027-02-05': 'holiday',
      '2027-02-06': 'holiday',
      '2027-02-07': 'holiday',
      '2027-02-08': 'holiday',
      '2027-02-09': 'holiday',
      '2027-02-10': 'compensatory',
      '2027-02-11': 'compensatory',
      '2027-02-12': 'working',
      '2027-02-13': 'weekend',
      '2027-02-14': 'weekend',
      '2027-02-15': 'working',
      '2027-02-16': 'working',
    });
    expect(res.body.workingDays).toBe(4);
    expect(res.body.days[1].label).toBe('Nghỉ lễ, Tết');
  });

  it('a khẩn dispatch published on 4 Feb 2027 "within 3 working days" is due at 17:00 on Tuesday 16 Feb, on every delivery', async () => {
    const id = await publishKhan({ ack: 3, forward: 5, report: 10 });
    const dispatch = await t.db.getRepository(Dispatch).findOneByOrFail({ id });
    expect(vn(dispatch.publishedAt!)).toBe('2027-02-04 10:00');
    expect(vn(dispatch.ackDueAt!)).toBe('2027-02-16 17:00');
    expect(vn(dispatch.forwardDueAt!)).toBe('2027-02-18 17:00');
    expect(vn(dispatch.reportDueAt!)).toBe('2027-02-25 17:00');
    const deliveries = await t.db.getRepository(Delivery).findBy({ dispatchId: id });
    expect(deliveries).toHaveLength(2);
    for (const d of deliveries)
      expect([vn(d.ackDueAt!), vn(d.forwardDueAt!), vn(d.reportDueAt!)]).toEqual([
        '2027-02-16 17:00',
        '2027-02-18 17:00',
        '2027-02-25 17:00',
      ]);
  });

  it('an admin-kept working Saturday counts: with 13 Feb worked, 3 working days end on Monday 15 Feb', async () => {
    await t
      .http()
      .post('/api/v1/calendar/exceptions')
      .set(pa05.auth)
      .send({ day: '2027-02-13', working: true, reason: 'Làm bù' })
      .expect(403);
    const set = await t
      .http()
      .post('/api/v1/calendar/exceptions')
      .set(admin.auth)
      .send({ day: '2027-02-13', working: true, reason: 'Làm bù ngày 10/02/2027 theo thông báo của UBND tỉnh' })
      .expect(200);
    expect(set.body.days[0]).toMatchObject({ day: '2027-02-13', working: true, kind: 'exception_working' });
    const id = await publishKhan({ ack: 3, forward: 3, report: 3 });
    const dispatch = await t.db.getRepository(Dispatch).findOneByOrFail({ id });
    expect(vn(dispatch.ackDueAt!)).toBe('2027-02-15 17:00');
    await t.http().delete('/api/v1/calendar/exceptions/2027-02-13').set(admin.auth).expect(204);
    const after = await t.http().get('/api/v1/calendar/working-days?from=2027-02-13&to=2027-02-13').set(pa05.auth).expect(200);
    expect(after.body.days[0].kind).toBe('weekend');
  });

  it('refuses unclear input with a Vietnamese message', async () => {
    const reversed = await t.http().get('/api/v1/calendar/working-days?from=2027-03-01&to=2027-02-01').set(pa05.auth).expect(400);
    expect(reversed.body.message).toMatch(/phải sau hoặc trùng/);
    await t.http().get('/api/v1/calendar/working-days?from=2027-13-01&to=2027-02-01').set(pa05.auth).expect(400);
    const both = seedDispatchDto(
      { directorUnitId: (await unitByCode(t, 'CA-36-BGD')).id, archiveUnitIds: [] },
      { number: 999, ackDueWorkingDays: 3 },
    );
    const res = await t.http().post('/api/v1/dispatches').set(pa05.auth).send(both).expect(400);
    expect(res.body.message).toMatch(/không ghi cả hai/);
    const noReason = await t
      .http()
      .post('/api/v1/calendar/exceptions')
      .set(admin.auth)
      .send({ day: '2027-02-20', working: true })
      .expect(400);
    expect(JSON.stringify(noReason.body)).toMatch(/lý do/);
  });
});
