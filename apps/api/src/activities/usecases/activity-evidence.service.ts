import {
  DispatchAttachmentUpload,
  DomainException,
  ErrorCode,
  EVIDENCE_KINDS,
  FileStore,
  detectContentType,
  invalid,
  notFound,
  uploadFileName,
} from '@app/common';
import { AppConfig } from '@app/config';
import { ActivityFlag } from '@app/database';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import { DataSource } from 'typeorm';
import { AuditService, auditActor } from '../../audit/audit.service.js';
import type { Actor } from '../../auth/actor.js';
import { ActivityAccess, assertNotWithdrawn, assertOpenForReports } from '../activity-access.js';
import { ActivityViews, EvidenceView } from '../views/activity-views.service.js';

export interface EvidenceFile {
  fileName: string;
  contentType: string;
  sizeBytes: number;
  stream: Readable;
}

/**
 * Evidence files of an activity: type read from the content, size limited, kept by SHA-256 in the
 * content-addressed store. A file byte-identical to one another unit already submitted is marked
 * with that unit and flags the activity `duplicate_evidence`, in the same transaction as the row.
 */
@Injectable()
export class ActivityEvidenceService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly activities: ActivityAccess,
    private readonly views: ActivityViews,
    private readonly files: FileStore,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
  ) {}

  async add(actor: Actor, activityId: string, file: DispatchAttachmentUpload | undefined, ip: string | null): Promise<EvidenceView> {
    // Access first, so a file from someone who may not add it is never even stored.
    const first = await this.activities.requireOwn(actor, activityId);
    assertNotWithdrawn(first.activity);
    assertOpenForReports(first.delivery);
    if (!file) throw invalid('Chưa có tệp minh chứng: gửi tệp trong trường "file" (multipart/form-data).');
    if (file.size > this.config.maxUploadBytes) {
      throw new DomainException(
        ErrorCode.PayloadTooLarge,
        `Tệp "${file.originalname}" quá lớn: tối đa ${this.config.MAX_UPLOAD_MB} MB mỗi tệp.`,
      );
    }
    const fileName = uploadFileName(file.originalname);
    const contentType = await detectContentType(fileName, file.buffer, EVIDENCE_KINDS);
    const sha256 = createHash('sha256').update(file.buffer).digest('hex');
    // Stored before the transaction: content-addressed, so a rollback leaves at most an unreferenced blob, never a row without its file.
    const storageKey = await this.files.put(sha256, file.buffer);

    const evidenceId = await this.db.transaction(async (em) => {
      const { activity, delivery } = await this.activities.requireOwn(actor, activityId, em, true);
      assertNotWithdrawn(activity);
      assertOpenForReports(delivery);
      // Two units uploading the same file at the same moment: one waits, then sees the other's row.
      await em.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [`evidence:${sha256}`]);
      // The same bytes sent again to the same activity (double submit, retry): the first upload stands.
      const [same]: { id: string }[] = await em.query(`SELECT id FROM activity_evidence WHERE activity_id = $1 AND sha256 = $2`, [
        activity.id,
        sha256,
      ]);
      if (same) return same.id;
      const [earlier]: { unitId: string }[] = await em.query(
        `SELECT unit_id AS "unitId" FROM activity_evidence WHERE sha256 = $1 AND unit_id <> $2 ORDER BY created_at, id LIMIT 1`,
        [sha256, activity.unitId],
      );
      const duplicateOfUnitId = earlier?.unitId ?? null;
      const [row]: { id: string }[] = await em.query(
        `INSERT INTO activity_evidence (activity_id, unit_id, file_name, content_type, size_bytes, sha256, storage_key, duplicate_of_unit_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
        [activity.id, activity.unitId, fileName, contentType, file.size, sha256, storageKey, duplicateOfUnitId],
      );
      const who = auditActor(actor, ip);
      await this.audit.record(em, who, {
        action: 'activity.evidence_added',
        entityType: 'activity',
        entityId: activity.id,
        dispatchId: activity.dispatchId,
        after: { evidenceId: row.id, fileName, contentType, sizeBytes: file.size, sha256, duplicateOfUnitId },
      });
      if (duplicateOfUnitId && !activity.flags.includes(ActivityFlag.DuplicateEvidence)) {
        const flags = Object.values(ActivityFlag).filter((f) => f === ActivityFlag.DuplicateEvidence || activity.flags.includes(f));
        await em.query(`UPDATE activities SET flags = $2, updated_at = now() WHERE id = $1`, [activity.id, flags]);
        await this.audit.record(em, who, {
          action: 'activity.flagged',
          entityType: 'activity',
          entityId: activity.id,
          dispatchId: activity.dispatchId,
          before: { flags: activity.flags },
          after: { flags, evidenceId: row.id, sha256, duplicateOfUnitId },
        });
      }
      return row.id;
    });
    const view = await this.views.one(activityId);
    return view.evidence.find((e) => e.id === evidenceId)!;
  }

  async open(actor: Actor, activityId: string, evidenceId: string): Promise<EvidenceFile> {
    await this.activities.requireVisible(actor, activityId);
    const [row]: { fileName: string; contentType: string; sizeBytes: number; storageKey: string }[] = await this.db.query(
      `SELECT file_name AS "fileName", content_type AS "contentType", size_bytes::float8 AS "sizeBytes", storage_key AS "storageKey"
         FROM activity_evidence WHERE id = $1 AND activity_id = $2`,
      [evidenceId, activityId],
    );
    if (!row) throw notFound('Không tìm thấy tệp minh chứng này.');
    return { fileName: row.fileName, contentType: row.contentType, sizeBytes: row.sizeBytes, stream: this.files.open(row.storageKey) };
  }
}
