import type { ActivityChannel, ActivityFlag } from '@app/vocabulary';
import { Injectable } from '@nestjs/common';
import { type Db, selectRows, updateRows } from './sql.js';

/** An activity as the write paths read it (dates as YYYY-MM-DD strings, never shifted by a time zone). */
export interface ActivityRow extends ActivityContent {
  id: string;
  deliveryId: string;
  unitId: string;
  dispatchId: string;
  version: number;
  withdrawnAt: Date | null;
  withdrawalReason: string | null;
  createdAt: Date;
}

/** What a report or a correction writes: the content of one version of an activity. */
export interface ActivityContent {
  taskNumber: number | null;
  channel: ActivityChannel;
  occurredOn: string;
  place: string | null;
  reach: number | null;
  quantity: number | null;
  links: string[];
  description: string | null;
  flags: ActivityFlag[];
}

export interface NewActivity extends ActivityContent {
  deliveryId: string;
  unitId: string;
  dispatchId: string;
  /** None when reported through the e-mail link. */
  reportedBy: string | null;
}

export interface NewEvidence {
  activityId: string;
  unitId: string;
  fileName: string;
  contentType: string;
  sizeBytes: number;
  sha256: string;
  storageKey: string;
  duplicateOfUnitId: string | null;
}

export interface EvidenceFileRow {
  fileName: string;
  contentType: string;
  sizeBytes: number;
  storageKey: string;
}

const ACTIVITY_COLUMNS = `a.id, a.delivery_id AS "deliveryId", a.unit_id AS "unitId", a.dispatch_id AS "dispatchId",
  a.task_number AS "taskNumber", a.channel, to_char(a.occurred_on, 'YYYY-MM-DD') AS "occurredOn", a.place, a.reach, a.quantity,
  a.links, a.description, a.flags, a.version, a.withdrawn_at AS "withdrawnAt", a.withdrawal_reason AS "withdrawalReason",
  a.created_at AS "createdAt"`;

/** Activities, their evidence and their revisions: the write paths' SQL, each statement in the caller's transaction. */
@Injectable()
export class ActivityRepository {
  /** Locked for the rest of the caller's transaction when `lock`; null when there is no such activity. */
  async find(db: Db, activityId: string, lock = false): Promise<ActivityRow | null> {
    const [row] = await selectRows<ActivityRow>(
      db,
      `SELECT ${ACTIVITY_COLUMNS} FROM activities a WHERE a.id = $1${lock ? ' FOR UPDATE' : ''}`,
      [activityId],
    );
    return row ?? null;
  }

  /** The delivery an activity was reported for; null when there is no such activity. */
  async deliveryOf(db: Db, activityId: string): Promise<string | null> {
    const [row] = await selectRows<{ deliveryId: string }>(db, `SELECT delivery_id AS "deliveryId" FROM activities WHERE id = $1`, [
      activityId,
    ]);
    return row?.deliveryId ?? null;
  }

  async insert(db: Db, a: NewActivity): Promise<ActivityRow> {
    const [row] = await selectRows<ActivityRow>(
      db,
      `INSERT INTO activities AS a (delivery_id, unit_id, dispatch_id, task_number, channel, occurred_on, place, reach, quantity, links, description, flags, reported_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
       RETURNING ${ACTIVITY_COLUMNS}`,
      [
        a.deliveryId,
        a.unitId,
        a.dispatchId,
        a.taskNumber,
        a.channel,
        a.occurredOn,
        a.place,
        a.reach,
        a.quantity,
        a.links,
        a.description,
        a.flags,
        a.reportedBy,
      ],
    );
    return row;
  }

