import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Dispatch, RecipientPurpose } from './dispatch.entity.js';
import { Unit } from './unit.entity.js';
import { DeliveryStatus, AckMethod, MessageStatus, MessageKind, EDXML_CODE } from '@app/vocabulary';

/** Moved to @app/vocabulary (shared with the browser); re-exported so entity imports keep working. */
export { DeliveryStatus, AckMethod, MessageStatus, MessageKind, EDXML_CODE };

/** One dispatch to one unit. `parentDeliveryId` links a forwarded copy to the one it came from. */
@Entity('deliveries')
@Index('deliveries_dispatch_unit_uq', ['dispatchId', 'unitId'], { unique: true })
export class Delivery {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'dispatch_id', type: 'uuid' })
  dispatchId!: string;

  @ManyToOne(() => Dispatch)
  @JoinColumn({ name: 'dispatch_id' })
  dispatch?: Dispatch;

  @Column({ name: 'unit_id', type: 'uuid' })
  unitId!: string;

  @ManyToOne(() => Unit)
  @JoinColumn({ name: 'unit_id' })
  unit?: Unit;

  @Column({ type: 'varchar', length: 16 })
  purpose!: RecipientPurpose;

  @Column({ name: 'parent_delivery_id', type: 'uuid', nullable: true })
  parentDeliveryId!: string | null;

  @Column({ type: 'varchar', length: 16, default: DeliveryStatus.Pending })
  status!: DeliveryStatus;

  @Column({ name: 'ack_due_at', type: 'timestamptz', nullable: true })
  ackDueAt!: Date | null;

  @Column({ name: 'forward_due_at', type: 'timestamptz', nullable: true })
  forwardDueAt!: Date | null;

  @Column({ name: 'report_due_at', type: 'timestamptz', nullable: true })
  reportDueAt!: Date | null;

  /** The recipient's report level when the dispatch reached it (set by a trigger on insert). */
  @Column({ name: 'recipient_level', type: 'varchar', length: 16, insert: false, update: false })
  recipientLevel!: 'province' | 'district' | 'commune' | 'commune_police';

  /** Whether the recipient then had units below it to pass the dispatch to (set by the same trigger). */
  @Column({ name: 'expects_forward', type: 'boolean', insert: false, update: false })
  expectsForward!: boolean;

  /** Instruction added by the unit that forwarded it. */
  @Column({ type: 'text', nullable: true })
  instruction!: string | null;

  /** Random per delivery; with the server's key it derives the acknowledgement link. */
  @Column({ name: 'link_nonce', type: 'varchar', length: 32, select: false })
  linkNonce!: string;

  /** SHA-256 of the acknowledgement link token: the token itself is never stored. */
  @Column({ name: 'link_token_hash', type: 'char', length: 64, select: false })
  linkTokenHash!: string;

  @Column({ name: 'link_expires_at', type: 'timestamptz' })
  linkExpiresAt!: Date;

  @Column({ name: 'sent_at', type: 'timestamptz', nullable: true })
  sentAt!: Date | null;

  /** "01 đã đến": first time the unit opened the dispatch (link or web). */
  @Column({ name: 'arrived_at', type: 'timestamptz', nullable: true })
  arrivedAt!: Date | null;

  @Column({ name: 'acknowledged_at', type: 'timestamptz', nullable: true })
  acknowledgedAt!: Date | null;

  @Column({ name: 'ack_method', type: 'varchar', length: 16, nullable: true })
  ackMethod!: AckMethod | null;

  @Column({ name: 'ack_by_user_id', type: 'uuid', nullable: true })
  ackByUserId!: string | null;

  @Column({ name: 'ack_by_name', type: 'varchar', length: 200, nullable: true })
  ackByName!: string | null;

  /** The unit of the person who confirmed (for a proxy entry: the proxy's unit). */
  @Column({ name: 'ack_by_unit_id', type: 'uuid', nullable: true })
  ackByUnitId!: string | null;

  @Column({ name: 'ack_proxy_reason', type: 'text', nullable: true })
  ackProxyReason!: string | null;

  @Column({ name: 'ack_ip', type: 'varchar', length: 64, nullable: true })
  ackIp!: string | null;

  @Column({ name: 'ack_user_agent', type: 'varchar', length: 500, nullable: true })
  ackUserAgent!: string | null;

  /** SHA-256 of each attachment as it was when the unit confirmed. */
  @Column({ name: 'ack_attachments_sha256', type: 'text', array: true, nullable: true })
  ackAttachmentsSha256!: string[] | null;

  @Column({ name: 'refused_at', type: 'timestamptz', nullable: true })
  refusedAt!: Date | null;

  @Column({ name: 'refusal_reason', type: 'text', nullable: true })
  refusalReason!: string | null;

  @Column({ name: 'refused_by_name', type: 'varchar', length: 200, nullable: true })
  refusedByName!: string | null;

  @Column({ name: 'refusal_resolved_at', type: 'timestamptz', nullable: true })
  refusalResolvedAt!: Date | null;

  @Column({ name: 'readdressed_to_id', type: 'uuid', nullable: true })
  readdressedToId!: string | null;

  /** First time the unit passed the dispatch down. */
  @Column({ name: 'forwarded_at', type: 'timestamptz', nullable: true })
  forwardedAt!: Date | null;

  @Column({ name: 'completed_at', type: 'timestamptz', nullable: true })
  completedAt!: Date | null;

  @Column({ name: 'recalled_at', type: 'timestamptz', nullable: true })
  recalledAt!: Date | null;

  /** The dispatch version the unit last acknowledged; below dispatches.version: must acknowledge again. */
  @Column({ name: 'ack_version', type: 'int', nullable: true })
  ackVersion!: number | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}

/**
 * One e-mail to one address for one delivery: the outbox row. Written in the same transaction
 * as the delivery; the worker sends it and records the outcome here.
 */
@Entity('messages')
export class Message {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** Null only for an escalation to the issuer, which has no delivery of its own dispatch. */
  @Column({ name: 'delivery_id', type: 'uuid', nullable: true })
  deliveryId!: string | null;

  @ManyToOne(() => Delivery)
  @JoinColumn({ name: 'delivery_id' })
  delivery?: Delivery;

  /** The reminder (one per delivery, step and slot) this e-mail carries. */
  @Column({ name: 'reminder_id', type: 'uuid', nullable: true })
  reminderId!: string | null;

  /** The escalation (list of late units sent to the unit above them) this e-mail carries. */
  @Column({ name: 'escalation_id', type: 'uuid', nullable: true })
  escalationId!: string | null;

  @Column({ type: 'varchar', length: 16, default: MessageKind.Notice })
  kind!: MessageKind;

  @Column({ name: 'to_address', type: 'varchar', length: 254 })
  toAddress!: string;

  @Column({ type: 'varchar', length: 16, default: MessageStatus.Pending })
  status!: MessageStatus;

  @Column({ type: 'int', default: 0 })
  attempts!: number;

  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError!: string | null;

  @Column({ name: 'provider_message_id', type: 'varchar', length: 255, nullable: true })
  providerMessageId!: string | null;

  /** Last time the row was handed to the queue; the relay re-enqueues rows left pending. */
  @Column({ name: 'enqueued_at', type: 'timestamptz', nullable: true })
  enqueuedAt!: Date | null;

  @Column({ name: 'sent_at', type: 'timestamptz', nullable: true })
  sentAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
