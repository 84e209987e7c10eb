import type { DeliveryStatus, DispatchStatus, RecipientPurpose } from '@app/vocabulary';
import { Injectable } from '@nestjs/common';
import { DeliveryAction as A } from '../lifecycle/delivery-transitions.js';
import { dispatchAllowsSql, movesFromSql, mustReacknowledgeSql, nextStatusSql } from '../lifecycle/sql-conditions.js';
import { ACKNOWLEDGEMENT_SQL, type VersionedAcknowledgement } from '../statements/acknowledge.sql.js';
import { DELIVERY_CONTEXT_SQL, type DeliveryContext } from './delivery-context.js';
import { type Db, selectRows, updateRows } from './sql.js';

export interface RefusalRow {
  id: string;
  status: DeliveryStatus;
  refusedAt: Date;
  reason: string;
  byName: string;
}

/** What re-addressing a refused delivery copies onto the new one. */
export interface RefusedDelivery {
  refusalResolvedAt: Date | null;
  purpose: RecipientPurpose;
  parentDeliveryId: string | null;
  instruction: string | null;
  ackDueAt: Date | null;
  forwardDueAt: Date | null;
  reportDueAt: Date | null;
}

/** The link page's facts about its own delivery, beyond the shared delivery detail. */
export interface LinkPageState {
  acknowledgedAt: Date | null;
  ackByName: string | null;
  forwardedAt: Date | null;
  recalledAt: Date | null;
  ackVersion: number | null;
  mustReacknowledge: boolean;
  /** The unit has active units below it to forward to. */
  canForward: boolean;
}

/** A delivery forwarded from another, as its parent's page lists it. */
export interface ChildDelivery {
  id: string;
  unitName: string;
  status: DeliveryStatus;
  acknowledgedAt: Date | null;
}

const REFUSAL_COLUMNS = `id, status, refused_at AS "refusedAt", refusal_reason AS "reason", refused_by_name AS "byName"`;

/**
 * Every status change of a delivery, as SQL whose status conditions come from the transition table
 * (libs/rollout/src/lifecycle). Each write is one conditional UPDATE, so concurrent callers race
 * in the database and exactly one wins. This is the only place that writes `UPDATE deliveries`.
 */
@Injectable()
export class DeliveryRepository {
  async context(db: Db, deliveryId: string, lock = false): Promise<DeliveryContext | null> {
    const [row] = await selectRows<DeliveryContext>(db, lock ? `${DELIVERY_CONTEXT_SQL} FOR UPDATE OF d` : DELIVERY_CONTEXT_SQL, [
      deliveryId,
    ]);
    return row ?? null;
  }

  /** What checks a signed link: the stored hash of the current token. */
  async linkOf(db: Db, deliveryId: string): Promise<{ dispatchId: string; linkTokenHash: string } | null> {
    const [row] = await selectRows<{ dispatchId: string; linkTokenHash: string }>(
      db,
      `SELECT dispatch_id AS "dispatchId", link_token_hash AS "linkTokenHash" FROM deliveries WHERE id = $1`,
      [deliveryId],
    );
    return row ?? null;
  }

  /** The acknowledgement as committed, with the version it covers (the read after losing a race). */
  async versionedAcknowledgementOf(db: Db, deliveryId: string): Promise<VersionedAcknowledgement> {
    const [row] = await selectRows<VersionedAcknowledgement>(db, ACKNOWLEDGEMENT_SQL, [deliveryId]);
    return row;
  }

  /** What the link page adds to the delivery detail. The caller opened the link, so the delivery exists. */
  async linkPageState(db: Db, deliveryId: string): Promise<LinkPageState> {
    const [row] = await selectRows<LinkPageState>(
      db,
      `SELECT d.acknowledged_at AS "acknowledgedAt", d.ack_by_name AS "ackByName", d.forwarded_at AS "forwardedAt",
              d.recalled_at AS "recalledAt", d.ack_version AS "ackVersion", ${mustReacknowledgeSql()} AS "mustReacknowledge",
              EXISTS (SELECT 1 FROM units c WHERE c.parent_id = d.unit_id AND c.active) AS "canForward"
         FROM deliveries d WHERE d.id = $1`,
      [deliveryId],
    );
    return row;
  }

