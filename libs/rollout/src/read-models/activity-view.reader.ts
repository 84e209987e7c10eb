import { Injectable } from '@nestjs/common';
import type { ActivityContent, ActivityRow } from '../repositories/activity.repository.js';
import { type Db, selectRows } from '../repositories/sql.js';

/** An activity as its readers' screens read it: the stored row with its unit, the dispatch's issued date, history count, reporter and withdrawal. */
export interface ActivityViewRow extends ActivityRow {
  unitName: string;
  /** Earlier versions kept by corrections. */
  historyCount: number;
  dispatchIssuedDate: string;
  reportedById: string | null;
  reportedByName: string | null;
  withdrawnById: string | null;
  withdrawnByName: string | null;
  updatedAt: Date;
}

/** An evidence file of an activity, with the unit that had already submitted the byte-identical file. */
export interface EvidenceViewRow {
  id: string;
  activityId: string;
  fileName: string;
  contentType: string;
  sizeBytes: number;
  sha256: string;
  duplicateOfUnitId: string | null;
  duplicateOfUnitName: string | null;
  createdAt: Date;
}

/** An earlier version of an activity, and who replaced it by the next one. */
export interface ActivityRevisionRow {
  version: number;
  snapshot: ActivityContent & { version: number };
  changedById: string | null;
  changedByName: string | null;
  changedAt: Date;
}

const ACTIVITY_VIEW_SQL = `
  SELECT a.id, a.delivery_id AS "deliveryId", a.dispatch_id AS "dispatchId", a.unit_id AS "unitId", u.name AS "unitName",
         a.task_number AS "taskNumber", a.channel, to_char(a.occurred_on, 'YYYY-MM-DD') AS "occurredOn", a.place, a.reach,
         a.quantity, a.links, a.description, a.flags, a.version,
         (SELECT count(*)::int FROM activity_revisions r WHERE r.activity_id = a.id) AS "historyCount",
         to_char(x.issued_date, 'YYYY-MM-DD') AS "dispatchIssuedDate",
         a.reported_by AS "reportedById", ru.full_name AS "reportedByName",
         a.withdrawn_at AS "withdrawnAt", a.withdrawn_by AS "withdrawnById", wu.full_name AS "withdrawnByName",
         a.withdrawal_reason AS "withdrawalReason", a.created_at AS "createdAt", a.updated_at AS "updatedAt"
    FROM activities a
    JOIN units u ON u.id = a.unit_id
    JOIN dispatches x ON x.id = a.dispatch_id
    LEFT JOIN users ru ON ru.id = a.reported_by
    LEFT JOIN users wu ON wu.id = a.withdrawn_by`;

/** The activities, their evidence and their earlier versions, as the delivery, link and activity screens show them. */
@Injectable()
export class ActivityViewReader {
  /** Every activity of these deliveries (withdrawn ones included), oldest first per delivery. */
  async ofDeliveries(db: Db, deliveryIds: string[]): Promise<ActivityViewRow[]> {
    return selectRows<ActivityViewRow>(
      db,
      `${ACTIVITY_VIEW_SQL} WHERE a.delivery_id = ANY($1::uuid[]) ORDER BY a.delivery_id, a.occurred_on, a.created_at, a.id`,
      [deliveryIds],
    );
  }

  /** The activity, or none. */
  async one(db: Db, activityId: string): Promise<ActivityViewRow[]> {
    return selectRows<ActivityViewRow>(db, `${ACTIVITY_VIEW_SQL} WHERE a.id = $1`, [activityId]);
  }

  /** The evidence of these activities, oldest first. */
  async evidence(db: Db, activityIds: string[]): Promise<EvidenceViewRow[]> {
    return selectRows<EvidenceViewRow>(
      db,
      `SELECT e.id, e.activity_id AS "activityId", e.file_name AS "fileName", e.content_type AS "contentType",
              e.size_bytes::float8 AS "sizeBytes", e.sha256, e.duplicate_of_unit_id AS "duplicateOfUnitId", du.name AS "duplicateOfUnitName",
              e.created_at AS "createdAt"
         FROM activity_evidence e
         LEFT JOIN units du ON du.id = e.duplicate_of_unit_id
        WHERE e.activity_id = ANY($1::uuid[])
        ORDER BY e.created_at, e.id`,
      [activityIds],
    );
  }

  /** Every earlier version, oldest first. */
  async revisions(db: Db, activityId: string): Promise<ActivityRevisionRow[]> {
    return selectRows<ActivityRevisionRow>(
      db,
      `SELECT r.version, r.snapshot, r.changed_by AS "changedById", u.full_name AS "changedByName", r.changed_at AS "changedAt"
         FROM activity_revisions r LEFT JOIN users u ON u.id = r.changed_by
        WHERE r.activity_id = $1 ORDER BY r.version`,
      [activityId],
    );
  }
}
