import { jest } from '@jest/globals';
import { MessageStatus } from '@app/database';
import { MailOutbox } from '@app/queue';
import { seedNamDinh } from './support/factories.js';
import { insertPublishedOutbox, messageRows, untilAllSent } from './support/outbox-factory.js';
import { TestRedis } from './support/redis-server.js';
import { SmtpListener } from './support/smtp-listener.js';
import { createTestApp, TestApp } from './support/test-app.js';
import { createTestWorker, TestWorker } from './support/test-worker.js';

// Jest ignores testTimeout set per project: these tests wait on real retries and reconnects.
jest.setTimeout(60_000);

describe('Mail delivery survives a Redis outage (outbox relay)', () => {
  let redis: TestRedis;
  let smtp: SmtpListener;
  let t: TestApp;
  let worker: TestWorker;

  beforeAll(async () => {
    redis = await TestRedis.start();
    smtp = await SmtpListener.start();
    t = await createTestApp({ REDIS_URL: redis.url, SMTP_URL: smtp.url, OUTBOX_RELAY_INTERVAL_MS: '300' });
    await seedNamDinh(t);
    worker = await createTestWorker(t.config);
  });
  afterAll(async () => {
    await redis?.restart().catch(() => undefined); // closing the queues needs a Redis to say goodbye to
    await worker?.close();
    await t?.close();
    await smtp?.close();
    await redis?.stop();
  });

  it('sends what was written while Redis was down once it returns, each message once', async () => {
    await redis.stop();

    // A publish commits its outbox rows; its enqueue waits for Redis (as the api's listener does).
    const published = await insertPublishedOutbox(t);
    const apiEnqueue = t.app
      .get(MailOutbox)
      .enqueue(
        published.messages.map((m) => m.id),
        t.config.mailRetry,
      )
      .catch(() => undefined);
    // Another publish whose api process died right after the commit: only the relay knows of it.
    const orphaned = await insertPublishedOutbox(t, { number: 5208 });
    const messages = [...published.messages, ...orphaned.messages];
    const ids = messages.map((m) => m.id);

    // Several relay passes run into the outage: nothing is sent, nothing is lost.
    await new Promise((r) => setTimeout(r, 2_000));
    expect(smtp.mails).toHaveLength(0);
    expect((await messageRows(t, ids)).map((m) => m.status)).toEqual(ids.map(() => MessageStatus.Pending));

    // Redis comes back empty (no persistence): the jobs queued before are gone with it.
    await redis.restart();
    await smtp.waitFor(ids.length, 45_000);
    await untilAllSent(t, ids);
    await apiEnqueue;
    // Two more relay periods: a duplicate (from the api's delayed add or a relay pass) would show.
    await new Promise((r) => setTimeout(r, 1_000));

    expect(smtp.mails.map((m) => m.to[0]).sort()).toEqual(messages.map((m) => m.toAddress).sort());
    expect((await messageRows(t, ids)).every((m) => m.attempts === 1 && m.enqueuedAt !== null)).toBe(true);
  });
});