  /** The deliveries forwarded from this one, in tree order of their units. */
  async children(db: Db, deliveryId: string): Promise<ChildDelivery[]> {
    return selectRows<ChildDelivery>(
      db,
      `SELECT d.id, u.name AS "unitName", d.status, d.acknowledged_at AS "acknowledgedAt"
         FROM deliveries d JOIN units u ON u.id = d.unit_id WHERE d.parent_delivery_id = $1 ORDER BY u.path`,
      [deliveryId],
    );
  }

  /** Whether a unit whose path starts with `pathPrefix` (a subtree) received the dispatch. */
  async reachesSubtree(db: Db, dispatchId: string, pathPrefix: string): Promise<boolean> {
    const [{ received }] = await selectRows<{ received: boolean }>(
      db,
      `SELECT EXISTS (SELECT 1 FROM deliveries d JOIN units u ON u.id = d.unit_id
                       WHERE d.dispatch_id = $1 AND u.path LIKE $2) AS received`,
      [dispatchId, `${pathPrefix}%`],
    );
    return received;
  }

  /** The names of these units that already have a delivery of the dispatch. */
  async unitsAlreadyReceiving(db: Db, dispatchId: string, unitIds: string[]): Promise<string[]> {
    const rows = await selectRows<{ name: string }>(
      db,
      `SELECT u.name FROM deliveries d JOIN units u ON u.id = d.unit_id WHERE d.dispatch_id = $1 AND d.unit_id = ANY($2::uuid[])`,
      [dispatchId, unitIds],
    );
    return rows.map((r) => r.name);
  }

  /** The delivery's dispatch status, when the delivery belongs to that dispatch; null otherwise. */
  async dispatchStatusOf(db: Db, deliveryId: string, dispatchId: string): Promise<DispatchStatus | null> {
    const [row] = await selectRows<{ status: DispatchStatus }>(
      db,
      `SELECT d.id, x.status FROM deliveries d JOIN dispatches x ON x.id = d.dispatch_id WHERE d.id = $1 AND d.dispatch_id = $2`,
      [deliveryId, dispatchId],
    );
    return row?.status ?? null;
  }

  /** Deliveries of the dispatch with no outbox message: units without an e-mail address. */
  async countWithoutMessages(db: Db, dispatchId: string): Promise<number> {
    const [{ n }] = await selectRows<{ n: number }>(
      db,
      `SELECT count(*)::int AS n FROM deliveries d WHERE d.dispatch_id = $1 AND NOT EXISTS (SELECT 1 FROM messages m WHERE m.delivery_id = d.id)`,
      [dispatchId],
    );
    return n;
  }

  /** Deliveries that acknowledged an earlier version and are still in the rollout (not refused, not recalled). */
  async countAcknowledgedInRollout(db: Db, dispatchId: string): Promise<number> {
    const [{ n }] = await selectRows<{ n: number }>(
      db,
      `SELECT count(*)::int AS n FROM deliveries WHERE dispatch_id = $1 AND acknowledged_at IS NOT NULL AND status NOT IN ('refused', 'recalled')`,
      [dispatchId],
    );
    return n;
  }

  /** "01 đã đến": the first opening records the time; pending or sent move to arrived. */
  async markArrived(db: Db, deliveryId: string): Promise<void> {
    await updateRows(
      db,
      `UPDATE deliveries SET arrived_at = COALESCE(arrived_at, now()), status = ${nextStatusSql(A.MarkArrived)}
        WHERE id = $1 AND (arrived_at IS NULL OR ${movesFromSql(A.MarkArrived)})`,
      [deliveryId],
    );
  }

