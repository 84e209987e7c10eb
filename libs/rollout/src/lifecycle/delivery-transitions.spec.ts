import { describe, expect, it } from '@jest/globals';
import { DeliveryStatus as S, DispatchStatus as D, type ErrorCode, VI_LABELS } from '@app/vocabulary';
import { allowedFrom, decide, DeliveryAction as A, DELIVERY_TRANSITIONS } from './delivery-transitions.js';

// The lifecycle written out by hand, one line per action, one column per delivery status, for a
// published dispatch: `move` (to the status given), `keep`, or the error code of the refusal.
// decide() must agree with it in every cell; a row added to the table without updating this fails.
type Cell = 'move' | 'keep' | ErrorCode;
const STATUSES = [S.Pending, S.Sent, S.Arrived, S.Refused, S.Accepted, S.Assigned, S.InProgress, S.Completed, S.Recalled] as const;
const EXPECTED: Record<A, { to: S | null; cells: Cell[] }> = {
  //                                  pending  sent    arrived  refused                      accepted  assigned  in_progress  completed  recalled
  [A.Send]: { to: S.Sent, cells: ['move', 'keep', 'keep', 'keep', 'keep', 'keep', 'keep', 'keep', 'keep'] },
  [A.MarkArrived]: { to: S.Arrived, cells: ['move', 'move', 'keep', 'keep', 'keep', 'keep', 'keep', 'keep', 'keep'] },
  [A.Acknowledge]: {
    to: S.Accepted,
    cells: ['move', 'move', 'move', 'DELIVERY_ALREADY_REFUSED', 'keep', 'keep', 'keep', 'keep', 'CONFLICT'],
  },
  [A.Refuse]: {
    to: S.Refused,
    cells: [
      'move',
      'move',
      'move',
      'keep',
      'DELIVERY_ALREADY_ACKNOWLEDGED',
      'DELIVERY_ALREADY_ACKNOWLEDGED',
      'DELIVERY_ALREADY_ACKNOWLEDGED',
      'DELIVERY_ALREADY_ACKNOWLEDGED',
      'DELIVERY_ALREADY_ACKNOWLEDGED',
    ],
  },
  [A.Forward]: {
    to: S.Assigned,
    cells: [
      'FORWARD_BEFORE_ACKNOWLEDGEMENT',
      'FORWARD_BEFORE_ACKNOWLEDGEMENT',
      'FORWARD_BEFORE_ACKNOWLEDGEMENT',
      'DELIVERY_ALREADY_REFUSED',
      'move',
      'keep',
      'keep',
      'keep',
      'FORWARD_BEFORE_ACKNOWLEDGEMENT',
    ],
  },
  [A.ReportActivity]: {
    to: S.InProgress,
    cells: ['keep', 'keep', 'keep', 'REPORT_AFTER_REFUSAL', 'move', 'move', 'keep', 'keep', 'CONFLICT'],
  },
  [A.Complete]: {
    to: S.Completed,
    cells: [
      'COMPLETE_BEFORE_ACKNOWLEDGEMENT',
      'COMPLETE_BEFORE_ACKNOWLEDGEMENT',
      'COMPLETE_BEFORE_ACKNOWLEDGEMENT',
      'DELIVERY_ALREADY_REFUSED',
      'move',
      'move',
      'move',
      'keep',
      'COMPLETE_BEFORE_ACKNOWLEDGEMENT',
    ],
  },
  [A.Readdress]: {
    to: null,
    cells: [
      'DELIVERY_NOT_REFUSED',
      'DELIVERY_NOT_REFUSED',
      'DELIVERY_NOT_REFUSED',
      'keep',
      'DELIVERY_NOT_REFUSED',
      'DELIVERY_NOT_REFUSED',
      'DELIVERY_NOT_REFUSED',
      'DELIVERY_NOT_REFUSED',
      'DELIVERY_NOT_REFUSED',
    ],
  },
  [A.Recall]: { to: S.Recalled, cells: ['move', 'move', 'move', 'move', 'move', 'move', 'move', 'move', 'keep'] },
  [A.Reacknowledge]: {
    to: null,
    cells: ['CONFLICT', 'CONFLICT', 'CONFLICT', 'DELIVERY_ALREADY_REFUSED', 'keep', 'keep', 'keep', 'keep', 'CONFLICT'],
  },
};
/** Actions the worker performs whatever the dispatch's status (a mail already queued is still delivered). */
const ANY_DISPATCH = new Set([A.Send, A.MarkArrived]);
const DISPATCH_REFUSAL: Partial<Record<D, ErrorCode>> = {
  [D.Draft]: 'DISPATCH_NOT_PUBLISHED',
  [D.Closed]: 'DISPATCH_CLOSED',
  [D.Recalled]: 'DISPATCH_RECALLED',
};
const EDXML: Partial<Record<S, string>> = {
  [S.Accepted]: '03',
  [S.Refused]: '02',
  [S.Assigned]: '04',
  [S.InProgress]: '05',
  [S.Completed]: '06',
  [S.Arrived]: '01',
};

describe('the delivery transition table', () => {
  it('covers every action and every status', () => {
    expect(Object.keys(EXPECTED).sort()).toEqual(Object.values(A).sort());
    expect([...STATUSES].sort()).toEqual(Object.values(S).sort());
  });

  for (const action of Object.values(A)) {
    const { to, cells } = EXPECTED[action];
    describe(action, () => {
      STATUSES.forEach((status, i) => {
        const cell = cells[i];
        it(`from ${status} on a published dispatch: ${cell === 'move' ? `moves to ${to}` : cell}`, () => {
          const decision = decide(action, status, D.Published);
          if (cell === 'move') expect(decision).toEqual({ outcome: 'move', to, edxmlCode: EDXML[to!] ?? null });
          else if (cell === 'keep') expect(decision).toEqual({ outcome: 'keep' });
          else expect(decision).toEqual({ outcome: 'refuse', code: cell });
        });
        for (const dispatchStatus of [D.Draft, D.Closed, D.Recalled]) {
          it(`from ${status} on a ${dispatchStatus} dispatch`, () => {
            const decision = decide(action, status, dispatchStatus);
            if (ANY_DISPATCH.has(action)) expect(decision).toEqual(decide(action, status, D.Published));
            else expect(decision).toEqual({ outcome: 'refuse', code: DISPATCH_REFUSAL[dispatchStatus] });
          });
        }
      });
      it('lists its allowed statuses once and names its audit action and label', () => {
        const allowed = allowedFrom(action);
        expect(new Set(allowed).size).toBe(allowed.length);
        expect(DELIVERY_TRANSITIONS[action].auditAction).toMatch(/^delivery\.[a-z_]+$/);
        expect(VI_LABELS.deliveryAction[DELIVERY_TRANSITIONS[action].labelKey]).toBeTruthy();
      });
    });
  }
});
