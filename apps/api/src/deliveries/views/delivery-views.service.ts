import { Page } from '@app/common';
import { EDXML_CODE, Role } from '@app/database';
import { DeliveryDetailReader, DeliveryRepository, DeliveryViewReader } from '@app/rollout';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { escapeLike } from '../../access/access.service.js';
import type { Actor } from '../../auth/actor.js';
import { ActivityViews } from '../../activities/views/activity-views.service.js';
import { DispatchAccess } from '../../access/dispatch-access.service.js';
import { DeliveryAccess, isLeadershipBodyOf } from '../../access/delivery-access.service.js';
import { InboxQuery } from '../dto/delivery-actions.dto.js';
import type { DeliveryDetailDto, InboxItemDto, RolloutNodeDto, RolloutTreeDto } from '../dto/delivery-responses.dto.js';

const withCode = <T extends { status: keyof typeof EDXML_CODE }>(r: T) => ({ ...r, edxmlCode: EDXML_CODE[r.status] ?? null });

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
    private readonly reader: DeliveryViewReader,
  ) {}

  async inbox(actor: Actor, query: InboxQuery): Promise<Page<InboxItemDto>> {
    const q = query.q?.trim();
    const { rows, total } = await this.reader.inbox(this.db, {
      unitId: actor.unitId,
      // A leader's inbox also holds its leadership body's (the Ban Giám đốc's, see isLeadershipBodyOf).
      withLeadershipBody: actor.role === Role.Leader,
      status: query.status,
      overdue: query.overdue === undefined ? undefined : query.overdue === 'true',
      search: q ? `%${escapeLike(q)}%` : undefined,
      offset: query.offset,
      limit: query.limit,
    });
    return { items: rows.map(withCode), total, page: query.page, limit: query.limit };
  }

  /** One delivery with its dispatch, tasks, attachments, the units it forwarded to, and its activities. */
  async get(actor: Actor, deliveryId: string): Promise<DeliveryDetailDto> {
    const ctx = await this.deliveries.requireVisible(actor, deliveryId);
    // "01 đã đến": the first time someone of the recipient unit opens it on the web.
    if (ctx.unitId === actor.unitId || isLeadershipBodyOf(actor, ctx)) await this.repository.markArrived(this.db, deliveryId);
    const [delivery, children] = await Promise.all([this.reader.item(this.db, deliveryId), this.reader.children(this.db, deliveryId)]);
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
  async tree(actor: Actor, dispatchId: string, under?: string): Promise<RolloutTreeDto> {
    await this.dispatches.requireManageable(actor, dispatchId);
    const rows = await this.reader.tree(this.db, dispatchId, under ?? null, TREE_LIMIT + 1);
    const truncated = rows.length > TREE_LIMIT;
    const nodes = new Map<string, RolloutNodeDto>(rows.slice(0, TREE_LIMIT).map((r) => [r.id, { ...withCode(r), children: [] }]));
    const roots: RolloutNodeDto[] = [];
    for (const node of nodes.values()) {
      const parent = node.parentDeliveryId ? nodes.get(node.parentDeliveryId) : undefined;
      (parent ? parent.children : roots).push(node);
    }
    return { dispatchId, truncated, roots };
  }
}

export const TREE_LIMIT = 5000;
