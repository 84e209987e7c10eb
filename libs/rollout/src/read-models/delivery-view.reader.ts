import { pageWithWindowTotal } from '@app/common';
import { OVERDUE_ACK_SQL, OVERDUE_FORWARD_SQL, OVERDUE_REPORT_SQL } from '@app/reports';
import type { AckMethod, DeliveryStatus, DispatchStatus, RecipientPurpose, Urgency } from '@app/vocabulary';
import { Injectable } from '@nestjs/common';
import { LEADERSHIP_BODY_SUFFIX } from '../lifecycle/leadership-body.js';
import { mustReacknowledgeSql } from '../lifecycle/sql-conditions.js';
import { type Db, selectRows } from '../repositories/sql.js';

/** A delivery as the recipient's screens list it: its unit, its steps, and which deadlines are overdue now. */
export interface DeliveryItemRow {
  id: string;
  dispatchId: string;
  unitId: string;
  unitCode: string;
  unitName: string;
  purpose: RecipientPurpose;
  status: DeliveryStatus;
  parentDeliveryId: string | null;
  instruction: string | null;
  ackDueAt: Date | null;
  forwardDueAt: Date | null;
  reportDueAt: Date | null;
  sentAt: Date | null;
  arrivedAt: Date | null;
  acknowledgedAt: Date | null;
  ackMethod: AckMethod | null;
  ackByName: string | null;
  ackProxyReason: string | null;
  refusedAt: Date | null;
  refusalReason: string | null;
  refusedByName: string | null;
  refusalResolvedAt: Date | null;
  forwardedAt: Date | null;
  completedAt: Date | null;
  overdueAck: boolean;
  overdueForward: boolean;
  overdueReport: boolean;
  recalledAt: Date | null;
  ackVersion: number | null;
  mustReacknowledge: boolean;
}

/** The dispatch as a line of the inbox shows it. */
export interface InboxDispatch {
  number: number;
  symbol: string;
  subject: string;
  urgency: Urgency;
  issuedDate: string;
  issuer: string;
  status: DispatchStatus;
  version: number;
  recallReason: string | null;
}

export interface InboxRow extends DeliveryItemRow {
  dispatch: InboxDispatch;
}

/** A delivery of the rollout tree, with how many activities (not withdrawn) it reported. */
export interface RolloutNodeRow extends DeliveryItemRow {
  activityCount: number;
}

export interface InboxFilter {
  /** The actor's unit. */
  unitId: string;
  /** A leader's inbox also holds its leadership body's (the Ban Giám đốc's). */
  withLeadershipBody: boolean;
  status?: DeliveryStatus;
  /** Overdue on any deadline (true), on none (false), either (undefined). */
  overdue?: boolean;
  /** An ILIKE pattern, already escaped, on "number/symbol" and the subject. */
  search?: string;
  offset: number;
  limit: number;
}

/** Overdue on any deadline, derived at query time (`d` is the deliveries alias). */
export const OVERDUE_SQL = `(${OVERDUE_ACK_SQL} OR ${OVERDUE_FORWARD_SQL} OR ${OVERDUE_REPORT_SQL})`;

/** The leadership body under the actor's unit ($1), for leaders only ($4). */
const LEADERSHIP_BODY_SQL = `SELECT b.id FROM units b JOIN units me ON me.id = $1
   WHERE $4::boolean AND b.parent_id = me.id AND b.active AND b.code = me.code || '${LEADERSHIP_BODY_SUFFIX}'`;

const DELIVERY_FIELDS = `
  d.id, d.dispatch_id AS "dispatchId", d.unit_id AS "unitId", u.code AS "unitCode", u.name AS "unitName", d.purpose, d.status,
  d.parent_delivery_id AS "parentDeliveryId", d.instruction, d.ack_due_at AS "ackDueAt", d.forward_due_at AS "forwardDueAt",
  d.report_due_at AS "reportDueAt", d.sent_at AS "sentAt", d.arrived_at AS "arrivedAt", d.acknowledged_at AS "acknowledgedAt",
  d.ack_method AS "ackMethod", d.ack_by_name AS "ackByName", d.ack_proxy_reason AS "ackProxyReason",
  d.refused_at AS "refusedAt", d.refusal_reason AS "refusalReason", d.refused_by_name AS "refusedByName",
  d.refusal_resolved_at AS "refusalResolvedAt", d.forwarded_at AS "forwardedAt", d.completed_at AS "completedAt",
  ${OVERDUE_ACK_SQL} AS "overdueAck", ${OVERDUE_FORWARD_SQL} AS "overdueForward", ${OVERDUE_REPORT_SQL} AS "overdueReport",
  d.recalled_at AS "recalledAt", d.ack_version AS "ackVersion", ${mustReacknowledgeSql()} AS "mustReacknowledge"`;

