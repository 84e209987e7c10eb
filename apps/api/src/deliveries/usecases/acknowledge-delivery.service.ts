import { currentRequestId, fail, forbidden, outOfScope } from '@app/common';
import { AckMethod, DeliveryStatus, Role } from '@app/database';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { type Actor, hasGlobalScope } from '../../auth/actor.js';
import type { ClientInfo } from '../../auth/client-info.decorator.js';
import type { ProxyAcknowledgeDto } from '../dto/delivery-actions.dto.js';
import {
  AcknowledgementBatcher,
  type AckScope,
  type AckWrite,
  DeliveryAction,
  DELIVERY_TRANSITIONS,
  DeliveryRepository,
  requireTransition,
  type VersionedAcknowledgement,
} from '@app/rollout';
import { AuditService } from '../../audit/audit.service.js';

const clientFields = (c: ClientInfo) => ({ ip: c.ip, userAgent: c.userAgent, requestId: currentRequestId() ?? null });

export interface Acknowledgement extends VersionedAcknowledgement {
  /** False when this call found the delivery already acknowledged and changed nothing. */
  created: boolean;
}

/**
 * Confirms receipt ("03 đã tiếp nhận"), idempotently: a conditional UPDATE lets exactly one of any
 * number of concurrent confirmations through; the others, and every later one, get the first
 * acknowledgement back unchanged. The scope check, the acknowledgement and the winner's audit
 * event are one statement (ACKNOWLEDGE_SQL), so one round trip to PostgreSQL, shared with the
 * acknowledgements that arrive at the same moment (AcknowledgementBatcher): this is the hot path of
 * a rollout (tens of thousands of units confirming within hours).
 */
@Injectable()
export class AcknowledgeDeliveryService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly repository: DeliveryRepository,
    private readonly batcher: AcknowledgementBatcher,
  ) {}

  /** A signed-in officer of the recipient unit. */
  byUser(actor: Actor, deliveryId: string, name: string | undefined, client: ClientInfo): Promise<Acknowledgement> {
    const write = { deliveryId, method: AckMethod.Web, userId: actor.userId, name: name ?? actor.fullName, unitId: actor.unitId };
    return this.acknowledge({ ...write, proxyReason: null, ...clientFields(client) }, this.scope('own', actor));
  }

  /** The issuer or a unit above records a receipt that came on paper or by phone. */
  byProxy(actor: Actor, deliveryId: string, dto: ProxyAcknowledgeDto, client: ClientInfo): Promise<Acknowledgement> {
    return this.acknowledge(
      {
        deliveryId,
        method: AckMethod.Proxy,
        userId: actor.userId,
        name: dto.receivedBy,
        unitId: actor.unitId,
        proxyReason: `${dto.reason} (ghi nhận thay bởi ${actor.fullName}, ${actor.unitName})`,
        ...clientFields(client),
      },
      this.scope('proxy', actor),
    );
  }

  /** Someone at the recipient unit, through the signed link of the e-mail (already verified), without an account. */
  byLink(deliveryId: string, name: string, client: ClientInfo): Promise<Acknowledgement> {
    const write = { deliveryId, method: AckMethod.EmailLink, userId: null, name, unitId: null, proxyReason: null };
    return this.acknowledge({ ...write, ...clientFields(client) }, { kind: 'link' });
  }

  /** The actor as the statement checks it: DeliveryAccess's rules, with AccessService's province roots. */
  private scope(kind: 'own' | 'proxy', actor: Actor): AckScope {
    return {
      kind,
      unitId: actor.unitId,
      unitPath: actor.unitPath,
      issuerSide: [Role.Issuer, Role.Leader, Role.Admin].includes(actor.role),
      global: hasGlobalScope(actor),
      leader: actor.role === Role.Leader,
      provinceRoots: actor.provinceRoots ?? [],
    };
  }

  private async acknowledge(write: AckWrite, scope: AckScope): Promise<Acknowledgement> {
    const row = await this.batcher.acknowledge(write, scope);
    if (!row) throw fail('DELIVERY_NOT_FOUND', { id: write.deliveryId });
    const { allowed, unitName, ctxStatus, dispatchStatus, wasAcknowledged, created, ...ack } = row;
    if (!allowed && scope.kind === 'own') throw forbidden(`Chỉ cán bộ của ${unitName} mới được thao tác trên công văn gửi đơn vị đó.`);
    if (!allowed) throw outOfScope('Chỉ đơn vị ban hành hoặc đơn vị cấp trên của đơn vị nhận mới được ghi nhận thay.');
    if (created) {
      this.audit.written(DELIVERY_TRANSITIONS[DeliveryAction.Acknowledge].auditAction);
      return { ...ack, created: true };
    }
    // A recalled delivery can only be read: even a repeat of its earlier acknowledgement is refused.
    if (ctxStatus === DeliveryStatus.Recalled) throw fail('DELIVERY_RECALLED');
    if (wasAcknowledged) return { ...ack, created: false };
    // Not acknowledged and not won: the table says why (refused, dispatch closed or recalled) ...
    requireTransition(DeliveryAction.Acknowledge, { status: ctxStatus, dispatchStatus, unitName });
    // ... or this call lost a race: a concurrent confirmation committed after this statement's snapshot was taken.
    const existing = await this.repository.versionedAcknowledgementOf(this.db, write.deliveryId);
    return { ...existing, created: false };
  }
}
