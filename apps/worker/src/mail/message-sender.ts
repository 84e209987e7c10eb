import { AppConfig } from '@app/config';
import { MessageKind, MessageStatus } from '@app/database';
import { FollowUpMailReader } from '@app/follow-up';
import { DeliveryMailReader, type LockedDeliveryMail, MessageRepository } from '@app/rollout';
import { DigestMail, DispatchMailRenderer, EscalationMail, MailTransport, type RenderedMail } from '@app/mail';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { UnrecoverableError } from 'bullmq';
import { DataSource, type EntityManager } from 'typeorm';

export type SendOutcome = 'sent' | 'already-sent' | 'already-failed' | 'missing' | 'cancelled';

type Attempt = { outcome: SendOutcome } | { outcome: 'error'; error: unknown; final: boolean };

/** What a try of one locked row writes back to it, once its batch is done. */
type RowWrite = { kind: 'sent'; providerId: string | null } | { kind: 'failed'; error: string; final: boolean } | { kind: 'cancel' };

interface RowAttempt {
  row: LockedDeliveryMail;
  attempt: Attempt;
  write: RowWrite | null;
}

interface Waiting {
  messageId: string;
  lastTry: boolean;
  resolve: (attempt: Attempt) => void;
  reject: (error: unknown) => void;
}

/**
 * How long a mail waits for others to share its batch's database round trips, and the most in one
 * batch. A batch commits once its last mail is accepted, so its size is also how many accepted mails
 * a killed worker can leave unrecorded (sent again, same Message-ID): 10 keeps that small and already
 * divides the round trips per mail by ten.
 */
const BATCH_WINDOW_MS = 5;
const MAX_BATCH = 10;

const REMINDER_MOOT = 'Đơn vị đã thực hiện trước khi nhắc được gửi';

/**
 * Sends outbox rows, each at most once as far as this system can tell, in batches.
 *
 * The mails that reach the worker within a few milliseconds of each other (up to MAIL_CONCURRENCY)
 * share one transaction: one statement locks their rows (SELECT … FOR UPDATE SKIP LOCKED) and reads
 * what each mail shows, every mail is rendered and handed to SMTP, and one statement marks them sent
 * (or failed, with the reason) before the commit. A database round trip and a commit per batch
 * rather than five per mail: that is what lets the worker keep up with the SMTP server.
 *
 * The rows stay locked for the whole render-and-send, so a duplicate job (re-enqueued by the relay,
 * redelivered after a stall, or run by a second worker) does not find its row in the batch lock:
 * it is sent on its own, waits for the lock (bounded) and then finds the row sent and does nothing.
 *
 * The one window left: the SMTP server has accepted a mail and the process dies (or loses the
 * database) before its batch commits. The row is still pending, so a retry sends it again. Both
 * copies carry the same Message-ID (<msg-<row id>@<public host>>), which lets receiving systems and
 * readers recognise the second as a duplicate. Closing the window for good would need the SMTP
 * server to deduplicate by Message-ID, which plain SMTP does not promise.
 */
