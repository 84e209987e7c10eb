import { Delivery, Role } from '@app/database';
import { seedNamDinh, signIn, SignedIn, unitByCode } from './support/factories.js';
import { eventually } from './support/outbox-factory.js';
import { SEED, seedDispatchDto } from './support/seed-dispatch.js';
import { SmtpListener } from './support/smtp-listener.js';
import { createTestApp, TestApp } from './support/test-app.js';
import { createTestWorker, TestWorker } from './support/test-worker.js';

const LINK = /https:\/\/congvan\.namdinh\.example(\/api\/v1\/ack-links\/[\w-]+\.[\w-]+)/;

/**
 * Issue to inbox through the real pipeline: the API publishes 5207/CAT-PA05 as its "Kính gửi"
 * and "Nơi nhận" say, the worker sends over SMTP, and each unit opens and confirms from its e-mail.
 */
describe('Publishing the seed dispatch reaches every addressee by e-mail (PostgreSQL, Redis, SMTP)', () => {
  let smtp: SmtpListener;
  let t: TestApp;
  let worker: TestWorker;
  let pa05: SignedIn;

  beforeAll(async () => {
    smtp = await SmtpListener.start();
    t = await createTestApp({ SMTP_URL: smtp.url, PUBLIC_BASE_URL: 'https://congvan.namdinh.example' });
    await seedNamDinh(t);
    worker = await createTestWorker(t.config);
    pa05 = await signIn(t, Role.Issuer, 'CA-36-PA05');
  });
  afterAll(async () => {
    await worker?.close();
    await t?.close();
    await smtp?.close();
  });

  it('one delivery per unit, one e-mail per address, the right subject, and a link that opens and confirms', async () => {
    const units = {
      directorUnitId: (await unitByCode(t, 'CA-36-BGD')).id,
      archiveUnitIds: [(await unitByCode(t, 'CA-36-VT')).id, (await unitByCode(t, 'CA-36-PA05')).id],
    };
    const draft = (await t.http().post('/api/v1/dispatches').set(pa05.auth).send(seedDispatchDto(units)).expect(201)).body;
    const published = (await t.http().post(`/api/v1/dispatches/${draft.id}/publish`).set(pa05.auth).expect(200)).body;

    const expected: { code: string; purpose: string; emails: string[] }[] = await t.db.query(
      `SELECT u.code, d.purpose, u.emails FROM deliveries d JOIN units u ON u.id = d.unit_id WHERE d.dispatch_id = $1`,
      [draft.id],
    );
    const departments = await t.db.query(`SELECT code FROM units WHERE type = 'department' AND active`);
    expect(expected).toHaveLength(departments.length + 10 + 1 + 2);
    expect(new Set(expected.map((e) => e.code)).size).toBe(expected.length);
    const addresses = expected.flatMap((e) => e.emails);
    expect(published.messages).toBe(addresses.length);

    const mails = await smtp.waitFor(addresses.length, 60_000);
    await new Promise((r) => setTimeout(r, 500)); // a duplicate would arrive now
    expect(smtp.mails).toHaveLength(addresses.length);
    expect(mails.map((m) => m.to[0]).sort()).toEqual([...addresses].sort());
    for (const mail of mails) {
      expect(mail.subject).toBe(`Công văn số ${SEED.number}/${SEED.symbol} ngày 19/10/2023 của Công an tỉnh Nam Định — ${SEED.subject}`);
    }

    // Purposes follow the seed's "Nơi nhận": the director "để báo cáo", the addressees "để phối hợp thực hiện", "Lưu: VT, PA05".
    const purposeOf = Object.fromEntries(expected.map((e) => [e.code, e.purpose]));
    expect(purposeOf).toMatchObject({
      'CA-36-BGD': 'report',
      'CA-36-VT': 'archive',
      'CA-36-PA05': 'archive',
      'UBND-366': 'coordinate',
      '36-SNV': 'coordinate',
    });
    const director = smtp.mailsTo('ca-36-bgd@namdinh.example')[0];
    expect(director.text).toContain('Để báo cáo');

    // Hải Hậu opens the link in its e-mail ("01 đã đến"), then confirms ("03").
    const haiHauMail = smtp.mailsTo('ubnd-366@namdinh.example')[0];
    const path = LINK.exec(haiHauMail.text)![1];
    const opened = await t.http().get(path).expect(200);
    expect(opened.body).toMatchObject({ unit: { code: 'UBND-366' }, delivery: { status: 'arrived' }, dispatch: { number: 5207 } });
    const ack = await t.http().post(`${path}/acknowledge`).send({ name: 'Trần Thị Mai, văn thư' }).expect(200);
    expect(ack.body).toMatchObject({ method: 'email_link', status: 'accepted', byName: 'Trần Thị Mai, văn thư', created: true });

    // The worker records each outcome just after the SMTP server accepted the mail.
    await eventually(
      async () => {
        const view = (await t.http().get(`/api/v1/dispatches/${draft.id}`).set(pa05.auth).expect(200)).body;
        return view.messageCounts.sent === addresses.length && Object.keys(view.messageCounts).length === 1;
      },
      20_000,
      'every message recorded as sent',
    );
    const sentDeliveries = await t.db.getRepository(Delivery).countBy({ dispatchId: draft.id, status: 'sent' as never });
    expect(sentDeliveries).toBe(expected.length - 1);
  });
});
