import { Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, OneToMany, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { ActivityChannel } from './activity-channel.js';
import { ActivityFlag } from '@app/vocabulary';

/** Moved to @app/vocabulary (shared with the browser); re-exported so entity imports keep working. */
export { ActivityFlag };

/** Outreach a unit carried out for a delivery (hoạt động tuyên truyền), with evidence. */
@Entity('activities')
export class Activity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'delivery_id', type: 'uuid' })
  deliveryId!: string;

  @Column({ name: 'unit_id', type: 'uuid' })
  unitId!: string;

  @Column({ name: 'dispatch_id', type: 'uuid' })
  dispatchId!: string;

  /** Which numbered request of the dispatch it answers. */
  @Column({ name: 'task_number', type: 'int', nullable: true })
  taskNumber!: number | null;

  @Column({ type: 'varchar', length: 32 })
  channel!: ActivityChannel;

  @Column({ name: 'occurred_on', type: 'date' })
  occurredOn!: string;

  /** Village / residential group / public place. */
  @Column({ type: 'varchar', length: 255, nullable: true })
  place!: string | null;

  /** People reached. */
  @Column({ type: 'int', nullable: true })
  reach!: number | null;

  /** Posts, broadcasts, boards, leaflets... */
  @Column({ type: 'int', nullable: true })
  quantity!: number | null;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  links!: string[];

  @Column({ type: 'text', nullable: true })
  description!: string | null;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  flags!: ActivityFlag[];

  @Column({ type: 'int', default: 1 })
  version!: number;

  @Column({ name: 'withdrawn_at', type: 'timestamptz', nullable: true })
  withdrawnAt!: Date | null;

  @Column({ name: 'withdrawn_by', type: 'uuid', nullable: true })
  withdrawnBy!: string | null;

  @Column({ name: 'withdrawal_reason', type: 'text', nullable: true })
  withdrawalReason!: string | null;

  @Column({ name: 'reported_by', type: 'uuid', nullable: true })
  reportedBy!: string | null;

  @OneToMany(() => ActivityEvidence, (e) => e.activity)
  evidence?: ActivityEvidence[];

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}

/** The state of an activity before each correction: corrections never overwrite silently. */
@Entity('activity_revisions')
export class ActivityRevision {
  @PrimaryGeneratedColumn('identity', { type: 'bigint' })
  id!: string;

  @Column({ name: 'activity_id', type: 'uuid' })
  activityId!: string;

  @Column({ type: 'int' })
  version!: number;

  @Column({ type: 'jsonb' })
  snapshot!: Record<string, unknown>;

  @Column({ name: 'changed_by', type: 'uuid', nullable: true })
  changedBy!: string | null;

  @CreateDateColumn({ name: 'changed_at', type: 'timestamptz' })
  changedAt!: Date;
}

@Entity('activity_evidence')
export class ActivityEvidence {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'activity_id', type: 'uuid' })
  activityId!: string;

  @ManyToOne(() => Activity, (a) => a.evidence)
  @JoinColumn({ name: 'activity_id' })
  activity?: Activity;

  @Column({ name: 'unit_id', type: 'uuid' })
  unitId!: string;

  @Column({ name: 'file_name', type: 'varchar', length: 255 })
  fileName!: string;

  @Column({ name: 'content_type', type: 'varchar', length: 120 })
  contentType!: string;

  @Column({ name: 'size_bytes', type: 'bigint', transformer: { to: (v: number) => v, from: (v: string) => Number(v) } })
  sizeBytes!: number;

  @Column({ type: 'char', length: 64 })
  sha256!: string;

  @Column({ name: 'storage_key', type: 'varchar', length: 255 })
  storageKey!: string;

  /** Another unit that had already submitted the identical file, if any. */
  @Column({ name: 'duplicate_of_unit_id', type: 'uuid', nullable: true })
  duplicateOfUnitId!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
