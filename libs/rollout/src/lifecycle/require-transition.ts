import { DomainException, fail } from '@app/common';
import type { DeliveryStatus, DispatchStatus, ErrorCode } from '@app/vocabulary';
import { decide, type DeliveryAction } from './delivery-transitions.js';

/** The delivery facts a decision needs; DeliveryContext has them all. */
export interface TransitionSubject {
  status: DeliveryStatus;
  dispatchStatus: DispatchStatus;
  unitName: string;
}

function refusal(code: ErrorCode, subject: TransitionSubject): DomainException {
  // The one refusal whose message names the unit; the others need no parameters.
  if (code === 'REPORT_AFTER_REFUSAL') return fail(code, { unit: subject.unitName });
  return fail(code as 'CONFLICT');
}

/**
 * The transition table's answer for `action` on this delivery: 'move' or 'keep', or the catalogued
 * error (DELIVERY_ALREADY_REFUSED, DISPATCH_CLOSED, …) thrown.
 */
export function requireTransition(action: DeliveryAction, subject: TransitionSubject): 'move' | 'keep' {
  const decision = decide(action, subject.status, subject.dispatchStatus);
  if (decision.outcome === 'refuse') throw refusal(decision.code, subject);
  return decision.outcome;
}
