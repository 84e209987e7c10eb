import { type DispatchAttachmentUpload, outOfScope } from '@app/common';
import { ActivityRepository } from '@app/rollout';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { ClientInfo } from '../../auth/client-info.decorator.js';
import { AckLinkVerifier } from '../../access/ack-link-verifier.js';
import { linkActor } from '../../access/link-actor.js';
import { DeliveryAccess } from '../../access/delivery-access.service.js';
import type { ReportActivityDto } from '../dto/activity.dto.js';
import { ActivityEvidenceService } from '../usecases/activity-evidence.service.js';
import { ReportActivityService } from '../usecases/report-activity.service.js';
import type { ActivityView, EvidenceView } from '../views/activity-views.service.js';

/**
 * Reporting through the signed e-mail link: the same use cases as a signed-in officer, acting for the link's
 * delivery only. An activity or its evidence is reachable through a link only if it belongs to that delivery.
 */
@Injectable()
export class LinkActivitiesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly links: AckLinkVerifier,
    private readonly deliveries: DeliveryAccess,
    private readonly reporter: ReportActivityService,
    private readonly evidence: ActivityEvidenceService,
    private readonly activities: ActivityRepository,
  ) {}

  async report(token: string, dto: ReportActivityDto, client: ClientInfo): Promise<ActivityView> {
    const { actor, deliveryId } = await this.actorFor(token, client);
    return this.reporter.report(actor, deliveryId, dto, client.ip);
  }

  async addEvidence(
    token: string,
    activityId: string,
    file: DispatchAttachmentUpload | undefined,
    client: ClientInfo,
  ): Promise<EvidenceView> {
    const { actor, deliveryId } = await this.actorFor(token, client);
    await this.requireOfDelivery(activityId, deliveryId);
    return this.evidence.add(actor, activityId, file, client.ip);
  }

  async openEvidence(token: string, activityId: string, evidenceId: string, client: ClientInfo) {
    const { actor, deliveryId } = await this.actorFor(token, client);
    await this.requireOfDelivery(activityId, deliveryId);
    return this.evidence.open(actor, activityId, evidenceId);
  }

  private async actorFor(token: string, client: ClientInfo) {
    const { deliveryId } = await this.links.verify(token);
    return { deliveryId, actor: linkActor(await this.deliveries.load(deliveryId), client) };
  }

  private async requireOfDelivery(activityId: string, deliveryId: string): Promise<void> {
    if ((await this.activities.deliveryOf(this.db, activityId)) !== deliveryId)
      throw outOfScope('Liên kết này chỉ dùng cho hoạt động của chính lượt nhận công văn này.');
  }
}