/** What a recipient unit's screens read of deliveries: its inbox, one delivery and those it forwarded to; and the issuer's rollout tree. */
@Injectable()
export class DeliveryViewReader {
  /** One page of the inbox, newest first, with the total from the page's window count (a second round trip only past the last page). */
  async inbox(db: Db, filter: InboxFilter): Promise<{ rows: InboxRow[]; total: number }> {
    const params: unknown[] = [filter.unitId, filter.limit, filter.offset, filter.withLeadershipBody];
    const filters: string[] = [];
    if (filter.status) {
      params.push(filter.status);
      filters.push(`d.status = $${params.length}`);
    }
    if (filter.overdue === true) filters.push(OVERDUE_SQL);
    if (filter.overdue === false) filters.push(`NOT ${OVERDUE_SQL}`);
    if (filter.search) {
      params.push(filter.search);
      filters.push(`(x.number::text || '/' || x.symbol ILIKE $${params.length} OR x.subject ILIKE $${params.length})`);
    }
    const page = (p: unknown[]) =>
      selectRows<InboxRow & { total: string }>(
        db,
        `SELECT ${DELIVERY_FIELDS}, count(*) OVER () AS total,
              json_build_object('number', x.number, 'symbol', x.symbol, 'subject', x.subject, 'urgency', x.urgency,
                                'issuedDate', to_char(x.issued_date, 'YYYY-MM-DD'), 'issuer', x.header_issuer,
                                'status', x.status, 'version', x.version, 'recallReason', x.recall_reason) AS dispatch
         FROM deliveries d JOIN units u ON u.id = d.unit_id JOIN dispatches x ON x.id = d.dispatch_id
        WHERE (d.unit_id = $1 OR d.unit_id IN (${LEADERSHIP_BODY_SQL}))
          -- A recalled dispatch stays listed (struck through, read-only): the unit must see it was withdrawn.
          AND x.status IN ('published', 'recalled') ${filters.map((f) => `AND ${f}`).join(' ')}
        ORDER BY d.created_at DESC, d.id
        LIMIT $2 OFFSET $3`,
        p,
      );
    return pageWithWindowTotal(page, params, filter.offset);
  }

  /** The delivery; the caller checked it exists. */
  async item(db: Db, deliveryId: string): Promise<DeliveryItemRow> {
    const [row] = await selectRows<DeliveryItemRow>(
      db,
      `SELECT ${DELIVERY_FIELDS} FROM deliveries d JOIN units u ON u.id = d.unit_id WHERE d.id = $1`,
      [deliveryId],
    );
    return row;
  }

  /** The deliveries forwarded from this one, in tree order of their units. */
  async children(db: Db, deliveryId: string): Promise<DeliveryItemRow[]> {
    return selectRows<DeliveryItemRow>(
      db,
      `SELECT ${DELIVERY_FIELDS} FROM deliveries d JOIN units u ON u.id = d.unit_id WHERE d.parent_delivery_id = $1 ORDER BY u.path`,
      [deliveryId],
    );
  }

  /**
   * The rollout's deliveries from its roots (or from `under`, one branch) down, in tree order of their
   * units, at most `limit`: one recursive statement.
   */
  async tree(db: Db, dispatchId: string, under: string | null, limit: number): Promise<RolloutNodeRow[]> {
    return selectRows<RolloutNodeRow>(
      db,
      `WITH RECURSIVE branch AS (
         SELECT d.id FROM deliveries d WHERE d.dispatch_id = $1 AND (CASE WHEN $2::uuid IS NULL THEN d.parent_delivery_id IS NULL ELSE d.id = $2::uuid END)
         UNION ALL
         SELECT c.id FROM deliveries c JOIN branch b ON c.parent_delivery_id = b.id
       )
       SELECT ${DELIVERY_FIELDS},
              (SELECT count(*)::int FROM activities a WHERE a.delivery_id = d.id AND a.withdrawn_at IS NULL) AS "activityCount"
         FROM branch JOIN deliveries d ON d.id = branch.id JOIN units u ON u.id = d.unit_id
        ORDER BY u.path
        LIMIT ${Math.trunc(limit)}`,
      [dispatchId, under],
    );
  }
}
