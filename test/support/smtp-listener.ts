import { simpleParser } from 'mailparser';
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  to: string[];
  from: string;
  subject: string;
  html: string;
  text: string;
  /** The Message-ID header, angle brackets included. */
  messageId: string;
  /** The queue id this listener answered with ("queued as …"): what the sender records. */
  queueId: string;
  headers: Map<string, unknown>;
  attachments: { filename: string; contentType: string; content: Buffer }[];
}

/** The path of the signed acknowledgement link in a mail's text (`/api/v1/ack-links/<token>`). */
export function ackLinkPathIn(mail: ReceivedMail): string {
  const m = /https?:\/\/[^/\s"]+(\/api\/v1\/ack-links\/[\w-]+\.[\w-]+)/.exec(mail.text);
  if (!m) throw new Error(`no acknowledgement link in the mail to ${mail.to.join(', ')}`);
  return m[1];
}

type SmtpError = Error & { responseCode: number };

const smtpError = (code: number, message: string): SmtpError => Object.assign(new Error(message), { responseCode: code });

/**
 * A real SMTP server in the test process (smtp-server), parsing every mail it accepts (mailparser).
 * It can refuse all mail for a while (a busy or broken relay) and refuse chosen addresses for good.
 */
export class SmtpListener {
  readonly mails: ReceivedMail[] = [];
  /** Every recipient command it refused, for tests that need to see the retries happen. */
  readonly refusals: { to: string; code: number }[] = [];
  private refuseAllUntil = 0;
  private refuseAllCode = 451;
  private readonly refusedAddresses = new Map<string, number>();
  /** Per address, how many more recipient commands to refuse (see refuseFirstAttempts). */
  private readonly refusalsLeft = new Map<string, number>();
  private refuseFirstCount = 0;
  private refuseFirstCode = 451;
  private waiters: (() => void)[] = [];
  private readonly sequences = new Map<string, number[]>();

  private constructor(
    private readonly server: SMTPServer,
    readonly port: number,
  ) {}

  static async start(): Promise<SmtpListener> {
    // The server's callbacks need the listener, which needs the server: bound through this holder.
    const ref: { listener?: SmtpListener } = {};
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onRcptTo: (address, _session, callback) => ref.listener!.onRcptTo(address.address.toLowerCase(), callback),
      onData: (stream, _session, callback) => void ref.listener!.onData(stream, callback),
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve());
    });
    // A client that dies mid-session (a worker killed on purpose) resets its connection: that is
    // the client's failure, not the listener's, and must not crash the test process.
    server.on('error', () => undefined);
    const port = (server.server.address() as AddressInfo).port;
    ref.listener = new SmtpListener(server, port);
    return ref.listener;
  }

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  /** Refuse every recipient (421/451: try later; 5xx: broken relay) for the next `forMs`. */
  refuseAllFor(forMs: number, code = 451): void {
    this.refuseAllUntil = Date.now() + forMs;
    this.refuseAllCode = code;
  }

  /**
   * Refuse the first `attempts` recipient commands for every address, then accept. Counted, not
   * timed, so a slow machine sees the same refusals as a fast one.
   */
  refuseFirstAttempts(attempts: number, code = 451): void {
    this.refuseFirstCount = attempts;
    this.refuseFirstCode = code;
    this.refusalsLeft.clear();
  }

  /**
   * Answer one address's recipient commands with these codes in turn (e.g. 451, 451, 550), then
   * accept it: a relay that is busy for a while and then refuses the mailbox for good.
   */
  refuseAddressWith(address: string, codes: number[]): void {
    this.sequences.set(address.toLowerCase(), [...codes]);
  }

  /** Refuse one address for good ("550 no such mailbox"). */
  refuseAddress(address: string, code = 550): void {
    this.refusedAddresses.set(address.toLowerCase(), code);
  }

  mailsTo(address: string): ReceivedMail[] {
    return this.mails.filter((m) => m.to.includes(address.toLowerCase()));
  }

  /** The first mail to `address`, once it has arrived; rejects after `timeoutMs`. */
  async waitForMailTo(address: string, timeoutMs = 60_000): Promise<ReceivedMail> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const [mail] = this.mailsTo(address);
      if (mail) return mail;
      if (Date.now() > deadline) throw new Error(`SMTP listener: no mail to ${address} after ${timeoutMs} ms`);
      await new Promise((r) => setTimeout(r, 200));
    }
  }

  /** Resolves once at least `n` mails have arrived in all; rejects after `timeoutMs`. */
  async waitFor(n: number, timeoutMs = 30_000): Promise<ReceivedMail[]> {
    const deadline = Date.now() + timeoutMs;
    while (this.mails.length < n) {
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`SMTP listener: expected ${n} mails, got ${this.mails.length} after ${timeoutMs} ms`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
    return this.mails;
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private onRcptTo(to: string, callback: (err?: Error | null) => void): void {
    const code =
      this.sequences.get(to)?.shift() ??
      this.refusedAddresses.get(to) ??
      this.countedRefusal(to) ??
      (Date.now() < this.refuseAllUntil ? this.refuseAllCode : undefined);
    if (code === undefined) return callback();
    this.refusals.push({ to, code });
    callback(smtpError(code, code >= 500 ? `Mailbox ${to} unavailable` : 'Service busy, try again later'));
  }

  private countedRefusal(to: string): number | undefined {
    const left = this.refusalsLeft.get(to) ?? this.refuseFirstCount;
    if (left <= 0) return undefined;
    this.refusalsLeft.set(to, left - 1);
    return this.refuseFirstCode;
  }

  private async onData(stream: NodeJS.ReadableStream, callback: (err?: Error | null, message?: string) => void): Promise<void> {
    try {
      const parsed = await simpleParser(stream as never);
      const queueId = randomBytes(6).toString('hex').toUpperCase();
      const to = (Array.isArray(parsed.to) ? parsed.to : parsed.to ? [parsed.to] : []).flatMap((a) =>
        a.value.map((v) => (v.address ?? '').toLowerCase()),
      );
      this.mails.push({
        to,
        from: parsed.from?.text ?? '',
        subject: parsed.subject ?? '',
        html: typeof parsed.html === 'string' ? parsed.html : '',
        text: parsed.text ?? '',
        messageId: parsed.messageId ?? '',
        queueId,
        headers: parsed.headers,
        attachments: parsed.attachments.map((a) => ({ filename: a.filename ?? '', contentType: a.contentType, content: a.content })),
      });
      for (const wake of this.waiters.splice(0)) wake();
      callback(null, `OK: queued as ${queueId}`);
    } catch (e) {
      callback(smtpError(451, `parse failed: ${(e as Error).message}`));
    }
  }
}
