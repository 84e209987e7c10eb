import { EDXML_CODE, type DeliveryStatus } from '@app/database';
import { DeliveryRepository } from '@app/rollout';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ActivityViews } from '../../activities/views/activity-views.service.js';
import type { ClientInfo } from '../../auth/client-info.decorator.js';
import { DeliveryAccess } from '../../access/delivery-access.service.js';
import type { ForwardDto } from '../dto/delivery-actions.dto.js';
import type { AckLinkWorkspaceDto } from '../dto/delivery-responses.dto.js';
import { ForwardDeliveryService } from '../usecases/forward-delivery.service.js';
import { AckLinkService } from './ack-link.service.js';
import { linkActor } from '../../access/link-actor.js';
import { LinkSignupPolicy } from '../../access/link-signup-policy.js';

/**
 * The whole page a commune works on from its e-mail link: the dispatch, its own delivery, the activities it
 * reported, the units it passed the dispatch to and whether it may create its account here; and forwarding,
 * as its own officer would.
 */
@Injectable()
export class AckLinkWorkspace {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly links: AckLinkService,
    private readonly deliveries: DeliveryAccess,
    private readonly forwarder: ForwardDeliveryService,
    private readonly activities: ActivityViews,
    private readonly signup: LinkSignupPolicy,
    private readonly repository: DeliveryRepository,
  ) {}

  async view(token: string): Promise<AckLinkWorkspaceDto> {
    const view = await this.links.open(token);
    const id = view.delivery.id;
    const [own, children, activities, accountSignup] = await Promise.all([
      this.repository.linkPageState(this.db, id),
      this.repository.children(this.db, id),
      this.activities.forDeliveries([id]),
      this.signup.state(view.unit.id),
    ]);
    const { canForward, ...ack } = own;
    return {
      ...view,
      delivery: { ...view.delivery, ...ack, edxmlCode: EDXML_CODE[view.delivery.status as DeliveryStatus] ?? null },
      children: children.map((c) => ({ ...c, edxmlCode: EDXML_CODE[c.status] ?? null })),
      activities,
      canForward,
      accountSignup,
    };
  }

  async forward(token: string, dto: ForwardDto, client: ClientInfo) {
    const { deliveryId } = await this.links.verify(token);
    const actor = linkActor(await this.deliveries.load(deliveryId), client);
    return this.forwarder.forward(actor, deliveryId, dto, client.ip);
  }
}
