import { DeliveryAction as A } from '../lifecycle/delivery-transitions.js';
import { movesFromSql, nextStatusSql } from '../lifecycle/sql-conditions.js';

/**
 * The worker's accepted mails, in one statement however many: each outbox row is sent with its
 * provider's id, and the first mail of a delivery moves it pending → sent (the transition table's
 * Send; later states are never undone). $1 messages, $2 their provider ids (same order), $3 the
 * sent status of messages, $4 their deliveries.
 */
export const MARK_MESSAGES_SENT_SQL = `
  WITH message AS (
    UPDATE messages m
       SET status = $3, provider_message_id = s.provider_id, sent_at = now(), attempts = m.attempts + 1, last_error = NULL
      FROM unnest($1::uuid[], $2::text[]) AS s(id, provider_id)
     WHERE m.id = s.id
  )
  UPDATE deliveries SET status = ${nextStatusSql(A.Send)}, sent_at = now() WHERE id = ANY($4::uuid[]) AND ${movesFromSql(A.Send)}`;
