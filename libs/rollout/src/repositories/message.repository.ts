import { MessageStatus, type MessageKind } from '@app/vocabulary';
import { Injectable } from '@nestjs/common';
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

  /** Locks the row for a send; null when it does not exist. */
  async lockForSend(db: Db, messageId: string): Promise<{ status: MessageStatus; attempts: number } | null> {
    const [row] = await selectRows<{ status: MessageStatus; attempts: number }>(
      db,
      `SELECT status, attempts FROM messages WHERE id = $1 FOR UPDATE`,
      [messageId],
    );
    return row ?? null;
  }

  async recordFailure(db: Db, messageId: string, error: string, final: boolean): Promise<void> {
    await updateRows(
      db,
      `UPDATE messages SET attempts = attempts + 1, last_error = $2, status = CASE WHEN $3 THEN $4 ELSE status END WHERE id = $1`,
      [messageId, error, final, MessageStatus.Failed],
    );
  }

  async recordSent(db: Db, messageId: string, providerMessageId: string | null): Promise<void> {
    await updateRows(
      db,
      `UPDATE messages SET status = $2, provider_message_id = $3, sent_at = now(), attempts = attempts + 1, last_error = NULL WHERE id = $1`,
      [messageId, MessageStatus.Sent, providerMessageId],
    );
  }

  async markEnqueued(db: Db, messageIds: string[]): Promise<void> {
    await updateRows(db, `UPDATE messages SET enqueued_at = now() WHERE id = ANY($1::uuid[])`, [messageIds]);
  }

  async pendingOfDeliveries(db: Db, deliveryIds: string[]): Promise<string[]> {
    const rows = await selectRows<{ id: string }>(db, `SELECT id FROM messages WHERE delivery_id = ANY($1::uuid[]) AND status = $2`, [
      deliveryIds,
      MessageStatus.Pending,
    ]);
    return rows.map((r) => r.id);
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
}
