import { fail } from '@app/common';
import {
  type DeliveryDetail,
  DeliveryDetailReader,
  DeliveryRepository,
  type DeliveryRow,
  type DispatchDocument,
  type DispatchTaskRow,
  type PublicAttachment,
} from '@app/rollout';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AckLinkVerifier } from '../../access/ack-link-verifier.js';

/** What the link page shows: the delivery detail read model (attachments without their storage key). */
export interface AckLinkView {
  delivery: Pick<DeliveryRow, 'id' | 'status' | 'purpose' | 'arrivedAt' | 'ackDueAt' | 'forwardDueAt' | 'reportDueAt' | 'instruction'>;
  unit: DeliveryDetail['unit'];
  dispatch: DispatchDocument;
  tasks: DispatchTaskRow[];
  attachments: PublicAttachment[];
}

/**
 * Opening a delivery by its signed link, without logging in. The first opening records
 * "01 đã đến" (arrived); later openings change nothing.
 */
@Injectable()
export class AckLinkService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly links: AckLinkVerifier,
    private readonly repository: DeliveryRepository,
    private readonly details: DeliveryDetailReader,
  ) {}

  verify(token: string): Promise<{ deliveryId: string; dispatchId: string }> {
    return this.links.verify(token);
  }

  async open(token: string): Promise<AckLinkView> {
    const { deliveryId } = await this.verify(token);
    await this.repository.markArrived(this.db, deliveryId);
    const detail = await this.details.load(this.db, deliveryId);
    if (!detail) throw fail('DELIVERY_NOT_FOUND', { id: deliveryId });
    const { id, status, purpose, arrivedAt, ackDueAt, forwardDueAt, reportDueAt, instruction } = detail.delivery;
    const delivery = { id, status, purpose, arrivedAt, ackDueAt, forwardDueAt, reportDueAt, instruction };
    return { delivery, unit: detail.unit, dispatch: detail.dispatch, tasks: detail.tasks, attachments: detail.attachments };
  }
}
