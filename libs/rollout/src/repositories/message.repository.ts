import { MessageKind, MessageStatus } from '@app/vocabulary';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { MARK_MESSAGES_SENT_SQL } from '../statements/mark-message-sent.sql.js';
import { type Db, selectRows, updateRows } from './sql.js';

export interface OutboxMessage {
  id: string;
  deliveryId: string;
  kind: MessageKind;
  toAddress: string;
}

/** The outbox (messages): the only SQL on it, for the api's enqueue, the worker's sender and its relay. */
@Injectable()
export class MessageRepository {
  async find(db: Db, messageId: string): Promise<OutboxMessage | null> {
    const [row] = await selectRows<OutboxMessage>(
      db,
      `SELECT id, delivery_id AS "deliveryId", kind, to_address AS "toAddress" FROM messages WHERE id = $1`,
      [messageId],
    );
    return row ?? null;
  }

  /**
   * Bounds the caller's wait for a row lock, for the rest of its transaction: a duplicate job waits
   * behind the one sending the same row right now, but not for ever.
   */
  async boundLockWait(em: EntityManager): Promise<void> {
    await selectRows<never>(em, `SET LOCAL lock_timeout = '60s'`);
  }

  /** Locks the row for a send (FOR UPDATE, in the caller's transaction); null when it does not exist. */
  async lockForSend(db: Db, messageId: string): Promise<{ status: MessageStatus; attempts: number; kind: MessageKind } | null> {
    const [row] = await selectRows<{ status: MessageStatus; attempts: number; kind: MessageKind }>(
      db,
      `SELECT status, attempts, kind FROM messages WHERE id = $1 FOR UPDATE`,
      [messageId],
    );
    return row ?? null;
  }

  /** Mails that must not go out after all (reminders whose unit did the step meanwhile), with why. */
  async cancel(db: Db, messageIds: string[], reason: string): Promise<void> {
    if (messageIds.length === 0) return;
    await updateRows(db, `UPDATE messages SET status = $2, last_error = $3 WHERE id = ANY($1::uuid[])`, [
      messageIds,
      MessageStatus.Cancelled,
      reason,
    ]);
  }

  /** Failed tries, one statement for all: the attempt counted, the reason kept, the row failed for good where `final`. */
  async recordFailures(db: Db, failures: { messageId: string; error: string; final: boolean }[]): Promise<void> {
    if (failures.length === 0) return;
    await updateRows(
      db,
      `UPDATE messages m SET attempts = m.attempts + 1, last_error = f.error, status = CASE WHEN f.final THEN $4 ELSE m.status END
         FROM unnest($1::uuid[], $2::text[], $3::bool[]) AS f(id, error, final)
        WHERE m.id = f.id`,
      [failures.map((f) => f.messageId), failures.map((f) => f.error), failures.map((f) => f.final), MessageStatus.Failed],
    );
  }

  /** A mail with no delivery (an escalation, a digest) accepted by the server. */
  async recordSent(db: Db, messageId: string, providerMessageId: string | null): Promise<void> {
    await updateRows(
      db,
      `UPDATE messages SET status = $2, provider_message_id = $3, sent_at = now(), attempts = attempts + 1, last_error = NULL WHERE id = $1`,
      [messageId, MessageStatus.Sent, providerMessageId],
    );
  }

  /**
   * Deliveries' mails accepted by the server: the rows are sent and each delivery's first mail moves
   * it pending → sent, in one statement (MARK_MESSAGES_SENT_SQL).
   */
  async recordDeliveriesSent(db: Db, sent: { messageId: string; providerId: string | null; deliveryId: string }[]): Promise<void> {
    if (sent.length === 0) return;
    await updateRows(db, MARK_MESSAGES_SENT_SQL, [
      sent.map((s) => s.messageId),
      sent.map((s) => s.providerId),
      MessageStatus.Sent,
      [...new Set(sent.map((s) => s.deliveryId))],
    ]);
  }

  /** Rows are locked in id order, so two overlapping marks (publish, relay, resend) cannot deadlock. */
  async markEnqueued(db: Db, messageIds: string[]): Promise<void> {
    await updateRows(
      db,
      `UPDATE messages m SET enqueued_at = now()
         FROM (SELECT id FROM messages WHERE id = ANY($1::uuid[]) ORDER BY id FOR NO KEY UPDATE) l
        WHERE m.id = l.id`,
      [messageIds],
    );
  }

  /**
   * The outbox backlog of the whole installation: how many rows are pending and the age in seconds of
   * the oldest (null when none). The status is a literal so the partial index messages_pending_idx answers.
   */
  async pendingBacklog(db: Db): Promise<{ n: number; age: number | null }> {
    const [row] = await selectRows<{ n: number; age: number | null }>(
      db,
      `SELECT count(*)::int AS n, extract(epoch FROM now() - min(created_at))::float8 AS age FROM messages WHERE status = 'pending'`,
    );
    return row;
  }

