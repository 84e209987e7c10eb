import { jest } from '@jest/globals';
import { AckLinkSigner } from '@app/common';
import { Delivery, DeliveryStatus, MessageStatus, RecipientPurpose } from '@app/database';
import { JobName, MailOutbox, QueueName } from '@app/queue';
import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { seedNamDinh } from './support/factories.js';
import { untilAllSent, eventually, insertPublishedOutbox, messageRows } from './support/outbox-factory.js';
import { SmtpListener } from './support/smtp-listener.js';
import { createTestApp, TestApp } from './support/test-app.js';
import { createTestWorker, TestWorker } from './support/test-worker.js';

// Jest ignores testTimeout set per project: these tests wait on real retries and reconnects.
jest.setTimeout(60_000);

const SUBJECT =
  'Công văn số 5207/CAT-PA05 ngày 19/10/2023 của Công an tỉnh Nam Định — V/v thông báo thủ đoạn mới của tội phạm hoạt động lừa đảo chiếm đoạt tài sản trên không gian mạng';
const TOKEN = /\/api\/v1\/ack-links\/([\w-]+\.[\w-]+)/;

describe('Mail delivery: outbox rows -> BullMQ on Redis -> worker -> SMTP', () => {
  let smtp: SmtpListener;
  let t: TestApp;
  let worker: TestWorker;

  beforeAll(async () => {
    smtp = await SmtpListener.start();
    t = await createTestApp({ SMTP_URL: smtp.url, PUBLIC_BASE_URL: 'https://congvan.namdinh.example' });
    await seedNamDinh(t);
    worker = await createTestWorker(t.config);
  });
  afterAll(async () => {
    await worker?.close();
    await t?.close();
    await smtp?.close();
  });
  beforeEach(() => smtp.mails.splice(0));

  it('sends each message once, in Vietnamese, with a working acknowledgement link, and records the outcome', async () => {
    // One unit with two addresses: one mail per address, one delivery for the unit.
    await t.db.query(`UPDATE units SET emails = emails || '{vanthu.haihau@namdinh.example}' WHERE code = 'UBND-366'`);
    const { dispatch, deliveries, messages } = await insertPublishedOutbox(t);
    expect(messages).toHaveLength(5);

    await t.app.get(MailOutbox).enqueueForDispatch(dispatch.id, t.config.mailRetry);
    const mails = await smtp.waitFor(5);
    await new Promise((r) => setTimeout(r, 300)); // anything extra would arrive now
    expect(smtp.mails).toHaveLength(5);
    expect(mails.map((m) => m.to[0]).sort()).toEqual(messages.map((m) => m.toAddress).sort());

    const signer = new AckLinkSigner(t.config);
    for (const message of messages) {
      const [mail] = smtp.mailsTo(message.toAddress);
      const delivery = deliveries.find((d) => d.id === message.deliveryId)!;
      expect(mail.subject).toBe(SUBJECT);
      expect(mail.messageId).toBe(`<msg-${message.id}@congvan.namdinh.example>`);
      expect(mail.text).toContain(`Kính gửi: ${delivery.unit.name}`);
      expect(mail.html).toContain(`Kính gửi: ${delivery.unit.name}`);
      expect(mail.text).toContain(
        { coordinate: 'Để phối hợp thực hiện', report: 'Để báo cáo', archive: 'Lưu' }[
          delivery.purpose as 'coordinate' | 'report' | 'archive'
        ],
      );
      // The link opens this delivery: its token verifies and hashes to the stored hash.
      const token = TOKEN.exec(mail.text)![1];
      expect(mail.html).toContain(token);
      const verified = signer.verify(token);
      expect(verified.deliveryId).toBe(delivery.id);
      const [{ link_token_hash }] = await t.db.query(`SELECT link_token_hash FROM deliveries WHERE id = $1`, [delivery.id]);
      expect(verified.tokenHash).toBe(link_token_hash);
    }
    // Deadlines only for the acting recipients, in Vietnam time.
    expect(smtp.mailsTo('ubnd-366@namdinh.example')[0].text).toContain('Xác nhận đã nhận: trước 17:00 ngày 23/10/2023');
    expect(smtp.mailsTo('ca-36-bgd@namdinh.example')[0].text).not.toContain('THỜI HẠN');

    await untilAllSent(
      t,
      messages.map((m) => m.id),
    );
    for (const row of await messageRows(
      t,
      messages.map((m) => m.id),
    )) {
      const mail = smtp.mailsTo(row.toAddress)[0];
      expect(row).toMatchObject({ status: MessageStatus.Sent, attempts: 1, lastError: null, providerMessageId: mail.queueId });
      expect(row.sentAt).toBeInstanceOf(Date);
    }
    const rows = await t.db.getRepository(Delivery).findBy({ dispatchId: dispatch.id });
    expect(rows.map((d) => d.status)).toEqual(rows.map(() => DeliveryStatus.Sent));
    expect(rows.every((d) => d.sentAt instanceof Date)).toBe(true);
  });

  it('ignores re-enqueues and duplicate jobs: still one e-mail per message', async () => {
    const { messages } = await insertPublishedOutbox(t, {
      number: 5301,
      recipients: [
        { unitCode: 'UBND-358', purpose: RecipientPurpose.Action },
        { unitCode: 'UBND-359', purpose: RecipientPurpose.Action },
      ],
    });
    const ids = messages.map((m) => m.id);
    const outbox = t.app.get(MailOutbox);
    // The api's enqueue, then the same ids twice more (a relay pass, a retried request).
    await Promise.all([
      outbox.enqueue(ids, t.config.mailRetry),
      outbox.enqueue(ids, t.config.mailRetry),
      outbox.enqueue(ids, t.config.mailRetry),
    ]);
    // Jobs under other ids for the same rows (as after a lost Redis, or a second worker fleet):
    // the queue cannot deduplicate these, the row lock must.
    const queue = t.app.get<Queue>(getQueueToken(QueueName.Mail), { strict: false });
    await queue.addBulk(
      ids.flatMap((messageId) =>
        [1, 2, 3].map((n) => ({ name: JobName.SendMessage, data: { messageId }, opts: { jobId: `dup-${n}-${messageId}` } })),
      ),
    );

    await smtp.waitFor(2);
    await eventually(
      async () => (await queue.getJobCounts('active', 'waiting', 'delayed')).active === 0 && (await queue.count()) === 0,
      10_000,
      'queue drained',
    );
    expect(smtp.mails.map((m) => m.to[0]).sort()).toEqual(['ubnd-358@namdinh.example', 'ubnd-359@namdinh.example']);
    expect((await messageRows(t, ids)).map((m) => [m.status, m.attempts])).toEqual([
      [MessageStatus.Sent, 1],
      [MessageStatus.Sent, 1],
    ]);
  });

  it('attaches small files with their Vietnamese names intact', async () => {
    const { FileStore } = await import('@app/common');
    const { createHash } = await import('node:crypto');
    const pdf = Buffer.from('%PDF-1.4\n% Công văn 5207\n%%EOF\n');
    const sha256 = createHash('sha256').update(pdf).digest('hex');
    const storageKey = await new FileStore(t.config).put(sha256, pdf);
    const { messages } = await insertPublishedOutbox(t, {
      number: 5302,
      recipients: [{ unitCode: 'UBND-360', purpose: RecipientPurpose.Action }],
      attachments: [
        { fileName: 'Công văn 5207 — bản ký số.pdf', contentType: 'application/pdf', sizeBytes: pdf.length, sha256, storageKey },
      ],
    });
    await t.app.get(MailOutbox).enqueue(
      messages.map((m) => m.id),
      t.config.mailRetry,
    );
    const [mail] = await smtp.waitFor(1);
    expect(mail.attachments).toEqual([{ filename: 'Công văn 5207 — bản ký số.pdf', contentType: 'application/pdf', content: pdf }]);
    expect(mail.text).toContain(`SHA-256: ${sha256}`);
  });
});
