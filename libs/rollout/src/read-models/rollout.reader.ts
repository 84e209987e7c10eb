import { pageWithWindowTotal } from '@app/common';
import type { DeliveryStatus, MessageKind, MessageStatus, RecipientPurpose } from '@app/vocabulary';
import { Injectable } from '@nestjs/common';
import { mustReacknowledgeSql } from '../lifecycle/sql-conditions.js';
import { type Db, selectRows } from '../repositories/sql.js';

/** One e-mail of a delivery and how far it got (built as json: its date comes back as a string). */
export interface RolloutMessage {
  id: string;
  kind: MessageKind;
  to: string;
  status: MessageStatus;
  attempts: number;
  lastError: string | null;
  providerMessageId: string | null;
  sentAt: string | null;
}

/** One recipient unit's delivery on the issuer's deliveries page, with every e-mail sent to it. */
export interface RolloutRow {
  id: string;
  unitId: string;
  unitCode: string;
  unitName: string;
  purpose: RecipientPurpose;
  status: DeliveryStatus;
  parentDeliveryId: string | null;
  ackDueAt: Date | null;
  forwardDueAt: Date | null;
  reportDueAt: Date | null;
  sentAt: Date | null;
  arrivedAt: Date | null;
  acknowledgedAt: Date | null;
  ackVersion: number | null;
  recalledAt: Date | null;
  mustReacknowledge: boolean;
  /** How often the unit was reminded and when last (json: the date is a string); null when never. */
  reminders: { count: number; lastAt: string } | null;
  messages: RolloutMessage[];
}

export interface RolloutFilter {
  /** Only deliveries in this status. */
  status?: string;
  /** Only deliveries with an e-mail in this state. */
  messageStatus?: MessageStatus | 'pending' | 'sent' | 'failed';
  offset: number;
  limit: number;
}

/** The issuer's view of a dispatch's deliveries: one page in unit-tree order, with each unit's reminders and e-mails. */
@Injectable()
export class RolloutReader {
  /** One page, with the total from the page's window count (a second round trip only past the last page). */
  async page(db: Db, dispatchId: string, filter: RolloutFilter): Promise<{ rows: RolloutRow[]; total: number }> {
    const params: unknown[] = [dispatchId, filter.limit, filter.offset];
    const filters: string[] = [];
    if (filter.status) {
      params.push(filter.status);
      filters.push(`d.status = $${params.length}`);
    }
    if (filter.messageStatus) {
      params.push(filter.messageStatus);
      filters.push(`EXISTS (SELECT 1 FROM messages mm WHERE mm.delivery_id = d.id AND mm.status = $${params.length})`);
    }
    const where = filters.length ? `AND ${filters.join(' AND ')}` : '';
    const page = (p: unknown[]) =>
      selectRows<RolloutRow & { total: string }>(
        db,
        `SELECT d.id, d.unit_id AS "unitId", u.code AS "unitCode", u.name AS "unitName", d.purpose, d.status,
              d.parent_delivery_id AS "parentDeliveryId", d.ack_due_at AS "ackDueAt", d.forward_due_at AS "forwardDueAt",
              d.report_due_at AS "reportDueAt", d.sent_at AS "sentAt", d.arrived_at AS "arrivedAt",
              d.acknowledged_at AS "acknowledgedAt", d.ack_version AS "ackVersion", d.recalled_at AS "recalledAt",
              ${mustReacknowledgeSql()} AS "mustReacknowledge",
              (SELECT json_build_object('count', count(*), 'lastAt', max(r.created_at))
                 FROM reminders r WHERE r.delivery_id = d.id HAVING count(*) > 0) AS reminders,
              count(*) OVER () AS total,
              COALESCE((SELECT json_agg(json_build_object('id', m.id, 'kind', m.kind, 'to', m.to_address, 'status', m.status,
                         'attempts', m.attempts, 'lastError', m.last_error, 'providerMessageId', m.provider_message_id, 'sentAt', m.sent_at)
                         ORDER BY m.created_at)
                          FROM messages m WHERE m.delivery_id = d.id), '[]') AS messages
         FROM deliveries d JOIN units u ON u.id = d.unit_id
        WHERE d.dispatch_id = $1 ${where}
        ORDER BY u.path
        LIMIT $2 OFFSET $3`,
        p,
      );
    return pageWithWindowTotal(page, params, filter.offset);
  }
}
