import { AckLinkSigner, FileStore } from '@app/common';
import { loadConfig } from '@app/config';
import { MessageKind, RecipientPurpose, Urgency } from '@app/database';
import { Readable } from 'node:stream';
import { seedDispatchRow } from '../../../test/support/seed-dispatch-row.js';
import { DispatchMailRenderer, MAX_ATTACHED_BYTES } from './dispatch-mail.renderer.js';
import type { DispatchMailContext } from './dispatch-mail.types.js';

const SEED_SUBJECT =
  'Công văn số 5207/CAT-PA05 ngày 19/10/2023 của Công an tỉnh Nam Định — V/v thông báo thủ đoạn mới của tội phạm hoạt động lừa đảo chiếm đoạt tài sản trên không gian mạng';

describe('DispatchMailRenderer', () => {
  const config = loadConfig({ JWT_SECRET: 'k'.repeat(40), PUBLIC_BASE_URL: 'https://congvan.namdinh.example' });
  const signer = new AckLinkSigner(config);
  const opened: string[] = [];
  const files = {
    open: (key: string) => {
      opened.push(key);
      return Readable.from([Buffer.from(`content of ${key}`)]);
    },
  } as unknown as FileStore;
  const renderer = new DispatchMailRenderer(signer, files);

  const seed = seedDispatchRow();
  const context = (over: Partial<DispatchMailContext> = {}): DispatchMailContext => ({
    message: { id: '6f1d0f7e-51a4-4b43-9a43-0c7c2c0a9e11', kind: MessageKind.Notice, toAddress: 'ubnd-366@namdinh.example' },
    delivery: {
      id: '0b9f3c1e-2a4d-4c5e-8f60-718293a4b5c6',
      purpose: RecipientPurpose.Coordinate,
      ackDueAt: new Date('2023-10-21T10:00:00Z'),
      forwardDueAt: null,
      reportDueAt: new Date('2023-10-31T09:30:00Z'),
      instruction: null,
      linkNonce: signer.newNonce(),
      linkExpiresAt: signer.expiryFrom(new Date()),
    },
    dispatch: { ...seed },
    tasks: seed.tasks,
    attachments: [],
    recipientName: 'UBND huyện Hải Hậu',
    issuerName: 'Công an tỉnh Nam Định',
    forwardedByName: null,
    ...over,
  });

  it('writes the subject of the seed dispatch exactly', async () => {
    expect(seed.subject).toBe('V/v thông báo thủ đoạn mới của tội phạm hoạt động lừa đảo chiếm đoạt tài sản trên không gian mạng');
    expect((await renderer.render(context())).subject).toBe(SEED_SUBJECT);
  });

  it('marks urgency in the subject unless it is "thường"', () => {
    const urgent = (urgency: Urgency) => renderer.subject(context({ dispatch: { ...seed, urgency } }));
    expect(urgent(Urgency.Urgent)).toBe(`[Khẩn] ${SEED_SUBJECT}`);
    expect(urgent(Urgency.VeryUrgent)).toBe(`[Thượng khẩn] ${SEED_SUBJECT}`);
    expect(urgent(Urgency.Flash)).toBe(`[Hỏa tốc] ${SEED_SUBJECT}`);
  });

  it('puts the delivery’s own acknowledgement link in both parts, and it verifies', async () => {
    const ctx = context();
    const mail = await renderer.render(ctx);
    const token = /\/api\/v1\/ack-links\/([\w-]+\.[\w-]+)/.exec(mail.text)![1];
    expect(signer.verify(token).deliveryId).toBe(ctx.delivery.id);
    expect(mail.ackUrl).toBe(`https://congvan.namdinh.example/api/v1/ack-links/${token}`);
    expect(mail.html).toContain(`href="${mail.ackUrl}"`);
    expect(mail.text).toContain('không cần đăng nhập');
  });

  it('shows metadata, purpose, numbered tasks and deadlines in Vietnam time', async () => {
    const { text, html } = await renderer.render(context());
    for (const part of [text, html]) {
      expect(part).toContain('Kính gửi: UBND huyện Hải Hậu');
      expect(part).toContain('Để phối hợp thực hiện');
      expect(part).toContain('Nam Định, ngày 19 tháng 10 năm 2023');
      expect(part).toContain('BỘ CÔNG AN — CÔNG AN TỈNH NAM ĐỊNH');
      expect(part).toContain('Đại tá Phan Văn Lý');
      expect(part).toContain('trước 17:00 ngày 21/10/2023');
      expect(part).toContain('trước 16:30 ngày 31/10/2023');
    }
    expect(text).toContain('Xác nhận đã nhận: trước 17:00 ngày 21/10/2023');
    expect(text).not.toContain('Chuyển tiếp đến đơn vị cấp dưới');
    expect(text).toMatch(/^1\. Quán triệt, chỉ đạo toàn thể cán bộ/m);
    expect(text).toMatch(/^2\. Chỉ đạo cấp ủy, chính quyền cơ sở .* lực lượng Công an các cấp/m);
    expect(text).toMatch(/^3\. UBND xã, phường, thị trấn chỉ đạo/m);
    expect(text).not.toContain('Độ khẩn');
    // The source's emphasis: bold in HTML, no stray asterisks in the text part.
    expect(html).toContain('<strong>nhất là lực lượng Công an xã, phường, thị trấn</strong>');
    expect(text).toContain('(nhất là lực lượng Công an xã, phường, thị trấn)');
    expect(text).not.toContain('**');
  });

  it('escapes HTML from every field', async () => {
    const evil = '<script>alert("x")</script> & <b>';
    const { html, text } = await renderer.render(
      context({
        recipientName: 'UBND <i>xã</i>',
        forwardedByName: 'UBND huyện Hải Hậu',
        delivery: { ...context().delivery, instruction: evil },
      }),
    );
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<i>xã');
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;b&gt;');
    expect(text).toContain(`Ý kiến chỉ đạo khi chuyển tiếp: ${evil}`);
    expect(text).toContain('Chuyển tiếp từ: UBND huyện Hải Hậu');
  });

  it('attaches files up to 5 MB in all, and otherwise lists them with size and SHA-256', async () => {
    const sha = 'a'.repeat(64);
    const file = (name: string, sizeBytes: number) => ({
      fileName: name,
      contentType: 'application/pdf',
      sizeBytes,
      sha256: sha,
      storageKey: `aa/${sha}`,
    });
    const small = await renderer.render(context({ attachments: [file('Công văn 5207.pdf', 1_300_000)] }));
    expect(small.attachments).toEqual([
      { filename: 'Công văn 5207.pdf', contentType: 'application/pdf', content: Buffer.from(`content of aa/${sha}`) },
    ]);
    expect(small.text).toContain(`Công văn 5207.pdf (1,2 MB) — SHA-256: ${sha}`);
    expect(small.text).toContain('gửi kèm e-mail này');

    opened.length = 0;
    const large = await renderer.render(context({ attachments: [file('a.pdf', MAX_ATTACHED_BYTES), file('b.pdf', 1)] }));
    expect(large.attachments).toEqual([]);
    expect(opened).toEqual([]);
    expect(large.text).toContain(`a.pdf (5 MB) — SHA-256: ${sha}`);
    expect(large.text).toContain('vượt quá 5 MB');
  });

  it('labels reminders in the subject', () => {
    expect(renderer.subject(context({ message: { ...context().message, kind: MessageKind.Reminder } }))).toBe(
      `[Nhắc việc] ${SEED_SUBJECT}`,
    );
  });
});
