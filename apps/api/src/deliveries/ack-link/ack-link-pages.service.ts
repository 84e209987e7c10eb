import { Injectable } from '@nestjs/common';
import type { ClientInfo } from '../../auth/client-info.decorator.js';
import type { DispatchAttachmentsService } from '../../dispatches/usecases/dispatch-attachments.service.js';
import type { RefuseDto } from '../dto/delivery-actions.dto.js';
import { AcknowledgeDeliveryService } from '../usecases/acknowledge-delivery.service.js';
import { RefuseDeliveryService } from '../usecases/refuse-delivery.service.js';
import { AckLinkService } from './ack-link.service.js';
import { renderAckPage } from './ack-page.js';

/** The link flows, answered as a page for browsers or JSON for API clients. */
@Injectable()
export class AckLinkPages {
  constructor(
    private readonly links: AckLinkService,
    private readonly acks: AcknowledgeDeliveryService,
    private readonly refusals: RefuseDeliveryService,
  ) {}

  async open(token: string, html: boolean) {
    const view = await this.links.open(token);
    return html ? renderAckPage(view, token) : view;
  }

  async acknowledge(token: string, name: string, client: ClientInfo, html: boolean) {
    const { deliveryId } = await this.links.verify(token);
    const ack = await this.acks.byLink(deliveryId, name, client);
    return html
      ? renderAckPage(await this.links.open(token), token, `Đã ghi nhận: ${ack.byName} xác nhận lúc ${fmt(ack.acknowledgedAt)}.`)
      : ack;
  }

  async refuse(token: string, dto: RefuseDto, client: ClientInfo, html: boolean) {
    const { deliveryId } = await this.links.verify(token);
    const refusal = await this.refusals.byLink(deliveryId, dto, client);
    return html
      ? renderAckPage(await this.links.open(token), token, 'Đã ghi nhận việc từ chối tiếp nhận; đơn vị ban hành sẽ xử lý lại nơi nhận.')
      : refusal;
  }

  async attachment(token: string, attachmentId: string, attachments: DispatchAttachmentsService) {
    const { dispatchId } = await this.links.verify(token);
    return attachments.openUnchecked(dispatchId, attachmentId);
  }
}

const fmt = (d: Date | string) => new Date(d).toLocaleString('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh' });
