import { jest } from '@jest/globals';
import { DeliveryStatus } from '@app/database';
import { MailOutbox, QueueName, SchedulerId } from '@app/queue';
import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { seedNamDinh } from './support/factories.js';
import { insertPublishedOutbox, untilAllSent } from './support/outbox-factory.js';
import { SmtpListener } from './support/smtp-listener.js';
import { createTestApp, TestApp } from './support/test-app.js';
import { createTestWorker, TestWorker } from './support/test-worker.js';

// Jest ignores testTimeout set per project: these tests wait on real queues.
jest.setTimeout(60_000);

/** The no-Redis start (npm start): BullMQ's PostgreSQL backend carries the same jobs. */
describe('Mail delivery on the PostgreSQL queue backend (no REDIS_URL)', () => {
  let smtp: SmtpListener;
  let t: TestApp;
  let worker: TestWorker;

  beforeAll(async () => {
    smtp = await SmtpListener.start();
    t = await createTestApp({ REDIS_URL: '', SMTP_URL: smtp.url, OUTBOX_RELAY_INTERVAL_MS: '300' });
    expect(t.config.usesRedis).toBe(false);
    await seedNamDinh(t);
    worker = await createTestWorker(t.config);
  });
  afterAll(async () => {
    await worker?.close();
    await t?.close();
    await smtp?.close();
  });

  it('delivers enqueued and relayed messages end to end, one e-mail per message despite re-enqueues', async () => {
    const enqueued = await insertPublishedOutbox(t);
    const relayed = await insertPublishedOutbox(t, { number: 5208 }); // never enqueued: the relay's job
    const ids = enqueued.messages.map((m) => m.id);
    const outbox = t.app.get(MailOutbox);
    await outbox.enqueue(ids, t.config.mailRetry);
    await outbox.enqueue(ids, t.config.mailRetry);
    await outbox.enqueue(ids, t.config.mailRetry);

    const all = [...enqueued.messages, ...relayed.messages];
    await smtp.waitFor(all.length, 30_000);
    await untilAllSent(
      t,
      all.map((m) => m.id),
    );
    await new Promise((r) => setTimeout(r, 1_000)); // a duplicate would arrive now

    expect(smtp.mails.map((m) => m.to[0]).sort()).toEqual(all.map((m) => m.toAddress).sort());
    expect(smtp.mails.every((m) => m.subject.startsWith('Công văn số 520'))).toBe(true);
    const deliveries: { status: string }[] = await t.db.query(`SELECT status FROM deliveries WHERE dispatch_id = ANY($1::uuid[])`, [
      [enqueued.dispatch.id, relayed.dispatch.id],
    ]);
    expect(deliveries.map((d) => d.status)).toEqual(deliveries.map(() => DeliveryStatus.Sent));
    // The jobs lived in PostgreSQL, in this deployment's own schema.
    const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM information_schema.schemata WHERE schema_name LIKE 'bullmq\\_%'`);
    expect(n).toBeGreaterThan(0);
  });

  it('holds the follow-up schedules too: the sweep every interval, the daily digest as a cron in Vietnam time', async () => {
    const scheduling = await createTestWorker(t.config, { FOLLOW_UP_SWEEP_INTERVAL_MS: 300_000, DIGEST_ENABLED: true, DIGEST_HOUR_VN: 7 });
    const queue = scheduling.app.get<Queue>(getQueueToken(QueueName.FollowUp));
    try {
      expect(await queue.getJobScheduler(SchedulerId.FollowUpSweep)).toMatchObject({ every: 300_000 });
      expect(await queue.getJobScheduler(SchedulerId.DailyDigest)).toMatchObject({ pattern: '*/10 7-23 * * *', tz: 'Asia/Ho_Chi_Minh' });
    } finally {
      await queue.removeJobScheduler(SchedulerId.FollowUpSweep);
      await queue.removeJobScheduler(SchedulerId.DailyDigest);
      await scheduling.close();
    }
  });
});
