import { notFound, Page, windowTotal } from '@app/common';
import { Dispatch, DispatchAttachment, DispatchRecipient, DispatchTask, EDXML_CODE } from '@app/database';
import { mustReacknowledgeSql } from '@app/rollout';
import { viReminderSummary } from '@app/vocabulary';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, IsNull } from 'typeorm';
import { Actor, hasGlobalScope } from '../../auth/actor.js';
import { DispatchAccess } from '../../access/dispatch-access.service.js';
import { ListDeliveriesQuery, ListDispatchesQuery } from '../dto/dispatch.dto.js';
import { DispatchDetailDto, DispatchListItemDto, ReminderSummaryDto, RolloutRowDto } from '../dto/dispatch-responses.dto.js';
import { unitRef } from '../dto/dispatch-document.dto.js';
import { attachmentView } from '../usecases/dispatch-attachments.service.js';

export type StatusCounts = Record<string, number>;

/** A row of the deliveries page as the SQL returns it (json columns come back as strings for their dates). */
interface RolloutDbRow extends Omit<RolloutRowDto, 'edxmlCode' | 'reminders'> {
  reminders: Omit<ReminderSummaryDto, 'summary'> | null;
  /** count(*) OVER (): bigint, as text. */
  total: string;
}

/** What the issuer reads: dispatches with delivery counts, one dispatch, its deliveries and messages. */
@Injectable()
export class DispatchViewsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: DispatchAccess,
  ) {}

  async list(actor: Actor, query: ListDispatchesQuery): Promise<Page<DispatchListItemDto>> {
    const qb = this.db
      .getRepository(Dispatch)
      .createQueryBuilder('d')
      .innerJoinAndSelect('d.issuerUnit', 'issuer')
      .orderBy('d.created_at', 'DESC')
      .skip(query.offset)
      .take(query.limit);
    if (!hasGlobalScope(actor)) qb.andWhere('issuer.path LIKE :scope', { scope: `${actor.unitPath}%` });
    if (query.status) qb.andWhere('d.status = :status', { status: query.status });
    const [items, total] = await qb.getManyAndCount();
    const counts = await this.countsByDispatch(items.map((d) => d.id));
    return {
      // issuerUnit is inner-joined: every row has it.
      items: items.map((d) => ({ ...d, issuerUnit: unitRef(d.issuerUnit!), deliveryCounts: counts.get(d.id) ?? {} })),
      total,
      page: query.page,
      limit: query.limit,
    };
  }

  async get(actor: Actor, id: string): Promise<DispatchDetailDto> {
    const { dispatch, issuer } = await this.access.requireViewable(actor, id);
    const [tasks, attachments, recipients, counts, messageCounts] = await Promise.all([
      this.db.getRepository(DispatchTask).find({ where: { dispatchId: id }, order: { number: 'ASC' } }),
      this.db
        .getRepository(DispatchAttachment)
        .find({ where: { dispatchId: id, supersededInVersion: IsNull() }, order: { createdAt: 'ASC' } })
        .then((rows) => rows.map(attachmentView)),
      this.db.getRepository(DispatchRecipient).find({ where: { dispatchId: id } }),
      this.countsByDispatch([id]),
      this.db.query(
        `SELECT m.status, count(*)::int AS n FROM messages m JOIN deliveries d ON d.id = m.delivery_id WHERE d.dispatch_id = $1 GROUP BY m.status`,
        [id],
      ) as Promise<{ status: string; n: number }[]>,
    ]);
    return {
      ...dispatch,
      issuerUnit: unitRef(issuer),
      tasks,
      attachments,
      recipients,
      deliveryCounts: counts.get(id) ?? {},
      messageCounts: Object.fromEntries(messageCounts.map((m) => [m.status, m.n])),
    };
  }

  /** Deliveries of a dispatch with their unit and every message's state, one page at a time. */
  async deliveries(actor: Actor, id: string, query: ListDeliveriesQuery): Promise<Page<RolloutRowDto>> {
    await this.access.requireManageable(actor, id);
    const params: unknown[] = [id, query.limit, query.offset];
    const filters: string[] = [];
    if (query.status) {
      params.push(query.status);
      filters.push(`d.status = $${params.length}`);
    }
    if (query.messageStatus) {
      params.push(query.messageStatus);
      filters.push(`EXISTS (SELECT 1 FROM messages mm WHERE mm.delivery_id = d.id AND mm.status = $${params.length})`);
    }
    const where = filters.length ? `AND ${filters.join(' AND ')}` : '';
    const page = (p: unknown[]): Promise<RolloutDbRow[]> =>
      this.db.query(
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
    const rows = await page(params);
    const total = await windowTotal(
      rows,
      query.offset,
      (r) => r.total,
      () => page([params[0], 1, 0, ...params.slice(3)]),
    );
    return {
      items: rows.map(({ total: _t, reminders, ...r }) => ({
        ...r,
        edxmlCode: EDXML_CODE[r.status] ?? null,
        // "đã nhắc 2 lần, lần cuối 08:30 05/12", as the reminder history of GET /dispatches/:id/reminders writes it.
        reminders: reminders ? { ...reminders, summary: viReminderSummary(reminders.count, reminders.lastAt) } : null,
      })),
      total,
      page: query.page,
      limit: query.limit,
    };
  }

  private async countsByDispatch(ids: string[]): Promise<Map<string, StatusCounts>> {
    const map = new Map<string, StatusCounts>();
    if (ids.length === 0) return map;
    const rows: { dispatch_id: string; status: string; n: number }[] = await this.db.query(
      `SELECT dispatch_id, status, count(*)::int AS n FROM deliveries WHERE dispatch_id = ANY($1::uuid[]) GROUP BY dispatch_id, status`,
      [ids],
    );
    for (const r of rows) map.set(r.dispatch_id, { ...(map.get(r.dispatch_id) ?? {}), [r.status]: r.n });
    return map;
  }

  async requireDelivery(dispatchId: string, deliveryId: string) {
    const [row] = await this.db.query(`SELECT id FROM deliveries WHERE id = $1 AND dispatch_id = $2`, [deliveryId, dispatchId]);
    if (!row) throw notFound(`Không tìm thấy lượt gửi ${deliveryId} của công văn này.`);
  }
}
