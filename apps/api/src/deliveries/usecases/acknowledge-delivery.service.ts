import { conflict } from '@app/common';
import { AckMethod, DeliveryStatus, DispatchStatus } from '@app/database';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '../../audit/audit.service.js';
import type { Actor } from '../../auth/actor.js';
import type { ClientInfo } from '../../auth/client-info.decorator.js';
import { DeliveryAccess } from '../delivery-access.service.js';
import type { ProxyAcknowledgeDto } from '../dto/delivery-actions.dto.js';

const clientFields = (c: ClientInfo) => ({ ip: c.ip, userAgent: c.userAgent });

export interface AckRequest {
  deliveryId: string;
  method: AckMethod;
  userId: string | null;
  name: string;
  unitId: string;
  proxyReason?: string | null;
  ip: string | null;
  userAgent: string | null;
}

export interface Acknowledgement {
  deliveryId: string;
  status: DeliveryStatus;
  acknowledgedAt: Date;
  method: AckMethod;
  byName: string;
  byUserId: string | null;
  byUnitId: string;
  proxyReason: string | null;
  attachmentsSha256: string[];
  /** False when this call found the delivery already acknowledged and changed nothing. */
  created: boolean;
}

const ACK_COLUMNS = `id AS "deliveryId", status, acknowledged_at AS "acknowledgedAt", ack_method AS method, ack_by_name AS "byName",
  ack_by_user_id AS "byUserId", ack_by_unit_id AS "byUnitId", ack_proxy_reason AS "proxyReason",
  COALESCE(ack_attachments_sha256, '{}') AS "attachmentsSha256"`;

/**
 * Confirms receipt ("03 đã tiếp nhận"), idempotently: a conditional UPDATE lets exactly one of any
 * number of concurrent confirmations through; the others, and every later one, get the first
 * acknowledgement back unchanged. The audit event is written by the winner, in its transaction.
 */
@Injectable()
export class AcknowledgeDeliveryService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly deliveries: DeliveryAccess,
    private readonly audit: AuditService,
  ) {}

  /** A signed-in officer of the recipient unit. */
  async byUser(actor: Actor, deliveryId: string, name: string | undefined, client: ClientInfo): Promise<Acknowledgement> {
    await this.deliveries.requireOwn(actor, deliveryId);
    return this.acknowledge({
      deliveryId,
      method: AckMethod.Web,
      userId: actor.userId,
      name: name ?? actor.fullName,
      unitId: actor.unitId,
      ...clientFields(client),
    });
  }

  /** The issuer or a unit above records a receipt that came on paper or by phone. */
  async byProxy(actor: Actor, deliveryId: string, dto: ProxyAcknowledgeDto, client: ClientInfo): Promise<Acknowledgement> {
    await this.deliveries.requireProxy(actor, deliveryId);
    return this.acknowledge({
      deliveryId,
      method: AckMethod.Proxy,
      userId: actor.userId,
      name: dto.receivedBy,
      unitId: actor.unitId,
      proxyReason: `${dto.reason} (ghi nhận thay bởi ${actor.fullName}, ${actor.unitName})`,
      ...clientFields(client),
    });
  }

  /** Someone at the recipient unit, through the signed link of the e-mail, without an account. */
  async byLink(deliveryId: string, name: string, client: ClientInfo): Promise<Acknowledgement> {
    const ctx = await this.deliveries.load(deliveryId);
    return this.acknowledge({ deliveryId, method: AckMethod.EmailLink, userId: null, name, unitId: ctx.unitId, ...clientFields(client) });
  }

  async acknowledge(req: AckRequest): Promise<Acknowledgement> {
    return this.db.transaction(async (em) => {
      // TypeORM answers an UPDATE ... RETURNING with [rows, affectedCount].
      const [[won]] = await em.query(
        `UPDATE deliveries d
            SET acknowledged_at = now(),
                arrived_at = COALESCE(arrived_at, now()),
                status = CASE WHEN status IN ('pending', 'sent', 'arrived') THEN 'accepted' ELSE status END,
                ack_method = $2, ack_by_user_id = $3, ack_by_name = $4, ack_by_unit_id = $5, ack_proxy_reason = $6,
                ack_ip = $7, ack_user_agent = $8,
                ack_attachments_sha256 = ARRAY(SELECT a.sha256::text FROM dispatch_attachments a WHERE a.dispatch_id = d.dispatch_id ORDER BY a.created_at)
          WHERE id = $1 AND acknowledged_at IS NULL AND status <> 'refused'
            AND EXISTS (SELECT 1 FROM dispatches x WHERE x.id = d.dispatch_id AND x.status = '${DispatchStatus.Published}')
          RETURNING ${ACK_COLUMNS}, dispatch_id AS "dispatchId"`,
        [
          req.deliveryId,
          req.method,
          req.userId,
          req.name,
          req.unitId,
          req.proxyReason ?? null,
          req.ip,
          req.userAgent?.slice(0, 500) ?? null,
        ],
      );
      if (won) {
        const { dispatchId, ...ack } = won;
        await this.audit.record(
          em,
          { userId: req.userId, name: req.name, unitId: req.unitId, ip: req.ip },
          {
            action: 'delivery.acknowledged',
            entityType: 'delivery',
            entityId: req.deliveryId,
            dispatchId,
            before: { acknowledgedAt: null },
            after: {
              status: ack.status,
              method: ack.method,
              byName: ack.byName,
              proxyReason: ack.proxyReason,
              attachmentsSha256: ack.attachmentsSha256,
            },
          },
        );
        return { ...ack, created: true };
      }
      const ctx = await this.deliveries.load(req.deliveryId, em);
      if (ctx.dispatchStatus !== DispatchStatus.Published) throw conflict('Công văn này không còn hiệu lực (đã thu hồi hoặc đã kết thúc).');
      if (ctx.status === DeliveryStatus.Refused)
        throw conflict('Đơn vị đã từ chối tiếp nhận công văn này; đơn vị ban hành sẽ xử lý lại nơi nhận.');
      const [existing] = await em.query(`SELECT ${ACK_COLUMNS} FROM deliveries WHERE id = $1`, [req.deliveryId]);
      return { ...existing, created: false };
    });
  }
}
