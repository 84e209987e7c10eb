import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { type Db, selectRows } from '../repositories/sql.js';
import { DeliveryDetailReader, DISPATCH_DOCUMENT_COLUMNS, issuerName } from './delivery-detail.reader.js';
import type { ChasedStep, DeliveryMail, DispatchMailParts, LockedDeliveryMail } from './delivery-mail.js';

/** Dispatches whose shared parts stay in memory; a publish to 70,000 units is one of them. */
const CACHED_DISPATCHES = 32;
const CACHE_TTL_MS = 5 * 60_000;

/** An outbox row with its delivery, recipient and forwarding unit: one query per mail, or per batch of mails. */
const MESSAGE_MAIL_SELECT = `
  SELECT m.id, m.kind, m.to_address AS "toAddress", m.status, m.attempts,
         d.id AS "deliveryId", d.dispatch_id AS "dispatchId", d.purpose, d.ack_due_at AS "ackDueAt", d.forward_due_at AS "forwardDueAt",
         d.report_due_at AS "reportDueAt", d.instruction, d.link_nonce AS "linkNonce", d.link_expires_at AS "linkExpiresAt",
         u.name AS "recipientName", pu.name AS "forwardedByName", x.updated_at::text AS "dispatchVersion",
         r.step AS "followStep", r.due_at AS "followDueAt", r.created_at >= r.due_at AS "followOverdue",
         r.id IS NOT NULL AND (CASE r.step WHEN 'ack' THEN d.acknowledged_at IS NOT NULL
                                           WHEN 'forward' THEN d.forwarded_at IS NOT NULL
                                           ELSE d.status IN ('in_progress', 'completed') END
                               OR d.status IN ('refused', 'recalled')) AS "reminderMoot"
    FROM messages m
    JOIN deliveries d ON d.id = m.delivery_id
    LEFT JOIN reminders r ON r.id = m.reminder_id
    JOIN units u ON u.id = d.unit_id
    JOIN dispatches x ON x.id = d.dispatch_id
    LEFT JOIN deliveries p ON p.id = d.parent_delivery_id
    LEFT JOIN units pu ON pu.id = p.unit_id`;

/** One row, locked: waits behind whoever holds it. An escalation names the forwarding unit's delivery but is a mail of its own (FollowUpMailReader). */
const LOCK_MESSAGE_SQL = `${MESSAGE_MAIL_SELECT}
   WHERE m.id = $1 AND m.escalation_id IS NULL
     FOR UPDATE OF m`;

/** A batch of rows, locked in id order; a row another transaction holds is skipped, not waited for. */
const LOCK_MESSAGES_SQL = `${MESSAGE_MAIL_SELECT}
   WHERE m.id = ANY($1::uuid[]) AND m.escalation_id IS NULL
   ORDER BY m.id
     FOR UPDATE OF m SKIP LOCKED`;

type LockedRow = DeliveryMail['message'] &
  DeliveryMail['delivery'] &
  Pick<LockedDeliveryMail, 'status' | 'attempts' | 'deliveryId' | 'reminderMoot'> & {
    dispatchId: string;
    recipientName: string;
    forwardedByName: string | null;
    dispatchVersion: string;
    followStep: ChasedStep | null;
    followDueAt: Date | null;
    followOverdue: boolean | null;
  };

/**
 * The mail's read of a delivery (the worker's sending path). The dispatch's own parts are the
 * delivery detail read model's (DeliveryDetailReader: dispatch document, tasks, files, issuer),
 * cached per dispatch version; the per-mail row is one locking statement of its own, because the
 * detail reader's two-to-three queries per delivery would be paid 70,000 times by a national publish.
 */
@Injectable()
export class DeliveryMailReader {
  /** Shared parts per dispatch and version (updated_at), so a change to the dispatch is never served stale. */
  private readonly parts = new Map<string, { at: number; parts: Promise<DispatchMailParts> }>();

  constructor(private readonly detail: DeliveryDetailReader) {}

