import { DispatchStatus as D, type ErrorCode } from '@app/vocabulary';

/** What may happen to a dispatch as a whole. Recall adds its row here. */
export enum DispatchAction {
  Publish = 'publish',
  Close = 'close',
}

export interface DispatchTransition {
  action: DispatchAction;
  moves: readonly D[];
  /** Allowed, status kept: a repeat answers with the current state. */
  keeps: readonly D[];
  to: D;
  refusal: ErrorCode;
  /** audit_events.action. */
  auditAction: string;
}

export const DISPATCH_TRANSITIONS: Record<DispatchAction, DispatchTransition> = {
  [DispatchAction.Publish]: {
    action: DispatchAction.Publish,
    moves: [D.Draft],
    keeps: [],
    to: D.Published,
    refusal: 'DISPATCH_ALREADY_PUBLISHED',
    auditAction: 'dispatch.published',
  },
  [DispatchAction.Close]: {
    action: DispatchAction.Close,
    moves: [D.Published],
    keeps: [D.Closed],
    to: D.Closed,
    refusal: 'DISPATCH_CLOSE_NOT_PUBLISHED',
    auditAction: 'dispatch.closed',
  },
};

export type DispatchDecision = { outcome: 'move'; to: D } | { outcome: 'keep' } | { outcome: 'refuse'; code: ErrorCode };

export function decideDispatch(action: DispatchAction, status: D): DispatchDecision {
  const t = DISPATCH_TRANSITIONS[action];
  if (t.moves.includes(status)) return { outcome: 'move', to: t.to };
  if (t.keeps.includes(status)) return { outcome: 'keep' };
  return { outcome: 'refuse', code: t.refusal };
}
