import { AckLinkSigner, FileStore } from '@app/common';
import { Module } from '@nestjs/common';
import { DispatchMailRenderer } from './dispatch-mail.renderer.js';
import { DigestMail } from './digest-mail.js';
import { EscalationMail } from './escalation-mail.js';
import { MailTransport } from './mail-transport.js';

/** Rendering only (previews in the api, the worker): needs no SMTP settings. */
@Module({
  providers: [AckLinkSigner, FileStore, DispatchMailRenderer, EscalationMail, DigestMail],
  exports: [DispatchMailRenderer, EscalationMail, DigestMail],
})
export class MailRenderingModule {}

/** Rendering and sending. Only the worker imports it: the api enqueues, it never sends. */
@Module({
  imports: [MailRenderingModule],
  providers: [MailTransport],
  exports: [MailRenderingModule, MailTransport],
})
export class MailModule {}
