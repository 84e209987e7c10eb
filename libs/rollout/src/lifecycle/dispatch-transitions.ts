import { DispatchStatus as D, type ErrorCode } from '@app/vocabulary';

/** What may happen to a dispatch as a whole. */
export enum DispatchAction {
  Publish = 'publish',
  Close = 'close',
  /** Thu hồi: every delivery of it, down the cascade, becomes recalled (the delivery table's Recall). */
  Recall = 'recall',
  /** Văn bản thay thế / đính chính: the status stays; only a dispatch in force gets a new version. */
  NewVersion = 'new_version',
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
  [DispatchAction.Recall]: {
    action: DispatchAction.Recall,
    moves: [D.Published],
    // A repeat answers with the first recall.
    keeps: [D.Recalled],
    to: D.Recalled,
    refusal: 'DISPATCH_RECALL_NOT_PUBLISHED',
    auditAction: 'dispatch.recalled',
  },
  [DispatchAction.NewVersion]: {
    action: DispatchAction.NewVersion,
    moves: [],
    keeps: [D.Published],
    to: D.Published,
    refusal: 'DISPATCH_VERSION_NOT_PUBLISHED',
    auditAction: 'dispatch.new_version',
  },
};

export type DispatchDecision = { outcome: 'move'; to: D } | { outcome: 'keep' } | { outcome: 'refuse'; code: ErrorCode };

export function decideDispatch(action: DispatchAction, status: D): DispatchDecision {
  const t = DISPATCH_TRANSITIONS[action];
  if (t.moves.includes(status)) return { outcome: 'move', to: t.to };
  if (t.keeps.includes(status)) return { outcome: 'keep' };
  return { outcome: 'refuse', code: t.refusal };
}
