import { AppConfig } from '@app/config';
import { MessageKind, MessageStatus } from '@app/database';
import { FollowUpMailReader } from '@app/follow-up';
import { DeliveryMailReader, MessageRepository } from '@app/rollout';
import { DigestMail, DispatchMailRenderer, EscalationMail, MailTransport, type RenderedMail } from '@app/mail';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { UnrecoverableError } from 'bullmq';
import { DataSource, type EntityManager } from 'typeorm';

export type SendOutcome = 'sent' | 'already-sent' | 'already-failed' | 'missing' | 'cancelled';

type Attempt = { outcome: SendOutcome } | { outcome: 'error'; error: unknown; final: boolean };

/**
 * Sends one outbox row, at most once as far as this system can tell.
 *
 * The row is locked (SELECT … FOR UPDATE) for the whole render-and-send, and marked sent in the
 * same transaction, so a duplicate job (re-enqueued by the relay, redelivered after a stall, or
 * run by a second worker) waits for the lock and then finds the row sent and does nothing.
 *
 * The one window left: the SMTP server has accepted the mail and the process dies (or loses the
 * database) before the transaction commits. The row is still pending, so a retry sends it again.
 * Both copies carry the same Message-ID (<msg-<row id>@<public host>>), which lets receiving
 * systems and readers recognise the second as a duplicate. Closing the window for good would need
 * the SMTP server to deduplicate by Message-ID, which plain SMTP does not promise.
 */
@Injectable()
export class MessageSender {
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
    const attempt = await this.db.transaction(async (em): Promise<Attempt> => {
      // Bounded wait behind a duplicate that is sending the same row right now.
      await this.messages.boundLockWait(em);
      // The row, locked, with what its mail shows: one query (the dispatch's own parts are cached).
      const row = await this.reader.lockForSend(em, messageId);
      // An escalation or a digest belongs to no delivery: the reader's join does not find it.
      if (!row) return this.sendStandalone(em, messageId, lastTry);
      if (row.status === MessageStatus.Sent) return { outcome: 'already-sent' };
      if (row.status === MessageStatus.Failed) return { outcome: 'already-failed' };
      if (row.status === MessageStatus.Cancelled) return { outcome: 'cancelled' };
      // A reminder never reaches a unit that did the step between the sweep and now.
      if (row.reminderMoot) {
        await this.messages.cancel(em, messageId, 'Đơn vị đã thực hiện trước khi nhắc được gửi');
        return { outcome: 'cancelled' };
      }

      // The row counts attempts across queue jobs (a relay re-enqueue after losing Redis starts a
      // fresh job), so either limit ends the retries.
      const attemptsUsed = lastTry || row.attempts + 1 >= this.config.MAIL_MAX_ATTEMPTS;
      let sent;
      try {
        const mail = await this.renderer.render(row.mail);
        sent = await this.transport.send({ messageId, to: row.mail.message.toAddress, ...mail });
      } catch (error) {
        // A 5xx is the server's final word on this mail: retrying cannot change it, so fail now.
        const final = attemptsUsed || isPermanentRefusal(error);
        await this.messages.recordFailure(em, messageId, describe(error), final);
        return { outcome: 'error', error, final };
      }
      // Sent, and the delivery's first mail moves it to sent: one statement.
      await this.messages.recordDeliverySent(em, messageId, sent.providerId, row.deliveryId);
      return { outcome: 'sent' };
    });

    if (attempt.outcome !== 'error') return attempt.outcome;
    const message = describe(attempt.error);
    // Thrown after the commit, so the attempt and its error stay recorded on the row.
    if (attempt.final) throw new UnrecoverableError(`Gave up on message ${messageId}: ${message}`);
    throw attempt.error instanceof Error ? attempt.error : new Error(message);
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
      await this.messages.recordFailure(em, messageId, describe(error), final);
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
