import type { ActivityChannel, DeliveryStatus, DispatchStatus, RecipientPurpose, Urgency } from '@app/vocabulary';

/** The dispatch as written (Decree 30 metadata), as every delivery view shows it. */
export interface DispatchDocument {
  id: string;
  issuerUnitId: string;
  headerAuthority: string | null;
  headerIssuer: string;
  number: number;
  symbol: string;
  /** YYYY-MM-DD, a calendar date. */
  issuedDate: string;
  issuedPlace: string;
  documentType: string;
  subject: string;
  body: string;
  urgency: Urgency;
  addresseeLines: string[];
  distributionLines: string[];
  signerName: string;
  signerRank: string | null;
  signerTitle: string | null;
  status: DispatchStatus;
  /** 1 when published; each new version (văn bản thay thế, đính chính) adds one. */
  version: number;
  /** Thu hồi: when (an ISO instant, as read through to_jsonb) and why; null while it is not recalled. */
  recalledAt: string | null;
  recallReason: string | null;
}

export interface DispatchTaskRow {
  number: number;
  text: string;
  channels: ActivityChannel[];
}

/** An attachment as a reader sees it: never where it is stored. */
export interface PublicAttachment {
  id: string;
  fileName: string;
  contentType: string;
  sizeBytes: number;
  sha256: string;
  createdAt: Date;
}

/** An attachment with its place in the file store, for the worker that attaches it to a mail. */
export interface AttachmentFile extends PublicAttachment {
  storageKey: string;
}

export interface DeliveryRow {
  id: string;
  dispatchId: string;
  unitId: string;
  purpose: RecipientPurpose;
  status: DeliveryStatus;
  parentDeliveryId: string | null;
  instruction: string | null;
  ackDueAt: Date | null;
  forwardDueAt: Date | null;
  reportDueAt: Date | null;
  sentAt: Date | null;
  arrivedAt: Date | null;
  acknowledgedAt: Date | null;
  ackByName: string | null;
  refusedAt: Date | null;
  refusalReason: string | null;
  forwardedAt: Date | null;
  completedAt: Date | null;
}

/**
 * "A delivery with its dispatch": the one read model behind the web's delivery view, the e-mail
 * link page and the mail. Attachments come without their storage key.
 */
export interface DeliveryDetail {
  delivery: DeliveryRow;
  unit: { id: string; code: string; name: string };
  dispatch: DispatchDocument;
  tasks: DispatchTaskRow[];
  attachments: PublicAttachment[];
  /** The unit that forwarded this copy, for a cascaded delivery. */
  forwardedByName: string | null;
}
