import { DeliveryAction as A } from '../lifecycle/delivery-transitions.js';
import { movesFromSql, nextStatusSql } from '../lifecycle/sql-conditions.js';

/**
 * The worker's accepted mail, in one statement: the outbox row is sent, and the first mail of a
 * delivery moves it pending → sent (the transition table's Send; later states are never undone).
 * $1 message, $2 the sent status of messages, $3 the provider's id, $4 delivery.
 */
export const MARK_MESSAGE_SENT_SQL = `
  WITH message AS (
    UPDATE messages SET status = $2, provider_message_id = $3, sent_at = now(), attempts = attempts + 1, last_error = NULL WHERE id = $1
  )
  UPDATE deliveries SET status = ${nextStatusSql(A.Send)}, sent_at = now() WHERE id = $4 AND ${movesFromSql(A.Send)}`;