@Injectable()
export class MessageSender {
  private waiting: Waiting[] = [];
  private timer: NodeJS.Timeout | undefined;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly messages: MessageRepository,
    private readonly reader: DeliveryMailReader,
    private readonly followUpMail: FollowUpMailReader,
    private readonly renderer: DispatchMailRenderer,
    private readonly transport: MailTransport,
    private readonly config: AppConfig,
    private readonly escalations: EscalationMail,
    private readonly digests: DigestMail,
  ) {}

  /**
   * @param lastTry the queue will not retry after this attempt (its attempts are used up).
   * Throws when sending failed: a plain error to be retried, an UnrecoverableError once the row is
   * marked failed.
   */
  async send(messageId: string, lastTry: boolean): Promise<SendOutcome> {
    const attempt = await new Promise<Attempt>((resolve, reject) => {
      this.waiting.push({ messageId, lastTry, resolve, reject });
      if (this.waiting.length >= MAX_BATCH) this.flush();
      else this.timer ??= setTimeout(() => this.flush(), BATCH_WINDOW_MS);
    });
    if (attempt.outcome !== 'error') return attempt.outcome;
    const message = describe(attempt.error);
    // Thrown after the commit, so the attempt and its error stay recorded on the row.
    if (attempt.final) throw new UnrecoverableError(`Gave up on message ${messageId}: ${message}`);
    throw attempt.error instanceof Error ? attempt.error : new Error(message);
  }

  private flush(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    const batch = this.waiting;
    this.waiting = [];
    void this.sendBatch(batch);
  }

  /** One transaction for the rows it can lock now; the others (held elsewhere, not a delivery's mail) go one by one. */
  private async sendBatch(batch: Waiting[]): Promise<void> {
    let done: { settled: [Waiting, Attempt][]; alone: Waiting[] };
    try {
      done = await this.db.transaction(async (em) => {
        const rows = new Map(
          (
            await this.reader.lockBatchForSend(
              em,
              batch.map((w) => w.messageId),
            )
          ).map((r) => [r.mail.message.id, r]),
        );
        const mine: [Waiting, LockedDeliveryMail][] = [];
        const alone: Waiting[] = [];
        for (const waiting of batch) {
          const row = rows.get(waiting.messageId);
          // A second job for the same row in this batch goes alone: it waits for this lock, then finds the row sent.
          rows.delete(waiting.messageId);
          if (row) mine.push([waiting, row]);
          else alone.push(waiting);
        }
        const tries = await Promise.all(mine.map(([waiting, row]) => this.tryRow(row, waiting.lastTry)));
        await this.record(em, tries);
        return { settled: mine.map(([waiting], i): [Waiting, Attempt] => [waiting, tries[i].attempt]), alone };
      });
    } catch (error) {
      // Nothing was recorded: every job of the batch is retried (a mail already handed over goes again, same Message-ID).
      for (const waiting of batch) waiting.reject(error);
      return;
    }
    for (const [waiting, attempt] of done.settled) waiting.resolve(attempt);
    for (const waiting of done.alone) this.sendAlone(waiting.messageId, waiting.lastTry).then(waiting.resolve, waiting.reject);
  }

  /** One row in its own transaction, waiting (bounded) behind a duplicate that is sending it right now. */
  private sendAlone(messageId: string, lastTry: boolean): Promise<Attempt> {
    return this.db.transaction(async (em): Promise<Attempt> => {
      await this.messages.boundLockWait(em);
      const row = await this.reader.lockForSend(em, messageId);
      // An escalation or a digest belongs to no delivery: the reader's join does not find it.
      if (!row) return this.sendStandalone(em, messageId, lastTry);
      const tried = await this.tryRow(row, lastTry);
      await this.record(em, [tried]);
      return tried.attempt;
    });
  }

  /** Renders and sends one locked row; what to write back waits for the rest of its batch. */
  private async tryRow(row: LockedDeliveryMail, lastTry: boolean): Promise<RowAttempt> {
    const done = (outcome: SendOutcome, write: RowWrite | null = null): RowAttempt => ({ row, attempt: { outcome }, write });
    if (row.status === MessageStatus.Sent) return done('already-sent');
    if (row.status === MessageStatus.Failed) return done('already-failed');
    if (row.status === MessageStatus.Cancelled) return done('cancelled');
    // A reminder never reaches a unit that did the step between the sweep and now.
    if (row.reminderMoot) return done('cancelled', { kind: 'cancel' });

    // The row counts attempts across queue jobs (a relay re-enqueue after losing Redis starts a
    // fresh job), so either limit ends the retries.
    const attemptsUsed = lastTry || row.attempts + 1 >= this.config.MAIL_MAX_ATTEMPTS;
    const messageId = row.mail.message.id;
    try {
      const mail = await this.renderer.render(row.mail);
      const sent = await this.transport.send({ messageId, to: row.mail.message.toAddress, ...mail });
      return done('sent', { kind: 'sent', providerId: sent.providerId });
    } catch (error) {
      // A 5xx is the server's final word on this mail: retrying cannot change it, so fail now.
      const final = attemptsUsed || isPermanentRefusal(error);
      return { row, attempt: { outcome: 'error', error, final }, write: { kind: 'failed', error: describe(error), final } };
    }
  }

  /** What the tries of a batch write back: at most one statement per kind, usually just the one that marks them sent. */
  private async record(em: EntityManager, tries: RowAttempt[]): Promise<void> {
    const sent: { messageId: string; providerId: string | null; deliveryId: string }[] = [];
    const failed: { messageId: string; error: string; final: boolean }[] = [];
    const cancelled: string[] = [];
    for (const { row, write } of tries) {
      const messageId = row.mail.message.id;
      if (write?.kind === 'sent') sent.push({ messageId, providerId: write.providerId, deliveryId: row.deliveryId });
      else if (write?.kind === 'failed') failed.push({ messageId, error: write.error, final: write.final });
      else if (write?.kind === 'cancel') cancelled.push(messageId);
    }
    // Sent, and each delivery's first mail moves it to sent: one statement.
    await this.messages.recordDeliveriesSent(em, sent);
    await this.messages.recordFailures(em, failed);
    await this.messages.cancel(em, cancelled, REMINDER_MOOT);
  }

  /**
   * A mail with no delivery of its own to move: an escalation (the list of late units below a unit)
   * or a leader's daily digest. Render it and send it.
   */
  private async sendStandalone(em: EntityManager, messageId: string, lastTry: boolean): Promise<Attempt> {
    const row = await this.messages.lockForSend(em, messageId);
    if (!row || (row.kind !== MessageKind.Escalation && row.kind !== MessageKind.Digest)) return { outcome: 'missing' };
    if (row.status === MessageStatus.Sent) return { outcome: 'already-sent' };
    if (row.status === MessageStatus.Failed) return { outcome: 'already-failed' };
    if (row.status === MessageStatus.Cancelled) return { outcome: 'cancelled' };
    const final = lastTry || row.attempts + 1 >= this.config.MAIL_MAX_ATTEMPTS;
    const mail = await this.loadStandalone(em, messageId, row.kind);
    if (!mail) return { outcome: 'missing' };
    try {
      const sent = await this.transport.send({ messageId, to: mail.to, ...mail.render() });
      await this.messages.recordSent(em, messageId, sent.providerId);
      return { outcome: 'sent' };
    } catch (error) {
      await this.messages.recordFailures(em, [{ messageId, error: describe(error), final }]);
      return { outcome: 'error', error, final };
    }
  }

  /** The row's content, read in the sending transaction; rendering waits for the try of the send. */
  private async loadStandalone(
    em: EntityManager,
    messageId: string,
    kind: MessageKind,
  ): Promise<{ to: string; render: () => RenderedMail } | null> {
    if (kind === MessageKind.Digest) {
      const ctx = await this.followUpMail.digest(em, messageId);
      return ctx && { to: ctx.toAddress, render: () => this.digests.render(ctx) };
    }
    const ctx = await this.followUpMail.escalation(em, messageId);
    return ctx && { to: ctx.toAddress, render: () => this.escalations.render(ctx) };
  }
}

/**
 * An SMTP reply of 5xx (RFC 5321 "permanent negative completion": 550 no such mailbox, 554
 * transaction failed) as nodemailer reports it (`responseCode`). A 4xx ("try again later"), a
 * dropped connection or a timeout is not: those are retried with backoff.
 */
export function isPermanentRefusal(error: unknown): boolean {
  const code = typeof error === 'object' && error !== null ? (error as { responseCode?: unknown }).responseCode : undefined;
  return typeof code === 'number' && code >= 500 && code <= 599;
}

/** "450 4.2.0 Mailbox busy (EENVELOPE)": what the issuer and an operator need to act on. */
export function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error).slice(0, 1000);
  const code = (error as { code?: string }).code;
  return `${error.message}${code && !error.message.includes(code) ? ` (${code})` : ''}`.slice(0, 1000);
}
