import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Actor } from '../../auth/actor.js';
import { DispatchAccess } from '../../access/dispatch-access.service.js';
import type { DispatchVersionDto, DispatchVersionsDto, ReacknowledgementDto } from '../dto/follow-up-responses.dto.js';

/**
 * The versions of a dispatch (văn bản thay thế, đính chính) and the re-acknowledgement progress: of the
 * units that acknowledged an earlier version, how many acknowledged the current one again.
 */
@Injectable()
export class VersionsView {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: DispatchAccess,
  ) {}

  async get(actor: Actor, dispatchId: string): Promise<DispatchVersionsDto> {
    const { dispatch } = await this.access.requireManageable(actor, dispatchId);
    const [versions, [reacknowledgement]] = await Promise.all([
      this.db.query(
        `SELECT v.version, v.kind, v.note, v.attachments_sha256 AS "attachmentsSha256", u.full_name AS "createdByName", v.created_at AS "createdAt"
           FROM dispatch_versions v LEFT JOIN users u ON u.id = v.created_by
          WHERE v.dispatch_id = $1 ORDER BY v.version DESC`,
        [dispatchId],
      ) as Promise<DispatchVersionDto[]>,
      // delivery_acknowledgements is unique on (delivery_id, version): one index probe per delivery.
      this.db.query(
        `SELECT count(*)::int AS required,
                count(*) FILTER (WHERE d.ack_version = x.version)::int AS done,
                count(*) FILTER (WHERE COALESCE(d.ack_version, 1) < x.version)::int AS awaiting
           FROM dispatches x JOIN deliveries d ON d.dispatch_id = x.id
          WHERE x.id = $1 AND x.version > 1 AND d.status NOT IN ('refused', 'recalled') AND d.acknowledged_at IS NOT NULL
            AND EXISTS (SELECT 1 FROM delivery_acknowledgements a WHERE a.delivery_id = d.id AND a.version < x.version)`,
        [dispatchId],
      ) as Promise<ReacknowledgementDto[]>,
    ]);
    return { version: dispatch.version, versions, reacknowledgement };
  }
}
