import type { SMTPPoolOptions } from 'nodemailer';

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

/**
 * nodemailer options from SMTP_URL (smtp://user:pass@host:587 or smtps://host:465).
 * smtps is TLS from the first byte; plain smtp upgrades with STARTTLS when the server offers it,
 * except on this machine (the local mail catcher, the tests' listener) where there is no certificate.
 */
export function smtpOptions(smtpUrl: string): SMTPPoolOptions & { pool: true } {
  const url = new URL(smtpUrl);
  const secure = url.protocol === 'smtps:';
  return {
    pool: true,
    maxConnections: 5,
    maxMessages: 100,
    host: url.hostname,
    port: Number(url.port || (secure ? 465 : 587)),
    secure,
    ignoreTLS: !secure && LOCAL_HOSTS.has(url.hostname),
    auth: url.username ? { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) } : undefined,
    // A hung server must fail the attempt (and let the queue retry), not hold a worker slot forever.
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 60_000,
  };
}

/**
 * The Message-ID header of an outbox row. Deterministic, so that if the worker dies after the SMTP
 * server accepted a mail but before the row was marked sent, the retry carries the same Message-ID
 * and receiving systems can recognise the duplicate.
 */
export function outboundMessageId(messageId: string, publicBaseUrl: string): string {
  return `<msg-${messageId}@${new URL(publicBaseUrl).hostname}>`;
}

/** What the provider calls the mail: the queue id of "250 2.0.0 Ok: queued as 4Xyz", else its whole reply. */
export function providerIdFrom(response: string | undefined): string | null {
  if (!response) return null;
  const queued = /queued as ([^\s;,]+)/i.exec(response);
  return (queued ? queued[1] : response.trim()).slice(0, 255);
}
