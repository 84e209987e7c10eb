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
import { ActivityRepository } from '@app/rollout';
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
    private readonly repository: ActivityRepository,
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

    const added = await this.db.transaction(async (em) => {
      const { activity, delivery } = await this.activities.requireOwn(actor, activityId, em, true);
      assertNotWithdrawn(activity);
      assertOpenForReports(delivery);
      // Two units uploading the same file at the same moment: one waits, then sees the other's row.
      await this.repository.lockEvidenceHash(em, sha256);
      // The same bytes sent again to the same activity (double submit, retry): the first upload stands.
      const same = await this.repository.evidenceWithHash(em, activity.id, sha256);
      if (same) return same;
      const duplicateOfUnitId = await this.repository.firstOtherUnitWithHash(em, sha256, activity.unitId);
      const evidenceId = await this.repository.insertEvidence(em, {
        activityId: activity.id,
        unitId: activity.unitId,
        fileName,
        contentType,
        sizeBytes: file.size,
        sha256,
        storageKey,
        duplicateOfUnitId,
      });
      const who = auditActor(actor, ip);
      await this.audit.record(em, who, {
        action: 'activity.evidence_added',
        entityType: 'activity',
        entityId: activity.id,
        dispatchId: activity.dispatchId,
        after: { evidenceId, fileName, contentType, sizeBytes: file.size, sha256, duplicateOfUnitId },
      });
      if (duplicateOfUnitId && !activity.flags.includes(ActivityFlag.DuplicateEvidence)) {
        const flags = Object.values(ActivityFlag).filter((f) => f === ActivityFlag.DuplicateEvidence || activity.flags.includes(f));
        await this.repository.setFlags(em, activity.id, flags);
        await this.audit.record(em, who, {
          action: 'activity.flagged',
          entityType: 'activity',
          entityId: activity.id,
          dispatchId: activity.dispatchId,
          before: { flags: activity.flags },
          after: { flags, evidenceId, sha256, duplicateOfUnitId },
        });
      }
      return evidenceId;
    });
    const view = await this.views.one(activityId);
    return view.evidence.find((e) => e.id === added)!;
  }

  async open(actor: Actor, activityId: string, evidenceId: string): Promise<EvidenceFile> {
    await this.activities.requireVisible(actor, activityId);
    const row = await this.repository.evidenceFile(this.db, activityId, evidenceId);
    if (!row) throw notFound('Không tìm thấy tệp minh chứng này.');
    return { fileName: row.fileName, contentType: row.contentType, sizeBytes: row.sizeBytes, stream: this.files.open(row.storageKey) };
  }
}
