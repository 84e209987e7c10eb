import { AckLinkSigner } from '@app/common';
import { ACTING_PURPOSES, RecipientPurpose } from '@app/database';
import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { inForceOn } from './in-force.js';
import { type Db, selectRows } from './sql.js';

export interface NewDelivery {
  unitId: string;
  purpose: RecipientPurpose;
}

export interface DeliveryDefaults {
  dispatchId: string;
  parentDeliveryId?: string | null;
  instruction?: string | null;
  ackDueAt: Date | null;
  forwardDueAt: Date | null;
  reportDueAt: Date | null;
}

export interface WrittenDeliveries {
  deliveryIds: string[];
  messages: number;
  skippedExisting: number;
}

/** The recipient's report level, snapshotted on the delivery (see migration 1764294000000). */
const RECIPIENT_LEVEL_SQL = `CASE WHEN u.level = 'commune' AND u.type = 'police' THEN 'commune_police'
  WHEN u.level = 'commune' THEN 'commune' WHEN u.level = 'district' THEN 'district' ELSE 'province' END`;

/**
 * Writes deliveries and their outbox messages (one per e-mail address of the unit) in two
 * set-based statements, inside the caller's transaction. A unit that already has a delivery of
 * this dispatch is skipped, so a retried or concurrent call never duplicates. Only acting
 * purposes carry deadlines.
 */
@Injectable()
export class DeliveryWriter {
  constructor(private readonly links: AckLinkSigner) {}

  async write(em: Db, rows: NewDelivery[], defaults: DeliveryDefaults): Promise<WrittenDeliveries> {
    if (rows.length === 0) return { deliveryIds: [], messages: 0, skippedExisting: 0 };
    const expiresAt = this.links.expiryFrom(new Date());
    const ids: string[] = [];
    const nonces: string[] = [];
    const hashes: string[] = [];
    for (let i = 0; i < rows.length; i++) {
      const id = randomUUID();
      const nonce = this.links.newNonce();
      ids.push(id);
      nonces.push(nonce);
      hashes.push(this.links.hash(this.links.token(id, expiresAt, nonce)));
    }
    const acting = rows.map((r) => ACTING_PURPOSES.includes(r.purpose));
    const inserted = await selectRows<{ id: string }>(
      em,
      `INSERT INTO deliveries (id, dispatch_id, unit_id, purpose, parent_delivery_id, instruction,
                               ack_due_at, forward_due_at, report_due_at, link_nonce, link_token_hash, link_expires_at,
                               recipient_level, expects_forward)
       SELECT t.id, $2, t.unit_id, t.purpose, $3, $4,
              CASE WHEN t.acting THEN $5::timestamptz END, CASE WHEN t.acting THEN $6::timestamptz END, CASE WHEN t.acting THEN $7::timestamptz END,
              t.nonce, t.hash, $8,
              ${RECIPIENT_LEVEL_SQL}, p.parent_id IS NOT NULL
         FROM unnest($1::uuid[], $9::uuid[], $10::text[], $11::bool[], $12::text[], $13::text[]) AS t(id, unit_id, purpose, acting, nonce, hash)
         JOIN units u ON u.id = t.unit_id
         -- Which recipients have units below them in force on the issued date, as one set: a per-row
         -- EXISTS can be planned as a scan of all units per row when parent_id statistics are skewed.
         LEFT JOIN (SELECT DISTINCT c.parent_id FROM units c
                     WHERE ${inForceOn('c', '(SELECT issued_date FROM dispatches WHERE id = $2)')} AND c.parent_id = ANY($9::uuid[])) p ON p.parent_id = u.id
       ON CONFLICT (dispatch_id, unit_id) DO NOTHING
       RETURNING id`,
      [
        ids,
        defaults.dispatchId,
        defaults.parentDeliveryId ?? null,
        defaults.instruction ?? null,
        defaults.ackDueAt,
        defaults.forwardDueAt,
        defaults.reportDueAt,
        expiresAt,
        rows.map((r) => r.unitId),
        rows.map((r) => r.purpose),
        acting,
        nonces,
        hashes,
      ],
    );
    const deliveryIds = inserted.map((r) => r.id);
    const messages = await this.writeMessages(em, deliveryIds, 'notice');
    return { deliveryIds, messages, skippedExisting: rows.length - deliveryIds.length };
  }

  /**
   * A reminder asked for by a person, as a row of the same table as the scheduled ones (so the history
   * counts both): due at the delivery's acknowledgement deadline, or now when it has none. The slot
   * keeps it apart from the sweep's per-slot key. Its id, for the messages that carry it.
   */
  async writeManualReminder(em: Db, deliveryId: string, slot: string, at: Date, requestedBy: string): Promise<string> {
    const [reminder] = await selectRows<{ id: string }>(
      em,
      `INSERT INTO reminders (delivery_id, dispatch_id, step, slot, due_at, requested_by, created_at)
       SELECT d.id, d.dispatch_id, 'ack', $2, COALESCE(d.ack_due_at, $3), $4, $3 FROM deliveries d WHERE d.id = $1
       RETURNING id`,
      [deliveryId, slot, at, requestedBy],
    );
    return reminder.id;
  }

  /** One outbox row per current e-mail address of each delivery's unit. */
  async writeMessages(
    em: Db,
    deliveryIds: string[],
    kind: 'notice' | 'reminder' | 'escalation',
    reminderId: string | null = null,
  ): Promise<number> {
    if (deliveryIds.length === 0) return 0;
    const result = await selectRows<{ n: number }>(
      em,
      `WITH ins AS (
         INSERT INTO messages (delivery_id, kind, to_address, reminder_id)
         SELECT d.id, $2, lower(e.address), $3::uuid
           FROM deliveries d
           JOIN units u ON u.id = d.unit_id
           CROSS JOIN LATERAL (SELECT DISTINCT unnest(u.emails) AS address) e
          WHERE d.id = ANY($1::uuid[])
         RETURNING 1
       ) SELECT count(*)::int AS n FROM ins`,
      [deliveryIds, kind, reminderId],
    );
    return result[0].n;
  }
}
