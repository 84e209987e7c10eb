import { Logger } from '@nestjs/common';
import { type ParsedMail, simpleParser } from 'mailparser';
import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { readdir, readFile, rename, writeFile } from 'node:fs/promises';
import type { EventEmitter } from 'node:events';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import path from 'node:path';
import { SMTPServer } from 'smtp-server';

/** Every word the viewer shows, in one place. */
const VI = {
  title: 'Hộp thư thử nghiệm',
  intro: (dir: string) =>
    `E-mail hệ thống gửi đi khi chạy npm start (chưa cấu hình SMTP_URL) được giữ lại ở đây, không gửi ra ngoài. Tệp .eml lưu tại ${dir}.`,
  empty: 'Chưa có e-mail nào.',
  received: 'Nhận lúc',
  from: 'Người gửi',
  to: 'Người nhận',
  subject: 'Tiêu đề',
  back: '← Tất cả e-mail',
  raw: 'Tải tệp .eml',
  attachments: 'Tệp đính kèm',
  textPart: 'Nội dung dạng văn bản',
  notFound: 'Không tìm thấy e-mail này.',
  shown: (n: number, total: number) => `${n} e-mail mới nhất / ${total}`,
};

const MAX_LISTED = 200;
const MAX_MAIL_BYTES = 30 * 1024 * 1024;
const ID = /^[0-9]{13}-[0-9a-f]{8}$/;

export interface MailCatcher {
  /** For SMTP_URL of the api and the worker. */
  smtpUrl: string;
  viewerUrl: string;
  stop(): Promise<void>;
}

/**
 * The local start's stand-in for an SMTP relay: accepts every mail on 127.0.0.1:<smtpPort>, keeps
 * it as <DATA_DIR>/mail/<time>-<random>.eml, and shows what it caught on http://localhost:<viewerPort>
 * so a user can read the notices and click the acknowledgement links. Never for production.
 */
export async function startMailCatcher(options: { dataDir: string; smtpPort: number; viewerPort: number }): Promise<MailCatcher> {
  const logger = new Logger('MailCatcher');
  const dir = path.resolve(options.dataDir, 'mail');
  mkdirSync(dir, { recursive: true });
  const store = new MailDirectory(dir);

  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    size: MAX_MAIL_BYTES,
    // On stop, open SMTP sessions get this long before they are cut (the launcher frees its ports fast).
    closeTimeout: 1000,
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        store.save(Buffer.concat(chunks)).then(
          (id) => callback(null, `OK: queued as ${id}`),
          (e: Error) => callback(Object.assign(new Error(`cannot store mail: ${e.message}`), { responseCode: 451 })),
        );
      });
    },
  });
  smtp.on('error', (e) => logger.warn(e.message));
  await listen((done) => smtp.listen(options.smtpPort, '127.0.0.1', done), smtp.server);

  const viewer = createServer((req, res) => {
    handle(store, req, res).catch((e: Error) => {
      logger.error(e.message);
      if (!res.headersSent) send(res, 500, 'text/plain; charset=utf-8', 'Internal error');
      else res.end();
    });
  });
  await listen((done) => viewer.listen(options.viewerPort, '127.0.0.1', done), viewer);

  return {
    smtpUrl: `smtp://127.0.0.1:${options.smtpPort}`,
    viewerUrl: `http://localhost:${options.viewerPort}`,
    stop: async () => {
      const viewerClosed = new Promise<void>((resolve) => viewer.close(() => resolve()));
      // A browser's keep-alive connection would hold the viewer's port open indefinitely.
      viewer.closeAllConnections();
      await Promise.all([new Promise<void>((resolve) => smtp.close(() => resolve())), viewerClosed]);
    },
  };
}

function listen(start: (done: () => void) => void, server: EventEmitter): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    start(() => resolve());
  });
}

/** The caught mails on disk; parsed summaries are cached (a stored mail never changes). */
class MailDirectory {
  private readonly parsed = new Map<string, Promise<ParsedMail>>();

  constructor(readonly dir: string) {}

  async save(raw: Buffer): Promise<string> {
    // Time first: file names sort in arrival order. Written whole, then renamed into view.
    const id = `${Date.now()}-${randomBytes(4).toString('hex')}`;
    const temp = path.join(this.dir, `.${id}.tmp`);
    await writeFile(temp, raw);
    await rename(temp, this.file(id));
    return id;
  }

  async ids(): Promise<string[]> {
    const names = await readdir(this.dir);
    return names
      .filter((n) => n.endsWith('.eml') && ID.test(n.slice(0, -4)))
      .map((n) => n.slice(0, -4))
      .sort()
      .reverse();
  }

  raw(id: string): Promise<Buffer> {
    return readFile(this.file(id));
  }

  parse(id: string): Promise<ParsedMail> {
    let mail = this.parsed.get(id);
    if (!mail) {
      mail = this.raw(id).then((raw) => simpleParser(raw));
      this.parsed.set(id, mail);
      mail.catch(() => this.parsed.delete(id));
    }
    return mail;
  }

  private file(id: string): string {
    return path.join(this.dir, `${id}.eml`);
  }
}

