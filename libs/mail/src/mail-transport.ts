import { AppConfig, ConfigError } from '@app/config';
import { Injectable, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { createTransport, type SMTPPoolSentMessageInfo, type Transporter } from 'nodemailer';
import type { RenderedAttachment } from './dispatch-mail.types.js';
import { outboundMessageId, providerIdFrom, smtpOptions } from './smtp-options.js';

export interface OutgoingMail {
  /** Outbox row id: becomes the deterministic Message-ID header. */
  messageId: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  attachments: RenderedAttachment[];
}

export interface SentMail {
  /** The Message-ID header sent ("<msg-…@host>"). */
  messageId: string;
  /** The SMTP server's final reply ("250 2.0.0 Ok: queued as 4Xyz"). */
  response: string;
  /** The provider's id of the mail, for the message row. */
  providerId: string;
}

/** The only way mail leaves the system: nodemailer over SMTP_URL. Tests point SMTP_URL at a listener. */
@Injectable()
export class MailTransport implements OnModuleInit, OnModuleDestroy {
  private transporter?: Transporter<SMTPPoolSentMessageInfo>;

  constructor(private readonly config: AppConfig) {}

  /** Checked at init rather than in the constructor, so a failed boot still closes what it opened. */
  onModuleInit(): void {
    if (!this.config.SMTP_URL) {
      throw new ConfigError('SMTP_URL is not set: the worker cannot send e-mail (npm start sets it to the local mail catcher).');
    }
    this.transporter = createTransport(smtpOptions(this.config.SMTP_URL), { from: this.config.MAIL_FROM });
  }

  async send(mail: OutgoingMail): Promise<SentMail> {
    const messageId = outboundMessageId(mail.messageId, this.config.PUBLIC_BASE_URL);
    if (!this.transporter) throw new Error('MailTransport used before the application initialised');
    const info = await this.transporter.sendMail({
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
      attachments: mail.attachments.map((a) => ({ filename: a.filename, contentType: a.contentType, content: a.content })),
      messageId,
      // Tell auto-responders (out-of-office) not to answer a no-reply sender.
      headers: { 'Auto-Submitted': 'auto-generated' },
    });
    return { messageId, response: info.response, providerId: providerIdFrom(info.response) ?? messageId };
  }

  onModuleDestroy(): void {
    this.transporter?.close();
  }
}
