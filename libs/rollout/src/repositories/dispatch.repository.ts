import { fail } from '@app/common';
import type { DispatchStatus } from '@app/vocabulary';
import { Injectable } from '@nestjs/common';
import { decideDispatch, DispatchAction, DISPATCH_TRANSITIONS } from '../lifecycle/dispatch-transitions.js';
import { type Db, selectRows, updateRows } from './sql.js';

/** A dispatch's status changes, decided by the dispatch transition table. */
@Injectable()
export class DispatchRepository {
  /** The status (and issued date), locked for the caller's transaction; null when there is no such dispatch. */
  async lock(db: Db, dispatchId: string): Promise<{ status: DispatchStatus; issuedDate: string } | null> {
    const [row] = await selectRows<{ status: DispatchStatus; issuedDate: string }>(
      db,
      `SELECT status, issued_date::text AS "issuedDate" FROM dispatches WHERE id = $1 FOR UPDATE`,
      [dispatchId],
    );
    return row ?? null;
  }

  /**
   * The status under a share lock for the caller's transaction: closing and recalling take FOR UPDATE,
   * so an action and a close never interleave. Null when there is no such dispatch.
   */
  async statusForShare(db: Db, dispatchId: string): Promise<DispatchStatus | null> {
    const [row] = await selectRows<{ status: DispatchStatus }>(db, `SELECT status FROM dispatches WHERE id = $1 FOR SHARE`, [dispatchId]);
    return row?.status ?? null;
  }

  /** The numbers of the dispatch's numbered tasks (nhiệm vụ số), in order. */
  async taskNumbers(db: Db, dispatchId: string): Promise<number[]> {
    const rows = await selectRows<{ number: number }>(db, `SELECT number FROM dispatch_tasks WHERE dispatch_id = $1 ORDER BY number`, [
      dispatchId,
    ]);
    return rows.map((r) => r.number);
  }

  /** The next free number in the issuer's register for the year (số công văn restart at 1 each year). */
  async nextNumber(db: Db, issuerUnitId: string, year: number): Promise<number> {
    const [{ next }] = await selectRows<{ next: number }>(
      db,
      `SELECT COALESCE(max(number), 0)::int + 1 AS next FROM dispatches WHERE issuer_unit_id = $1 AND issued_year = $2`,
      [issuerUnitId, year],
    );
    return next;
  }

  /**
   * Locks the dispatch and asks the table: 'move' or 'keep', or throws the catalogued refusal.
   * The caller then writes the move with `apply` in the same transaction.
   */
  async require(
    db: Db,
    dispatchId: string,
    action: DispatchAction,
  ): Promise<{ decision: 'move' | 'keep'; from: DispatchStatus; issuedDate: string }> {
    const row = await this.lock(db, dispatchId);
    if (!row) throw fail('NOT_FOUND');
    const decision = decideDispatch(action, row.status);
    if (decision.outcome === 'refuse') throw fail(decision.code as 'CONFLICT');
    return { decision: decision.outcome, from: row.status, issuedDate: row.issuedDate };
  }

  /** Writes the table's move; the status condition makes a move the table does not list impossible. */
  async apply(db: Db, dispatchId: string, action: DispatchAction, at: Date = new Date()): Promise<void> {
    const t = DISPATCH_TRANSITIONS[action];
    const publishedAt = action === DispatchAction.Publish ? ', published_at = $4' : '';
    const { count } = await updateRows(
      db,
      `UPDATE dispatches SET status = $2, updated_at = now()${publishedAt} WHERE id = $1 AND status = ANY($3::text[])`,
      action === DispatchAction.Publish ? [dispatchId, t.to, t.moves, at] : [dispatchId, t.to, t.moves],
    );
    if (count !== 1) throw fail('CONFLICT');
  }
}
