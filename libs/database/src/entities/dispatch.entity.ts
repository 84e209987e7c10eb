import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  OneToMany,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { Unit } from './unit.entity.js';
import { ActivityChannel, Urgency, DispatchStatus, RecipientPurpose, RecipientGroup } from '@app/vocabulary';

/** Moved to @app/vocabulary (shared with the browser); re-exported so entity imports keep working. */
export { Urgency, DispatchStatus, RecipientPurpose, RecipientGroup };

/**
 * A dispatch's own reminder rule (dispatches.reminder_rule, jsonb; these keys are read by the
 * follow-up SQL, so renaming one breaks stored rules). Missing keys fall back to the urgency's policy.
 */
export interface ReminderRule {
  /** hours (hỏa tốc) or working_days. */
  cadenceUnit?: 'hours' | 'working_days';
  /** A reminder every this many units after the deadline. */
  every?: number;
  /** One reminder this many units ahead of the deadline (0: none). */
  before?: number;
  /** At most this many reminders after the deadline. */
  maxAfter?: number;
  /** Escalate to the unit above this many units after the deadline. */
  escalateAfter?: number;
}

/**
 * An official document (công văn) with the metadata of Decree 30/2020/NĐ-CP, kept exactly as
 * written: header lines, number/symbol, place and date, "V/v" subject, body, "Kính gửi",
 * "Nơi nhận", signer. The numbered requests are its tasks.
 */
@Entity('dispatches')
@Index('dispatches_number_uq', ['issuerUnitId', 'issuedYear', 'number', 'symbol'], { unique: true })
export class Dispatch {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'issuer_unit_id', type: 'uuid' })
  issuerUnitId!: string;

  @ManyToOne(() => Unit)
  @JoinColumn({ name: 'issuer_unit_id' })
  issuerUnit?: Unit;

  /** "BỘ CÔNG AN": the governing body printed above the issuer. */
  @Column({ name: 'header_authority', type: 'varchar', length: 255, nullable: true })
  headerAuthority!: string | null;

  /** "CÔNG AN TỈNH NAM ĐỊNH": the issuing body as printed. */
  @Column({ name: 'header_issuer', type: 'varchar', length: 255 })
  headerIssuer!: string;

  @Column({ type: 'int' })
  number!: number;

  /** "CAT-PA05" */
  @Column({ type: 'varchar', length: 60 })
  symbol!: string;

  @Column({ name: 'issued_date', type: 'date' })
  issuedDate!: string;

  /** Numbers restart each year per issuer; kept in a column so the unique index can use it. */
  @Column({ name: 'issued_year', type: 'int' })
  issuedYear!: number;

  @Column({ name: 'issued_place', type: 'varchar', length: 120 })
  issuedPlace!: string;

  /** "Công văn", "Kế hoạch", "Thông báo", ... */
  @Column({ name: 'document_type', type: 'varchar', length: 60 })
  documentType!: string;

  /** Trích yếu, e.g. "V/v thông báo thủ đoạn mới của tội phạm ...". */
  @Column({ type: 'text' })
  subject!: string;

  @Column({ type: 'text' })
  body!: string;

  @Column({ type: 'varchar', length: 16 })
  urgency!: Urgency;

  /** "Kính gửi" lines as written. */
  @Column({ name: 'addressee_lines', type: 'text', array: true, default: () => "'{}'" })
  addresseeLines!: string[];

  /** "Nơi nhận" lines as written, e.g. "- Đ/c Giám đốc Công an tỉnh; (Để báo cáo)". */
  @Column({ name: 'distribution_lines', type: 'text', array: true, default: () => "'{}'" })
  distributionLines!: string[];

  @Column({ name: 'signer_name', type: 'varchar', length: 120 })
  signerName!: string;

  /** Rank as printed before the name ("Đại tá"). */
  @Column({ name: 'signer_rank', type: 'varchar', length: 60, nullable: true })
  signerRank!: string | null;

  /** Position block ("KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC"), when printed. */
  @Column({ name: 'signer_title', type: 'varchar', length: 200, nullable: true })
  signerTitle!: string | null;

  @Column({ name: 'ack_due_at', type: 'timestamptz', nullable: true })
  ackDueAt!: Date | null;

  @Column({ name: 'forward_due_at', type: 'timestamptz', nullable: true })
  forwardDueAt!: Date | null;

  @Column({ name: 'report_due_at', type: 'timestamptz', nullable: true })
  reportDueAt!: Date | null;

  /** "Trong N ngày làm việc": resolved to the *_due_at instants on the working-day calendar when published. */
  @Column({ name: 'ack_due_working_days', type: 'int', nullable: true })
  ackDueWorkingDays!: number | null;

  @Column({ name: 'forward_due_working_days', type: 'int', nullable: true })
  forwardDueWorkingDays!: number | null;

  @Column({ name: 'report_due_working_days', type: 'int', nullable: true })
  reportDueWorkingDays!: number | null;

  @Column({ type: 'varchar', length: 16, default: DispatchStatus.Draft })
  status!: DispatchStatus;

  /** Thu hồi: when, by whom and why (see RecallDispatchService). */
  @Column({ name: 'recalled_at', type: 'timestamptz', nullable: true })
  recalledAt!: Date | null;

  @Column({ name: 'recalled_by', type: 'uuid', nullable: true })
  recalledBy!: string | null;

  @Column({ name: 'recall_reason', type: 'text', nullable: true })
  recallReason!: string | null;

  /** 1 when published; each new version (văn bản thay thế, đính chính) adds one. */
  @Column({ type: 'int', default: 1 })
  version!: number;

  /** The issuer's own reminder rule for this dispatch (cadenceUnit, every, before, maxAfter, escalateAfter); null: its urgency's policy. */
  @Column({ name: 'reminder_rule', type: 'jsonb', nullable: true })
  reminderRule!: ReminderRule | null;

  @Column({ name: 'published_at', type: 'timestamptz', nullable: true })
  publishedAt!: Date | null;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy!: string | null;

  @OneToMany(() => DispatchTask, (t) => t.dispatch)
  tasks?: DispatchTask[];

  @OneToMany(() => DispatchAttachment, (a) => a.dispatch)
  attachments?: DispatchAttachment[];

  @OneToMany(() => DispatchRecipient, (r) => r.dispatch)
  recipients?: DispatchRecipient[];

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}

