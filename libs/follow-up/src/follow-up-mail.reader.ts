import { type Db, selectRows } from '@app/rollout';
import { Injectable } from '@nestjs/common';
import type { DigestMailContext, EscalationMailContext } from './follow-up-mail.js';

/**
 * What the follow-up's own mails show (an escalation, a leader's digest): outbox rows that belong
 * to no delivery of their own. Read in the worker's sending transaction, after it locked the row.
 */
@Injectable()
export class FollowUpMailReader {
  async escalation(db: Db, messageId: string): Promise<EscalationMailContext | null> {
    const [row] = await selectRows<Omit<EscalationMailContext, 'lateUnits'> & { lateUnits: { name: string; dueAt: string }[] | null }>(
      db,
      `SELECT m.to_address AS "toAddress", u.name AS "recipientName", e.step, x.document_type AS "documentType",
              x.number || '/' || x.symbol AS "numberSymbol", x.issued_date::text AS "issuedDate", x.subject,
              (SELECT json_agg(json_build_object('name', lu.name, 'dueAt',
                        CASE e.step WHEN 'ack' THEN ld.ack_due_at WHEN 'forward' THEN ld.forward_due_at ELSE ld.report_due_at END)
                      ORDER BY lu.name)
                 FROM deliveries ld JOIN units lu ON lu.id = ld.unit_id
                WHERE ld.id = ANY(e.late_delivery_ids)) AS "lateUnits"
         FROM messages m
         JOIN escalations e ON e.id = m.escalation_id
         JOIN units u ON u.id = e.to_unit_id
         JOIN dispatches x ON x.id = e.dispatch_id
        WHERE m.id = $1`,
      [messageId],
    );
    if (!row) return null;
    // json_agg carries the deadlines as ISO text.
    return { ...row, lateUnits: (row.lateUnits ?? []).map((u) => ({ name: u.name, dueAt: new Date(u.dueAt) })) };
  }

  async digest(db: Db, messageId: string): Promise<DigestMailContext | null> {
    const [row] = await selectRows<DigestMailContext>(
      db,
      `SELECT m.to_address AS "toAddress", us.full_name AS "leaderName", u.name AS "unitName", g.day::text AS day, g.content
         FROM messages m
         JOIN digests g ON g.id = m.digest_id
         JOIN users us ON us.id = g.user_id
         JOIN units u ON u.id = us.unit_id
        WHERE m.id = $1`,
      [messageId],
    );
    return row ?? null;
  }
}
