import { jest } from '@jest/globals';
import { Delivery, DeliveryStatus, MessageStatus, RecipientPurpose } from '@app/database';
import { MailOutbox } from '@app/queue';
import { seedNamDinh } from './support/factories.js';
import { untilAllSent, eventually, insertPublishedOutbox, messageRows } from './support/outbox-factory.js';
import { SmtpListener } from './support/smtp-listener.js';
import { createTestApp, TestApp } from './support/test-app.js';
import { createTestWorker, TestWorker } from './support/test-worker.js';

// Jest ignores testTimeout set per project: these tests wait on real retries and reconnects.
jest.setTimeout(60_000);

// Retries 100, 200, 400, 800, 1600 ms apart: six tries in about three seconds.
const MAX_ATTEMPTS = 6;

describe('Mail delivery: a 4xx is retried with backoff, a 5xx fails at once with its reason', () => {
  let smtp: SmtpListener;
  let t: TestApp;
  let worker: TestWorker;

  beforeAll(async () => {
    smtp = await SmtpListener.start();
    t = await createTestApp({ SMTP_URL: smtp.url, MAIL_RETRY_BASE_MS: '100', MAIL_MAX_ATTEMPTS: String(MAX_ATTEMPTS) });
    await seedNamDinh(t);
    worker = await createTestWorker(t.config);
  });
  afterAll(async () => {
    await worker?.close();
    await t?.close();
    await smtp?.close();
  });

  it('retries while the SMTP server refuses mail, then delivers each message exactly once', async () => {
    const { messages } = await insertPublishedOutbox(t, { number: 5401 });
    smtp.refuseFirstAttempts(2, 451);
    await t.app.get(MailOutbox).enqueue(
      messages.map((m) => m.id),
      t.config.mailRetry,
    );

    await smtp.waitFor(messages.length, 15_000);
    await untilAllSent(
      t,
      messages.map((m) => m.id),
    );
    await new Promise((r) => setTimeout(r, 500)); // a duplicate would arrive now

    expect(smtp.refusals.length).toBe(2 * messages.length);
    expect(smtp.mails.map((m) => m.to[0]).sort()).toEqual(messages.map((m) => m.toAddress).sort());
    for (const row of await messageRows(
      t,
      messages.map((m) => m.id),
    )) {
      expect(row.status).toBe(MessageStatus.Sent);
      expect(row.attempts).toBe(3); // two refusals, then the delivery
      expect(row.lastError).toBeNull();
    }
  });

  it('retries an address answered 4xx, then fails it at once on a 5xx, with the reason, and sends the others', async () => {
    smtp.mails.splice(0);
    smtp.refusals.splice(0);
    // Busy twice (451), then refused for good (550): three tries, no fourth, though six are allowed.
    smtp.refuseAddressWith('ubnd-361@namdinh.example', [451, 451, 550]);
    const { messages, deliveries } = await insertPublishedOutbox(t, {
      number: 5402,
      recipients: [
        { unitCode: 'UBND-361', purpose: RecipientPurpose.Action },
        { unitCode: 'UBND-362', purpose: RecipientPurpose.Action },
      ],
    });
    await t.app.get(MailOutbox).enqueue(
      messages.map((m) => m.id),
      t.config.mailRetry,
    );
    const bad = messages.find((m) => m.toAddress === 'ubnd-361@namdinh.example')!;
    await eventually(async () => (await messageRows(t, [bad.id]))[0].status === MessageStatus.Failed, 20_000, 'message failed');
    const failedAt = Date.now();

    const [row] = await messageRows(t, [bad.id]);
    expect(row.attempts).toBe(3);
    expect(row.attempts).toBeLessThan(MAX_ATTEMPTS);
    expect(row.lastError).toMatch(/550 Mailbox ubnd-361@namdinh.example unavailable/);
    expect(row.sentAt).toBeNull();
    expect(smtp.refusals.filter((r) => r.to === bad.toAddress).map((r) => r.code)).toEqual([451, 451, 550]);
    // The mail is accepted before its row is marked sent: wait for the row.
    await untilAllSent(t, [messages.find((m) => m !== bad)!.id]);
    expect(smtp.mails.map((m) => m.to[0])).toEqual(['ubnd-362@namdinh.example']);

    const byUnit = await t.db.getRepository(Delivery).findBy({ dispatchId: deliveries[0].dispatchId });
    expect(byUnit.find((d) => d.id === bad.deliveryId)!.status).toBe(DeliveryStatus.Pending);
    expect(byUnit.find((d) => d.id !== bad.deliveryId)!.status).toBe(DeliveryStatus.Sent);

    // The next backoff would have been 400 ms, then 800: nothing tries again (the listener would now accept).
    await new Promise((r) => setTimeout(r, 1_500));
    expect(smtp.refusals.filter((r) => r.to === bad.toAddress)).toHaveLength(3);
    expect(smtp.mailsTo(bad.toAddress)).toHaveLength(0);
    expect(Date.now() - failedAt).toBeGreaterThanOrEqual(1_500);
    // Nothing retries a failed row later: a re-enqueue (relay, api) leaves it alone.
    await t.app.get(MailOutbox).enqueue([bad.id], t.config.mailRetry);
    await new Promise((r) => setTimeout(r, 500));
    expect((await messageRows(t, [bad.id]))[0]).toMatchObject({ status: MessageStatus.Failed, attempts: 3 });
    expect(smtp.mailsTo(bad.toAddress)).toHaveLength(0);
  });
});
