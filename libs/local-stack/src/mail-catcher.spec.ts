import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createTransport } from 'nodemailer';
import { type MailCatcher, startMailCatcher } from './mail-catcher.js';

async function sparePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('mail catcher of the local start', () => {
  let dataDir: string;
  let catcher: MailCatcher;

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'cvt-catcher-'));
    catcher = await startMailCatcher({ dataDir, smtpPort: await sparePort(), viewerPort: await sparePort() });
    const transport = createTransport({ host: '127.0.0.1', port: Number(new URL(catcher.smtpUrl).port), secure: false, ignoreTLS: true });
    const info = await transport.sendMail({
      from: '"Hệ thống theo dõi công văn" <no-reply@localhost>',
      to: 'ubnd-366@namdinh.example',
      subject: '[Khẩn] Công văn số 5207/CAT-PA05 ngày 19/10/2023',
      text: 'Kính gửi: UBND huyện Hải Hậu',
      html: '<p>Kính gửi: UBND huyện Hải Hậu</p><script>alert(1)</script><a href="http://localhost:3000/api/v1/ack-links/x.y">Xác nhận</a>',
      attachments: [{ filename: 'Công văn 5207.pdf', content: Buffer.from('%PDF-1.4') }],
    });
    expect(info.response).toMatch(/queued as \d{13}-[0-9a-f]{8}/);
    transport.close();
  });
  afterAll(async () => {
    await catcher?.stop();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('keeps each mail as an .eml file under DATA_DIR/mail', async () => {
    const files = await readdir(path.join(dataDir, 'mail'));
    expect(files.filter((f) => f.endsWith('.eml'))).toHaveLength(1);
  });

  it('lists the mails with date, recipient and subject', async () => {
    const res = await fetch(catcher.viewerUrl);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('ubnd-366@namdinh.example');
    expect(html).toContain('[Khẩn] Công văn số 5207/CAT-PA05 ngày 19/10/2023');
  });

  it('shows one mail: its HTML sandboxed and escaped, its text, its attachment, its raw file', async () => {
    const list = await (await fetch(catcher.viewerUrl)).text();
    const href = /href="(\/mail\/[0-9a-f-]+)"/.exec(list)![1];
    const res = await fetch(catcher.viewerUrl + href);
    expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
    const page = await res.text();
    expect(page).not.toContain('<script>');
    expect(page).toContain('<iframe sandbox="allow-popups allow-popups-to-escape-sandbox" srcdoc="');
    expect(page).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(page).toContain('Kính gửi: UBND huyện Hải Hậu');
    expect(page).toContain('Công văn 5207.pdf');

    const attachment = await fetch(`${catcher.viewerUrl}${href}/attachments/0`);
    expect(Buffer.from(await attachment.arrayBuffer()).toString()).toBe('%PDF-1.4');
    const raw = await (await fetch(`${catcher.viewerUrl}${href}.eml`)).text();
    expect(raw).toContain('Message-ID:');
    expect((await fetch(`${catcher.viewerUrl}/mail/../../etc/passwd`)).status).toBe(404);
  });
});
