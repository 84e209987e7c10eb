import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { ExportFormat, ExportStatus } from '@app/vocabulary';

/** Moved to @app/vocabulary (shared with the browser); re-exported so entity imports keep working. */
export { ExportFormat, ExportStatus };

/**
 * One requested file export of a dispatch's compliance report. The api writes the row and queues
 * a job; the worker produces the file, reporting progress here, and records where it stored it.
 */
@Entity('report_exports')
export class ReportExport {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'dispatch_id', type: 'uuid' })
  dispatchId!: string;

  @Column({ name: 'requested_by', type: 'uuid' })
  requestedBy!: string;

  /** Unit-path prefix the export is restricted to (an officer's own branch); null: the whole dispatch. */
  @Column({ name: 'scope_path', type: 'text', nullable: true })
  scopePath!: string | null;

  @Column({ type: 'varchar', length: 8 })
  format!: ExportFormat;

  @Column({ type: 'varchar', length: 16, default: ExportStatus.Queued })
  status!: ExportStatus;

  /** 0 to 100. */
  @Column({ type: 'smallint', default: 0 })
  progress!: number;

  @Column({ name: 'rows_done', type: 'int', default: 0 })
  rowsDone!: number;

  @Column({ name: 'rows_total', type: 'int', nullable: true })
  rowsTotal!: number | null;

  /** Key in the file store once done. */
  @Column({ name: 'storage_key', type: 'varchar', length: 255, nullable: true })
  storageKey!: string | null;

  /** The name offered on download ("bao-cao-5207-CAT-PA05.xlsx"). */
  @Column({ name: 'file_name', type: 'varchar', length: 255, nullable: true })
  fileName!: string | null;

  @Column({
    name: 'size_bytes',
    type: 'bigint',
    nullable: true,
    transformer: { to: (v: number | null) => v, from: (v: string | null) => (v === null ? null : Number(v)) },
  })
  sizeBytes!: number | null;

  /** Why the last attempt failed (kept while the queue retries, final once status is failed). */
  @Column({ type: 'text', nullable: true })
  error!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'finished_at', type: 'timestamptz', nullable: true })
  finishedAt!: Date | null;
}
