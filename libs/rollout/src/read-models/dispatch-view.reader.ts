import { Dispatch, DispatchAttachment, DispatchTask, Unit } from '@app/database';
import type { DispatchStatus } from '@app/vocabulary';
import { Injectable } from '@nestjs/common';
import { IsNull } from 'typeorm';
import { type Db, selectRows } from '../repositories/sql.js';

/** Counts keyed by a status value; a status with none is absent. */
export type StatusCounts = Record<string, number>;

/** A dispatch's deliveries by status, and how many were acknowledged (whatever their status now). */
export interface DeliveryTally {
  byStatus: StatusCounts;
  acknowledged: number;
}

/** Which dispatches a list shows: those issued in a subtree (null: all), of one status or any. */
export interface DispatchListFilter {
  issuerPathPrefix: string | null;
  status?: DispatchStatus;
  offset: number;
  limit: number;
}

/** What the issuer's dispatch screens read: the list page, a dispatch's parts, and the deliveries and outbox counted by status. */
@Injectable()
export class DispatchViewReader {
  /** One page of dispatches, newest first, each with its issuing unit; and how many there are in all. */
  async page(db: Db, filter: DispatchListFilter): Promise<{ items: (Dispatch & { issuerUnit: Unit })[]; total: number }> {
    const qb = db
      .getRepository(Dispatch)
      .createQueryBuilder('d')
      .innerJoinAndSelect('d.issuerUnit', 'issuer')
      .orderBy('d.created_at', 'DESC')
      .skip(filter.offset)
      .take(filter.limit);
    if (filter.issuerPathPrefix !== null) qb.andWhere('issuer.path LIKE :scope', { scope: `${filter.issuerPathPrefix}%` });
    if (filter.status) qb.andWhere('d.status = :status', { status: filter.status });
    const [items, total] = await qb.getManyAndCount();
    // issuerUnit is inner-joined: every row has it.
    return { items: items.map((d) => Object.assign(d, { issuerUnit: d.issuerUnit! })), total };
  }

  /**
   * The deliveries of each dispatch counted by status, and how many of them were acknowledged at any
   * time (a recall or a refusal after the acknowledgement moves the status on, not the fact): one
   * grouped statement.
   */
  async deliveryCounts(db: Db, dispatchIds: string[]): Promise<Map<string, DeliveryTally>> {
    const map = new Map<string, DeliveryTally>();
    if (dispatchIds.length === 0) return map;
    const rows = await selectRows<{ dispatch_id: string; status: string; n: number; acknowledged: number }>(
      db,
      `SELECT dispatch_id, status, count(*)::int AS n, count(acknowledged_at)::int AS acknowledged
         FROM deliveries WHERE dispatch_id = ANY($1::uuid[]) GROUP BY dispatch_id, status`,
      [dispatchIds],
    );
    for (const r of rows) {
      const tally = map.get(r.dispatch_id) ?? { byStatus: {}, acknowledged: 0 };
      map.set(r.dispatch_id, { byStatus: { ...tally.byStatus, [r.status]: r.n }, acknowledged: tally.acknowledged + r.acknowledged });
    }
    return map;
  }

  /** The dispatch's e-mails (every delivery's) counted by status. */
  async messageCounts(db: Db, dispatchId: string): Promise<StatusCounts> {
    const rows = await selectRows<{ status: string; n: number }>(
      db,
      `SELECT m.status, count(*)::int AS n FROM messages m JOIN deliveries d ON d.id = m.delivery_id WHERE d.dispatch_id = $1 GROUP BY m.status`,
      [dispatchId],
    );
    return Object.fromEntries(rows.map((m) => [m.status, m.n]));
  }

  /** The numbered tasks (nhiệm vụ), in order. */
  async tasks(db: Db, dispatchId: string): Promise<DispatchTask[]> {
    return db.getRepository(DispatchTask).find({ where: { dispatchId }, order: { number: 'ASC' } });
  }

  /** The attachments of the current version (none superseded), oldest first. */
  async currentAttachments(db: Db, dispatchId: string): Promise<DispatchAttachment[]> {
    return db.getRepository(DispatchAttachment).find({ where: { dispatchId, supersededInVersion: IsNull() }, order: { createdAt: 'ASC' } });
  }
}
