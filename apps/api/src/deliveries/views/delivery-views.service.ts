import { Page, windowTotal } from '@app/common';
import { EDXML_CODE, DeliveryStatus, Role } from '@app/database';
import { DeliveryDetailReader, DeliveryRepository, LEADERSHIP_BODY_SUFFIX, mustReacknowledgeSql } from '@app/rollout';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { escapeLike } from '../../access/access.service.js';
import type { Actor } from '../../auth/actor.js';
import { ActivityViews } from '../../activities/views/activity-views.service.js';
import { DispatchAccess } from '../../access/dispatch-access.service.js';
import { DeliveryAccess, isLeadershipBodyOf } from '../../access/delivery-access.service.js';
import { InboxQuery } from '../dto/delivery-actions.dto.js';
import { OVERDUE_ACK_SQL, OVERDUE_FORWARD_SQL, OVERDUE_REPORT_SQL, OVERDUE_SQL } from './overdue.js';

/** The leadership body under the actor's unit ($1), for leaders only ($4). */
const LEADERSHIP_BODY_SQL = `SELECT b.id FROM units b JOIN units me ON me.id = $1
   WHERE $4::boolean AND b.parent_id = me.id AND b.active AND b.code = me.code || '${LEADERSHIP_BODY_SUFFIX}'`;

const withCode = <T extends { status: string }>(r: T) => ({ ...r, edxmlCode: EDXML_CODE[r.status as DeliveryStatus] ?? null });

const DELIVERY_FIELDS = `
  d.id, d.dispatch_id AS "dispatchId", d.unit_id AS "unitId", u.code AS "unitCode", u.name AS "unitName", d.purpose, d.status,
  d.parent_delivery_id AS "parentDeliveryId", d.instruction, d.ack_due_at AS "ackDueAt", d.forward_due_at AS "forwardDueAt",
  d.report_due_at AS "reportDueAt", d.sent_at AS "sentAt", d.arrived_at AS "arrivedAt", d.acknowledged_at AS "acknowledgedAt",
  d.ack_method AS "ackMethod", d.ack_by_name AS "ackByName", d.ack_proxy_reason AS "ackProxyReason",
  d.refused_at AS "refusedAt", d.refusal_reason AS "refusalReason", d.refused_by_name AS "refusedByName",
  d.refusal_resolved_at AS "refusalResolvedAt", d.forwarded_at AS "forwardedAt", d.completed_at AS "completedAt",
  ${OVERDUE_ACK_SQL} AS "overdueAck", ${OVERDUE_FORWARD_SQL} AS "overdueForward", ${OVERDUE_REPORT_SQL} AS "overdueReport",
  d.recalled_at AS "recalledAt", d.ack_version AS "ackVersion", ${mustReacknowledgeSql()} AS "mustReacknowledge"`;

/** What a recipient unit reads: its inbox, one delivery with everything around it; and the rollout tree. */
@Injectable()
export class DeliveryViewsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly deliveries: DeliveryAccess,
    private readonly dispatches: DispatchAccess,
    private readonly activities: ActivityViews,
    private readonly repository: DeliveryRepository,
    private readonly details: DeliveryDetailReader,
  ) {}

  async inbox(actor: Actor, query: InboxQuery): Promise<Page<Record<string, unknown>>> {
    // A leader's inbox also holds its leadership body's (the Ban Giám đốc's, see isLeadershipBodyOf).
    const params: unknown[] = [actor.unitId, query.limit, query.offset, actor.role === Role.Leader];
    const filters: string[] = [];
    if (query.status) {
      params.push(query.status);
      filters.push(`d.status = $${params.length}`);
    }
    if (query.overdue === 'true') filters.push(OVERDUE_SQL);
    if (query.overdue === 'false') filters.push(`NOT ${OVERDUE_SQL}`);
    if (query.q?.trim()) {
      params.push(`%${escapeLike(query.q.trim())}%`);
      filters.push(`(x.number::text || '/' || x.symbol ILIKE $${params.length} OR x.subject ILIKE $${params.length})`);
    }
    const page = (p: unknown[]): Promise<(Record<string, unknown> & { status: string; total: string })[]> =>
      this.db.query(
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
    const rows = await page(params);
    return {
      items: rows.map(({ total: _t, ...r }) => withCode(r)),
      total: await windowTotal(
        rows,
        query.offset,
        (r) => r.total,
        () => page([params[0], 1, 0, ...params.slice(3)]),
      ),
      page: query.page,
      limit: query.limit,
    };
  }

  /** One delivery with its dispatch, tasks, attachments, the units it forwarded to, and its activities. */
  async get(actor: Actor, deliveryId: string) {
    const ctx = await this.deliveries.requireVisible(actor, deliveryId);
    // "01 đã đến": the first time someone of the recipient unit opens it on the web.
    if (ctx.unitId === actor.unitId || isLeadershipBodyOf(actor, ctx)) await this.repository.markArrived(this.db, deliveryId);
    const [[delivery], children] = await Promise.all([
      this.db.query(`SELECT ${DELIVERY_FIELDS} FROM deliveries d JOIN units u ON u.id = d.unit_id WHERE d.id = $1`, [deliveryId]),
      this.db.query(
        `SELECT ${DELIVERY_FIELDS} FROM deliveries d JOIN units u ON u.id = d.unit_id WHERE d.parent_delivery_id = $1 ORDER BY u.path`,
        [deliveryId],
      ),
    ]);
    // The dispatch, its tasks and attachments come from the one delivery detail read model (libs/rollout),
    // as on the link page and in the mail.
    const [detail, activities] = await Promise.all([this.details.load(this.db, deliveryId), this.activities.forDeliveries([deliveryId])]);
    const { dispatch, tasks, attachments } = detail!;
    return { ...withCode(delivery), dispatch, tasks, attachments, children: children.map(withCode), activities };
  }

  /**
   * The rollout as a tree, for the issuer: every delivery with its parent, status and activity
   * count, nested. Above TREE_LIMIT deliveries ask for one branch at a time (`under`).
   */
  async tree(actor: Actor, dispatchId: string, under?: string) {
    await this.dispatches.requireManageable(actor, dispatchId);
    const rows: (Record<string, unknown> & { id: string; parentDeliveryId: string | null; status: string })[] = await this.db.query(
      `WITH RECURSIVE branch AS (
         SELECT d.id FROM deliveries d WHERE d.dispatch_id = $1 AND (CASE WHEN $2::uuid IS NULL THEN d.parent_delivery_id IS NULL ELSE d.id = $2::uuid END)
         UNION ALL
         SELECT c.id FROM deliveries c JOIN branch b ON c.parent_delivery_id = b.id
       )
       SELECT ${DELIVERY_FIELDS},
              (SELECT count(*)::int FROM activities a WHERE a.delivery_id = d.id AND a.withdrawn_at IS NULL) AS "activityCount"
         FROM branch JOIN deliveries d ON d.id = branch.id JOIN units u ON u.id = d.unit_id
        ORDER BY u.path
        LIMIT ${TREE_LIMIT + 1}`,
      [dispatchId, under ?? null],
    );
    const truncated = rows.length > TREE_LIMIT;
    const nodes = new Map(rows.slice(0, TREE_LIMIT).map((r) => [r.id, { ...withCode(r), children: [] as unknown[] }]));
    const roots: unknown[] = [];
    for (const node of nodes.values()) {
      const parent = node.parentDeliveryId ? nodes.get(node.parentDeliveryId) : undefined;
      (parent ? parent.children : roots).push(node);
    }
    return { dispatchId, truncated, roots };
  }
}

export const TREE_LIMIT = 5000;
