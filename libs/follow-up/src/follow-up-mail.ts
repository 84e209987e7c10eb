import type { Urgency } from '@app/vocabulary';
import type { FollowUpStepName } from './follow-up.sql.js';

/** The escalation e-mail's content (EscalationMail in libs/mail renders it). */
export interface EscalationMailContext {
  toAddress: string;
  recipientName: string;
  step: FollowUpStepName;
  documentType: string;
  numberSymbol: string;
  issuedDate: string;
  subject: string;
  lateUnits: { name: string; dueAt: Date }[];
}

/** A late unit as the digest lists it (under its branch, or among the newly late). */
export interface DigestLateUnit {
  name: string;
  /** Late deliveries of the unit (one per dispatch); the dispatch is named when there is one. */
  lateCount: number;
  documentType: string | null;
  numberSymbol: string | null;
  /** The late steps (over all its late dispatches) and the earliest of their deadlines. */
  steps: FollowUpStepName[];
  dueAt: string;
}

/** digests.content: the snapshot written by DAILY_DIGEST_SQL (digest.sql.ts). */
export interface DigestContent {
  /** What changed is counted over (since, until]; "late" is as of `at`, when the digest was written. */
  since: string;
  until: string;
  at: string;
  newDispatches: {
    total: number;
    items: {
      documentType: string;
      numberSymbol: string;
      issuedDate: string;
      subject: string;
      urgency: Urgency;
      issuer: string;
      publishedAt: string;
      recipients: number;
    }[];
  };
  /** total: distinct late units; deliveries: their late deliveries. */
  late: {
    total: number;
    deliveries: number;
    branchCount: number;
    branches: { name: string; total: number; units: DigestLateUnit[] }[];
  };
  changes: {
    acknowledged: number;
    completed: number;
    newlyLate: number;
    byDispatch: {
      documentType: string;
      numberSymbol: string;
      subject: string;
      acknowledged: number;
      completed: number;
      newlyLate: number;
    }[];
    newlyLateUnits: DigestLateUnit[];
  };
}

/** The daily digest e-mail's content (DigestMail in libs/mail renders it). */
export interface DigestMailContext {
  toAddress: string;
  leaderName: string;
  unitName: string;
  /** The Vietnam calendar day the digest is for, YYYY-MM-DD. */
  day: string;
  content: DigestContent;
}