async function handle(store: MailDirectory, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://localhost');
  if (req.method !== 'GET') return send(res, 405, 'text/plain; charset=utf-8', 'Method not allowed');
  if (url.pathname === '/') return send(res, 200, 'text/html; charset=utf-8', await listPage(store));

  const m = /^\/mail\/([0-9a-f-]+)(\.eml|\/attachments\/(\d+))?$/.exec(url.pathname);
  if (!m || !ID.test(m[1])) return send(res, 404, 'text/html; charset=utf-8', page(VI.notFound, `<p>${esc(VI.notFound)}</p>`));
  const id = m[1];
  const ids = await store.ids();
  if (!ids.includes(id))
    return send(res, 404, 'text/html; charset=utf-8', page(VI.notFound, `<p>${esc(VI.notFound)} <a href="/">${esc(VI.back)}</a></p>`));

  if (m[2] === '.eml') {
    res.setHeader('Content-Disposition', `attachment; filename="${id}.eml"`);
    return send(res, 200, 'message/rfc822', await store.raw(id));
  }
  const mail = await store.parse(id);
  if (m[3] !== undefined) {
    const attachment = mail.attachments[Number(m[3])];
    if (!attachment) return send(res, 404, 'text/plain; charset=utf-8', VI.notFound);
    res.setHeader('Content-Disposition', `attachment; filename*=UTF-8''${encodeURIComponent(attachment.filename ?? 'tep-dinh-kem')}`);
    return send(res, 200, 'application/octet-stream', attachment.content);
  }
  return send(res, 200, 'text/html; charset=utf-8', mailPage(id, mail));
}

async function listPage(store: MailDirectory): Promise<string> {
  const ids = await store.ids();
  const shown = ids.slice(0, MAX_LISTED);
  const mails = await Promise.all(shown.map(async (id) => ({ id, mail: await store.parse(id).catch(() => null) })));
  const rows = mails
    .map(
      ({ id, mail }) =>
        `<tr><td>${esc(when(mail?.date ?? new Date(Number(id.split('-')[0]))))}</td><td>${esc(addresses(mail?.to))}</td><td><a href="/mail/${id}">${esc(mail?.subject ?? id)}</a></td></tr>`,
    )
    .join('\n');
  const body =
    ids.length === 0
      ? `<p>${esc(VI.empty)}</p>`
      : `<p class="muted">${esc(VI.shown(shown.length, ids.length))}</p><table><thead><tr><th>${esc(VI.received)}</th><th>${esc(VI.to)}</th><th>${esc(VI.subject)}</th></tr></thead><tbody>${rows}</tbody></table>`;
  return page(VI.title, `<h1>${esc(VI.title)}</h1><p class="muted">${esc(VI.intro(store.dir))}</p>${body}`);
}

function mailPage(id: string, mail: ParsedMail): string {
  const fields: [string, string][] = [
    [VI.received, when(mail.date ?? new Date(Number(id.split('-')[0])))],
    [VI.from, mail.from?.text ?? ''],
    [VI.to, addresses(mail.to)],
    [VI.subject, mail.subject ?? ''],
  ];
  const attachments = mail.attachments.length
    ? `<h3>${esc(VI.attachments)}</h3><ul>${mail.attachments
        .map((a, i) => `<li><a href="/mail/${id}/attachments/${i}">${esc(a.filename ?? `#${i + 1}`)}</a> (${a.size} B)</li>`)
        .join('')}</ul>`
    : '';
  // The mail's HTML runs in a sandbox with no scripts; its links open in a new tab.
  const html = typeof mail.html === 'string' ? mail.html.replace(/<head([^>]*)>/i, '<head$1><base target="_blank">') : '';
  const frame = html ? `<iframe sandbox="allow-popups allow-popups-to-escape-sandbox" srcdoc="${esc(html)}"></iframe>` : '';
  const text = mail.text ? `<h3>${esc(VI.textPart)}</h3><pre>${esc(mail.text)}</pre>` : '';
  return page(
    mail.subject ?? id,
    `<p><a href="/">${esc(VI.back)}</a> · <a href="/mail/${id}.eml">${esc(VI.raw)}</a></p><table>${fields
      .map(([k, v]) => `<tr><th>${esc(k)}</th><td>${esc(v)}</td></tr>`)
      .join('')}</table>${attachments}${frame}${text}`,
  );
}

function page(title: string, body: string): string {
  return `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>${esc(title)}</title><style>
body{font-family:system-ui,Arial,sans-serif;margin:24px;color:#1a1a1a}table{border-collapse:collapse}
td,th{padding:6px 10px;border-bottom:1px solid #ddd;text-align:left;vertical-align:top}.muted{color:#666}
iframe{width:100%;height:70vh;border:1px solid #ccc;margin-top:12px}pre{white-space:pre-wrap;background:#f6f6f6;padding:12px;font-family:inherit}
</style></head><body>${body}</body></html>`;
}

function send(res: ServerResponse, status: number, type: string, body: string | Buffer): void {
  res.writeHead(status, {
    'Content-Type': type,
    'X-Content-Type-Options': 'nosniff',
    // Inline styles only; no script runs, not even one hidden in a caught mail.
    'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-src 'self'",
  });
  res.end(body);
}

function addresses(value: ParsedMail['to']): string {
  if (!value) return '';
  return (Array.isArray(value) ? value : [value]).map((a) => a.text).join(', ');
}

function when(at: Date): string {
  return at.toLocaleString('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh' });
}

function esc(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}
