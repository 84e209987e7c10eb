import type { Delivery, Dispatch, DispatchAttachment, DispatchTask, Message } from '@app/database';

/**
 * Everything one e-mail of a delivery shows. The worker is given it by DeliveryMailReader (libs/rollout,
 * its DeliveryMail read model); tests and previews build it by hand. Plain picks of the entities, so
 * either fits.
 */
export interface DispatchMailContext {
  message: Pick<Message, 'id' | 'kind' | 'toAddress'>;
  delivery: Pick<Delivery, 'id' | 'purpose' | 'ackDueAt' | 'forwardDueAt' | 'reportDueAt' | 'instruction' | 'linkNonce' | 'linkExpiresAt'>;
  dispatch: Pick<
    Dispatch,
    | 'number'
    | 'symbol'
    | 'issuedDate'
    | 'issuedPlace'
    | 'documentType'
    | 'subject'
    | 'urgency'
    | 'headerAuthority'
    | 'headerIssuer'
    | 'signerName'
    | 'signerRank'
    | 'signerTitle'
  > &
    Partial<Pick<Dispatch, 'recallReason'>>;
  tasks: Pick<DispatchTask, 'number' | 'text'>[];
  attachments: Pick<DispatchAttachment, 'fileName' | 'contentType' | 'sizeBytes' | 'sha256' | 'storageKey'>[];
  /** The unit the delivery is for ("UBND huyện Hải Hậu"). */
  recipientName: string;
  /** The issuing body in sentence case ("Công an tỉnh Nam Định"), see issuerName() in libs/rollout. */
  issuerName: string;
  /** The unit that forwarded this copy, for a cascaded delivery. */
  forwardedByName: string | null;
  /** For a reminder: the step it chases and whether its deadline has passed. */
  followUp?: { step: FollowUpStep; dueAt: Date; overdue: boolean } | null;
  /** For a recall notice: the issuer's reason. */
  recallReason?: string | null;
}

export type FollowUpStep = 'ack' | 'forward' | 'report';

export interface RenderedAttachment {
  filename: string;
  contentType: string;
  content: Buffer;
}

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
  attachments: RenderedAttachment[];
  /** The acknowledgement link put in the mail (also handy for tests and previews). */
  ackUrl: string;
}