  /** A correction: the version being replaced is kept in activity_revisions first (see `keepRevision`). */
  async correct(db: Db, activityId: string, next: ActivityContent & { version: number }): Promise<void> {
    await updateRows(
      db,
      `UPDATE activities
          SET task_number = $2, channel = $3, occurred_on = $4, place = $5, reach = $6, quantity = $7, links = $8,
              description = $9, flags = $10, version = $11, updated_at = now()
        WHERE id = $1`,
      [
        activityId,
        next.taskNumber,
        next.channel,
        next.occurredOn,
        next.place,
        next.reach,
        next.quantity,
        next.links,
        next.description,
        next.flags,
        next.version,
      ],
    );
  }

  /** Keeps one replaced version; `snapshot` is stored as JSON as given. */
  async keepRevision(db: Db, activityId: string, version: number, snapshot: object, changedBy: string): Promise<void> {
    await selectRows<never>(db, `INSERT INTO activity_revisions (activity_id, version, snapshot, changed_by) VALUES ($1, $2, $3, $4)`, [
      activityId,
      version,
      JSON.stringify(snapshot),
      changedBy,
    ]);
  }

  /** The soft withdrawal; the time it was recorded. */
  async withdraw(db: Db, activityId: string, byUserId: string, reason: string): Promise<Date> {
    const { rows } = await updateRows<{ withdrawnAt: Date }>(
      db,
      `UPDATE activities SET withdrawn_at = now(), withdrawn_by = $2, withdrawal_reason = $3, updated_at = now()
        WHERE id = $1 RETURNING withdrawn_at AS "withdrawnAt"`,
      [activityId, byUserId, reason],
    );
    return rows[0].withdrawnAt;
  }

  async setFlags(db: Db, activityId: string, flags: ActivityFlag[]): Promise<void> {
    await updateRows(db, `UPDATE activities SET flags = $2, updated_at = now() WHERE id = $1`, [activityId, flags]);
  }

  /**
   * Serialises evidence uploads of the same bytes until the caller's transaction ends: two units
   * uploading the same file at the same moment, one waits, then sees the other's row.
   */
  async lockEvidenceHash(db: Db, sha256: string): Promise<void> {
    await selectRows<never>(db, `SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [`evidence:${sha256}`]);
  }

  /** The evidence of this activity with these bytes, if it was already uploaded. */
  async evidenceWithHash(db: Db, activityId: string, sha256: string): Promise<string | null> {
    const [row] = await selectRows<{ id: string }>(db, `SELECT id FROM activity_evidence WHERE activity_id = $1 AND sha256 = $2`, [
      activityId,
      sha256,
    ]);
    return row?.id ?? null;
  }

  /** The first other unit that submitted byte-identical evidence, if any. */
  async firstOtherUnitWithHash(db: Db, sha256: string, unitId: string): Promise<string | null> {
    const [row] = await selectRows<{ unitId: string }>(
      db,
      `SELECT unit_id AS "unitId" FROM activity_evidence WHERE sha256 = $1 AND unit_id <> $2 ORDER BY created_at, id LIMIT 1`,
      [sha256, unitId],
    );
    return row?.unitId ?? null;
  }

  async insertEvidence(db: Db, e: NewEvidence): Promise<string> {
    const [row] = await selectRows<{ id: string }>(
      db,
      `INSERT INTO activity_evidence (activity_id, unit_id, file_name, content_type, size_bytes, sha256, storage_key, duplicate_of_unit_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
      [e.activityId, e.unitId, e.fileName, e.contentType, e.sizeBytes, e.sha256, e.storageKey, e.duplicateOfUnitId],
    );
    return row.id;
  }

  /** What opening one evidence file needs; null when it is not evidence of this activity. */
  async evidenceFile(db: Db, activityId: string, evidenceId: string): Promise<EvidenceFileRow | null> {
    const [row] = await selectRows<EvidenceFileRow>(
      db,
      `SELECT file_name AS "fileName", content_type AS "contentType", size_bytes::float8 AS "sizeBytes", storage_key AS "storageKey"
         FROM activity_evidence WHERE id = $1 AND activity_id = $2`,
      [evidenceId, activityId],
    );
    return row ?? null;
  }
}