  /**
   * Locks the outbox row (FOR UPDATE, in the caller's transaction) and reads it with its delivery
   * in one query; the dispatch's parts come from memory after the first mail of the dispatch. Null
   * when the row does not exist or belongs to no delivery's own mail (an escalation, a digest).
   */
  async lockForSend(em: EntityManager, messageId: string): Promise<LockedDeliveryMail | null> {
    const [row] = await selectRows<LockedRow>(em, LOCK_MESSAGE_SQL, [messageId]);
    return row ? this.toLocked(em, row) : null;
  }

  /**
   * The batch sender's read: the rows of these ids it can lock now, in id order, each with what its
   * mail shows, in one query. A row locked elsewhere (a duplicate job sending it right now) is left
   * out, as is an id that is not a delivery's own mail: the caller sends those one by one.
   */
  async lockBatchForSend(em: EntityManager, messageIds: string[]): Promise<LockedDeliveryMail[]> {
    const rows = await selectRows<LockedRow>(em, LOCK_MESSAGES_SQL, [messageIds]);
    return Promise.all(rows.map((row) => this.toLocked(em, row)));
  }

  private async toLocked(em: EntityManager, row: LockedRow): Promise<LockedDeliveryMail> {
    const shared = await this.dispatchParts(em, row.dispatchId, row.dispatchVersion);
    return {
      status: row.status,
      attempts: row.attempts,
      deliveryId: row.deliveryId,
      reminderMoot: row.reminderMoot,
      mail: {
        ...shared,
        followUp: row.followStep ? { step: row.followStep, dueAt: row.followDueAt!, overdue: row.followOverdue ?? false } : null,
        recallReason: shared.dispatch.recallReason,
        message: { id: row.id, kind: row.kind, toAddress: row.toAddress },
        delivery: {
          id: row.deliveryId,
          purpose: row.purpose,
          ackDueAt: row.ackDueAt,
          forwardDueAt: row.forwardDueAt,
          reportDueAt: row.reportDueAt,
          instruction: row.instruction,
          linkNonce: row.linkNonce,
          linkExpiresAt: row.linkExpiresAt,
        },
        recipientName: row.recipientName,
        forwardedByName: row.forwardedByName,
      },
    };
  }

  private dispatchParts(em: EntityManager, dispatchId: string, version: string): Promise<DispatchMailParts> {
    const key = `${dispatchId}@${version}`;
    const now = Date.now();
    const hit = this.parts.get(key);
    if (hit && now - hit.at < CACHE_TTL_MS) return hit.parts;
    const parts = this.readDispatchParts(em, dispatchId);
    this.parts.delete(key);
    this.parts.set(key, { at: now, parts });
    // A failed read is not kept; the oldest entry goes when the map is full (a Map iterates in insertion order).
    parts.catch(() => this.parts.get(key)?.parts === parts && this.parts.delete(key));
    if (this.parts.size > CACHED_DISPATCHES) this.parts.delete(this.parts.keys().next().value!);
    return parts;
  }

  /** One after another: inside a transaction they share one connection, which runs one query at a time. */
  private async readDispatchParts(db: Db, dispatchId: string): Promise<DispatchMailParts> {
    const [dispatch] = await selectRows<DispatchMailParts['dispatch']>(
      db,
      `SELECT ${DISPATCH_DOCUMENT_COLUMNS}, x.recall_reason AS "recallReason" FROM dispatches x WHERE x.id = $1`,
      [dispatchId],
    );
    if (!dispatch) throw new Error(`Dispatch ${dispatchId} not found`);
    const tasks = await this.detail.tasks(db, dispatchId);
    // Only the current version's files: a new version supersedes the earlier ones.
    const attachments = await this.detail.attachmentFiles(db, dispatchId);
    return { dispatch, tasks, attachments, issuerName: await issuerName(db, dispatch.issuerUnitId, dispatch.headerIssuer) };
  }
}
