import { Injectable } from '@nestjs/common';
import { type Db, selectRows } from '../repositories/sql.js';

/** A new version of a dispatch (văn bản thay thế, đính chính), as its history lists it. */
export interface DispatchVersionRow {
  version: number;
  kind: 'replacement' | 'correction';
  note: string;
  attachmentsSha256: string[];
  createdByName: string | null;
  createdAt: Date;
}

/** Of the units (not refused or recalled) that acknowledged an earlier version: how many, how many did again, how many still must. */
export interface Reacknowledgement {
  required: number;
  done: number;
  awaiting: number;
}

/** The versions of a dispatch and the re-acknowledgement progress. */
@Injectable()
export class DispatchVersionsReader {
  /** The new versions, latest first. */
  async versions(db: Db, dispatchId: string): Promise<DispatchVersionRow[]> {
    return selectRows<DispatchVersionRow>(
      db,
      `SELECT v.version, v.kind, v.note, v.attachments_sha256 AS "attachmentsSha256", u.full_name AS "createdByName", v.created_at AS "createdAt"
         FROM dispatch_versions v LEFT JOIN users u ON u.id = v.created_by
        WHERE v.dispatch_id = $1 ORDER BY v.version DESC`,
      [dispatchId],
    );
  }

  async reacknowledgement(db: Db, dispatchId: string): Promise<Reacknowledgement> {
    // delivery_acknowledgements is unique on (delivery_id, version): one index probe per delivery.
    const [row] = await selectRows<Reacknowledgement>(
      db,
      `SELECT count(*)::int AS required,
              count(*) FILTER (WHERE d.ack_version = x.version)::int AS done,
              count(*) FILTER (WHERE COALESCE(d.ack_version, 1) < x.version)::int AS awaiting
         FROM dispatches x JOIN deliveries d ON d.dispatch_id = x.id
        WHERE x.id = $1 AND x.version > 1 AND d.status NOT IN ('refused', 'recalled') AND d.acknowledged_at IS NOT NULL
          AND EXISTS (SELECT 1 FROM delivery_acknowledgements a WHERE a.delivery_id = d.id AND a.version < x.version)`,
      [dispatchId],
    );
    return row;
  }
}
