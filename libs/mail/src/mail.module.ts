import { AckLinkSigner, FileStore } from '@app/common';
import { RolloutModule } from '@app/rollout';
import { Module } from '@nestjs/common';
import { DispatchMailLoader } from './dispatch-mail.loader.js';
import { DispatchMailRenderer } from './dispatch-mail.renderer.js';
import { DigestMail } from './digest-mail.js';
import { EscalationMail } from './escalation-mail.js';
import { MailTransport } from './mail-transport.js';

/** Rendering only (previews in the api, the worker): needs no SMTP settings. */
@Module({
  imports: [RolloutModule],
  providers: [AckLinkSigner, FileStore, DispatchMailLoader, DispatchMailRenderer, EscalationMail, DigestMail],
  exports: [DispatchMailLoader, DispatchMailRenderer, EscalationMail, DigestMail],
})
export class MailRenderingModule {}

/** Rendering and sending. Only the worker imports it: the api enqueues, it never sends. */
@Module({
  imports: [MailRenderingModule],
  providers: [MailTransport],
  exports: [MailRenderingModule, MailTransport],
})
export class MailModule {}