  /**
   * Thu hồi: every delivery of the dispatch, down the whole cascade, moves to recalled (the Recall row);
   * the status it had is kept in status_before_recall. The ids of the deliveries moved.
   */
  async recallAll(db: Db, dispatchId: string, at: Date): Promise<string[]> {
    const { rows } = await updateRows<{ id: string }>(
      db,
      `UPDATE deliveries d SET status_before_recall = d.status, status = ${nextStatusSql(A.Recall, 'd')}, recalled_at = $2
        WHERE d.dispatch_id = $1 AND ${movesFromSql(A.Recall, 'd')}
        RETURNING d.id`,
      [dispatchId, at],
    );
    return rows.map((r) => r.id);
  }

  /** "02": null when this call did not win (already acknowledged or refused, or the dispatch is not in force). */
  async refuse(db: Db, deliveryId: string, reason: string, byName: string): Promise<(RefusalRow & { dispatchId: string }) | null> {
    const { rows } = await updateRows<RefusalRow & { dispatchId: string }>(
      db,
      `UPDATE deliveries d SET status = ${nextStatusSql(A.Refuse)}, refused_at = now(), refusal_reason = $2, refused_by_name = $3,
              arrived_at = COALESCE(arrived_at, now())
        WHERE id = $1 AND acknowledged_at IS NULL AND ${movesFromSql(A.Refuse)}
          AND EXISTS (SELECT 1 FROM dispatches x WHERE x.id = d.dispatch_id AND ${dispatchAllowsSql(A.Refuse, 'x')})
        RETURNING ${REFUSAL_COLUMNS}, dispatch_id AS "dispatchId"`,
      [deliveryId, reason, byName],
    );
    return rows[0] ?? null;
  }

  async refusalOf(db: Db, deliveryId: string): Promise<RefusalRow> {
    const [row] = await selectRows<RefusalRow>(db, `SELECT ${REFUSAL_COLUMNS} FROM deliveries WHERE id = $1`, [deliveryId]);
    return row;
  }

  /** "04": the first forward records the time; accepted moves to assigned, later statuses stay. */
  async markForwarded(db: Db, deliveryId: string): Promise<void> {
    await updateRows(
      db,
      `UPDATE deliveries SET forwarded_at = COALESCE(forwarded_at, now()), status = ${nextStatusSql(A.Forward)} WHERE id = $1`,
      [deliveryId],
    );
  }

  /** "05": the first activity moves an acknowledged delivery; true when this call moved it. */
  async startProgress(db: Db, deliveryId: string): Promise<boolean> {
    const { count } = await updateRows(
      db,
      `UPDATE deliveries SET status = ${nextStatusSql(A.ReportActivity)} WHERE id = $1 AND ${movesFromSql(A.ReportActivity)}`,
      [deliveryId],
    );
    return count === 1;
  }

  /** "06": true when this call moved it. */
  async complete(db: Db, deliveryId: string): Promise<boolean> {
    const { count } = await updateRows(
      db,
      `UPDATE deliveries SET status = ${nextStatusSql(A.Complete)}, completed_at = now() WHERE id = $1 AND ${movesFromSql(A.Complete)}`,
      [deliveryId],
    );
    return count === 1;
  }

  async refused(db: Db, deliveryId: string): Promise<RefusedDelivery> {
    const [row] = await selectRows<RefusedDelivery>(
      db,
      `SELECT refusal_resolved_at AS "refusalResolvedAt", purpose, parent_delivery_id AS "parentDeliveryId", instruction,
              ack_due_at AS "ackDueAt", forward_due_at AS "forwardDueAt", report_due_at AS "reportDueAt"
         FROM deliveries WHERE id = $1`,
      [deliveryId],
    );
    return row;
  }

  /** The refusal is resolved by a new delivery to the right unit; the refused one keeps its status. */
  async resolveRefusal(db: Db, deliveryId: string, newDeliveryId: string): Promise<void> {
    await updateRows(db, `UPDATE deliveries SET refusal_resolved_at = now(), readdressed_to_id = $2 WHERE id = $1`, [
      deliveryId,
      newDeliveryId,
    ]);
  }
}
