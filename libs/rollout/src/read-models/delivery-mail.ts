import type { MessageKind, MessageStatus, RecipientPurpose } from '@app/vocabulary';
import type { AttachmentFile, DispatchDocument, DispatchTaskRow } from './delivery-detail.js';

/** The step a reminder chases (the follow-up steps of libs/follow-up). */
export type ChasedStep = 'ack' | 'forward' | 'report';

/** What one mail shares with every other mail of its dispatch: the delivery detail's dispatch parts, with the files. */
export interface DispatchMailParts {
  dispatch: DispatchDocument & { recallReason: string | null };
  tasks: DispatchTaskRow[];
  /** The current version's files, with their storage keys: the worker attaches them. */
  attachments: AttachmentFile[];
  /** The issuing body in sentence case ("Công an tỉnh Nam Định"), see issuerName(). */
  issuerName: string;
}

/** Everything the e-mail of one delivery's outbox row shows (the mail library renders it). */
export interface DeliveryMail extends DispatchMailParts {
  message: { id: string; kind: MessageKind; toAddress: string };
  delivery: {
    id: string;
    purpose: RecipientPurpose;
    ackDueAt: Date | null;
    forwardDueAt: Date | null;
    reportDueAt: Date | null;
    instruction: string | null;
    linkNonce: string;
    linkExpiresAt: Date;
  };
  /** The unit the delivery is for ("UBND huyện Hải Hậu"). */
  recipientName: string;
  /** The unit that forwarded this copy, for a cascaded delivery. */
  forwardedByName: string | null;
  /** For a reminder: the step it chases and whether its deadline had passed when the sweep wrote it. */
  followUp: { step: ChasedStep; dueAt: Date; overdue: boolean } | null;
  /** For a recall notice: the issuer's reason. */
  recallReason: string | null;
}

/** An outbox row of a delivery, locked for sending, with everything its mail shows. */
export interface LockedDeliveryMail {
  status: MessageStatus;
  attempts: number;
  deliveryId: string;
  /** A reminder whose unit has done the step since the sweep wrote it (or can no longer be chased). */
  reminderMoot: boolean;
  mail: DeliveryMail;
}