  async pendingOfDeliveries(db: Db, deliveryIds: string[]): Promise<string[]> {
    const rows = await selectRows<{ id: string }>(db, `SELECT id FROM messages WHERE delivery_id = ANY($1::uuid[]) AND status = $2`, [
      deliveryIds,
      MessageStatus.Pending,
    ]);
    return rows.map((r) => r.id);
  }

  /**
   * One keyset page of the pending messages of these kinds never handed to the queue yet (the
   * follow-up sweeps write them set-based). The status is a literal so the planner can use the
   * partial index messages_pending_idx. created_at travels as text: a JS Date would drop the
   * microseconds and stall the keyset.
   */
  async pendingNeverEnqueued(
    db: Db,
    kinds: MessageKind[],
    after: { createdAt: string; id: string },
    limit: number,
  ): Promise<{ id: string; createdAt: string }[]> {
    return selectRows<{ id: string; createdAt: string }>(
      db,
      `SELECT id, created_at::text AS "createdAt" FROM messages
        WHERE status = 'pending' AND enqueued_at IS NULL AND kind = ANY($1::text[])
          AND (created_at, id) > ($2::timestamptz, $3::uuid)
        ORDER BY created_at, id LIMIT $4`,
      [kinds, after.createdAt, after.id, limit],
    );
  }

  /** One keyset page of a dispatch's pending messages, after `afterId`. */
  async pendingOfDispatch(db: Db, dispatchId: string, afterId: string, limit: number): Promise<string[]> {
    const rows = await selectRows<{ id: string }>(
      db,
      `SELECT m.id FROM messages m JOIN deliveries d ON d.id = m.delivery_id
        WHERE d.dispatch_id = $1 AND m.status = $2 AND m.id > $3 ORDER BY m.id LIMIT $4`,
      [dispatchId, MessageStatus.Pending, afterId, limit],
    );
    return rows.map((r) => r.id);
  }

  /**
   * One keyset page of the rows the relay hands over again: pending, older than `graceMs`, and not
   * handed over in the last `staleMs`. created_at travels as text: a JS Date would drop the
   * microseconds and stall the keyset.
   */
  async pendingForRelay(
    db: Db,
    graceMs: number,
    staleMs: number,
    after: { createdAt: string; id: string },
    limit: number,
  ): Promise<{ id: string; createdAt: string }[]> {
    return selectRows<{ id: string; createdAt: string }>(
      db,
      `SELECT id, created_at::text AS "createdAt" FROM messages
        WHERE status = $1
          AND created_at < now() - make_interval(secs => $2::float8 / 1000)
          AND (enqueued_at IS NULL OR enqueued_at < now() - make_interval(secs => $3::float8 / 1000))
          AND (created_at, id) > ($4::timestamptz, $5::uuid)
        ORDER BY created_at, id
        LIMIT $6`,
      [MessageStatus.Pending, graceMs, staleMs, after.createdAt, after.id, limit],
    );
  }

  /** Every unit still in the rollout (not refused, not recalled) gets a mail of `kind`, one per address; how many were written. */
  async writeToRollout(db: Db, dispatchId: string, kind: MessageKind): Promise<number> {
    const [{ n }] = await selectRows<{ n: number }>(
      db,
      `WITH ins AS (
         INSERT INTO messages (delivery_id, kind, to_address)
         SELECT d.id, $2, lower(e.address)
           FROM deliveries d JOIN units u ON u.id = d.unit_id
           CROSS JOIN LATERAL (SELECT DISTINCT unnest(u.emails) AS address) e
          WHERE d.dispatch_id = $1 AND d.status NOT IN ('refused', 'recalled')
         RETURNING 1
       ) SELECT count(*)::int AS n FROM ins`,
      [dispatchId, kind],
    );
    return n;
  }

  /** Nothing more of this dispatch goes out: its pending notices, reminders and escalations are cancelled; how many. */
  async cancelPendingOfDispatch(db: Db, dispatchId: string): Promise<number> {
    const { count } = await updateRows(
      db,
      `UPDATE messages m SET status = $2, last_error = 'Công văn đã bị thu hồi trước khi e-mail được gửi'
        WHERE m.status = $3
          AND (m.delivery_id IN (SELECT id FROM deliveries WHERE dispatch_id = $1)
               OR m.escalation_id IN (SELECT id FROM escalations WHERE dispatch_id = $1))`,
      [dispatchId, MessageStatus.Cancelled, MessageStatus.Pending],
    );
    return count;
  }

  /** Every address that received the dispatch's notice gets one recall notice; how many were written. */
  async writeRecallNotices(db: Db, dispatchId: string): Promise<number> {
    const [{ n }] = await selectRows<{ n: number }>(
      db,
      `WITH ins AS (
         INSERT INTO messages (delivery_id, kind, to_address)
         SELECT DISTINCT m.delivery_id, $2, m.to_address
           FROM messages m JOIN deliveries d ON d.id = m.delivery_id
          WHERE d.dispatch_id = $1 AND m.kind = $3 AND m.status = $4
         RETURNING 1
       ) SELECT count(*)::int AS n FROM ins`,
      [dispatchId, MessageKind.Recall, MessageKind.Notice, MessageStatus.Sent],
    );
    return n;
  }
}