/** A numbered request of the dispatch ("1. Quán triệt ..."), with the outreach channels it expects. */
@Entity('dispatch_tasks')
@Index('dispatch_tasks_number_uq', ['dispatchId', 'number'], { unique: true })
export class DispatchTask {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'dispatch_id', type: 'uuid' })
  dispatchId!: string;

  @ManyToOne(() => Dispatch, (d) => d.tasks, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'dispatch_id' })
  dispatch?: Dispatch;

  @Column({ type: 'int' })
  number!: number;

  @Column({ type: 'text' })
  text!: string;

  /** The channels this task asks for. */
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  channels!: ActivityChannel[];
}

@Entity('dispatch_attachments')
export class DispatchAttachment {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'dispatch_id', type: 'uuid' })
  dispatchId!: string;

  @ManyToOne(() => Dispatch, (d) => d.attachments, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'dispatch_id' })
  dispatch?: Dispatch;

  @Column({ name: 'file_name', type: 'varchar', length: 255 })
  fileName!: string;

  /** Detected from the content, never taken from the client. */
  @Column({ name: 'content_type', type: 'varchar', length: 120 })
  contentType!: string;

  @Column({ name: 'size_bytes', type: 'bigint', transformer: { to: (v: number) => v, from: (v: string) => Number(v) } })
  sizeBytes!: number;

  @Column({ type: 'char', length: 64 })
  sha256!: string;

  /** The dispatch version that added the file. */
  @Column({ name: 'added_in_version', type: 'int', default: 1 })
  addedInVersion!: number;

  /** The version that replaced it; null while it is current. */
  @Column({ name: 'superseded_in_version', type: 'int', nullable: true })
  supersededInVersion!: number | null;

  /** Key in the file store (content-addressed). */
  @Column({ name: 'storage_key', type: 'varchar', length: 255 })
  storageKey!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}

/** Purposes that carry deadlines and are expected to act. */
export const ACTING_PURPOSES = [RecipientPurpose.Action, RecipientPurpose.Coordinate];

/** How the issuer chose recipients: one unit or a group, each with a purpose. Resolved at publish. */
@Entity('dispatch_recipients')
export class DispatchRecipient {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'dispatch_id', type: 'uuid' })
  dispatchId!: string;

  @ManyToOne(() => Dispatch, (d) => d.recipients, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'dispatch_id' })
  dispatch?: Dispatch;

  @Column({ type: 'varchar', length: 16 })
  purpose!: RecipientPurpose;

  @Column({ name: 'unit_id', type: 'uuid', nullable: true })
  unitId!: string | null;

  @Column({ name: 'group_kind', type: 'varchar', length: 40, nullable: true })
  groupKind!: RecipientGroup | null;

  /** For groups: the unit whose subtree the group is taken from. */
  @Column({ name: 'scope_unit_id', type: 'uuid', nullable: true })
  scopeUnitId!: string | null;
}
