import type { AckMethod, DeliveryStatus, DispatchStatus } from '@app/vocabulary';
import { LEADERSHIP_BODY_SUFFIX } from '../lifecycle/leadership-body.js';
import { DeliveryAction as A, DELIVERY_TRANSITIONS } from '../lifecycle/delivery-transitions.js';
import { allowedFromSql, dispatchAllowsSql, nextStatusSql } from '../lifecycle/sql-conditions.js';

/**
 * Who is asking, as the acknowledgement statement checks it (the rules of the api's DeliveryAccess):
 * - `own`: a user of the recipient unit (or an installation admin);
 * - `proxy`: the issuer's branch (issuer, leader, admin roles) or a unit strictly above the recipient;
 * - `link`: the holder of a verified signed link, already checked by the caller.
 */
export type AckScope =
  | {
      kind: 'own' | 'proxy';
      unitId: string;
      unitPath: string;
      /** The role may record for the issuer's branch (issuer, leader, admin). */
      issuerSide: boolean;
      /** An installation admin: everything. */
      global: boolean;
      /** A leader, who also acts for the leadership body directly below its unit (the api's isLeadershipBodyOf). */
      leader: boolean;
      /** A provincial admin's province roots (AccessService.covers). */
      provinceRoots: string[];
    }
  | { kind: 'link' };

export interface AckWrite {
  deliveryId: string;
  method: AckMethod;
  userId: string | null;
  name: string;
  /** The unit acknowledging: the actor's; null for a link, which acknowledges as the recipient unit. */
  unitId: string | null;
  proxyReason: string | null;
  ip: string | null;
  userAgent: string | null;
  /** The request's id, kept on the audit event. */
  requestId: string | null;
}

/** An acknowledgement as the api answers it: the delivery's ack columns and the dispatch version it covers. */
export interface VersionedAcknowledgement {
  deliveryId: string;
  status: DeliveryStatus;
  acknowledgedAt: Date;
  method: AckMethod;
  byName: string;
  byUserId: string | null;
  byUnitId: string;
  proxyReason: string | null;
  attachmentsSha256: string[];
  /** The dispatch version this acknowledgement covers (a new version asks for a new acknowledgement). */
  version: number | null;
}

/** The one row ACKNOWLEDGE_SQL answers: the scope check, the delivery as it was, and the acknowledgement (won or earlier). */
export interface AckOutcome extends VersionedAcknowledgement {
  allowed: boolean;
  unitName: string;
  ctxStatus: DeliveryStatus;
  dispatchStatus: DispatchStatus;
  /** Acknowledged already, for the current version, before this statement. */
  wasAcknowledged: boolean;
  /** This call won and wrote the acknowledgement. */
  created: boolean;
}

const ACK_FIELDS: (keyof VersionedAcknowledgement)[] = [
  'deliveryId',
  'status',
  'acknowledgedAt',
  'method',
  'byName',
  'byUserId',
  'byUnitId',
  'proxyReason',
  'attachmentsSha256',
  'version',
];
const ACK_COLUMNS = (
  t: string,
) => `${t}.id AS "deliveryId", ${t}.status, ${t}.acknowledged_at AS "acknowledgedAt", ${t}.ack_method AS method,
  ${t}.ack_by_name AS "byName", ${t}.ack_by_user_id AS "byUserId", ${t}.ack_by_unit_id AS "byUnitId", ${t}.ack_proxy_reason AS "proxyReason",
  COALESCE(${t}.ack_attachments_sha256, '{}') AS "attachmentsSha256", ${t}.ack_version AS version`;

/**
 * The whole acknowledgement in one statement, so one round trip: read the delivery with what the
 * scope check needs (`ctx`), acknowledge it if the caller may and nobody did yet (`won`), and
 * write the winner's audit event (`audit`). A data-modifying CTE runs in the statement's own
 * transaction, so the acknowledgement and its audit event commit together or not at all.
 *
 * Exactly one winner under concurrency: the UPDATE's `acknowledged_at IS NULL` is re-checked on the
 * latest row version after waiting for a concurrent winner's lock (READ COMMITTED), so the losers
 * update nothing and write no audit event. `ctx` is read from the statement's snapshot: a loser of
 * such a race sees the delivery still unacknowledged there and reads the winner's row afterwards.
 *
 * $1 delivery, $2 method, $3 user, $4 name, $5 acknowledging unit (null: the recipient), $6 proxy reason, $7 ip, $8 user agent,
 * $9 scope ('own' | 'proxy' | 'link'), $10 actor unit, $11 actor unit path, $12 actor is on the
 * issuer side by role, $13 actor has global scope, $14 a provincial admin's province roots,
 * $15 the request id (audit_events.request_id), $16 the actor is a leader (acts for its leadership body).
 * The rules are the api's DeliveryAccess.requireOwn / requireProxy (with AccessService.covers),
 * written in SQL so the check and the write are one statement; test/rollout.e2e-spec.ts covers both
 * refusals.
 */
export const ACKNOWLEDGE_SQL = `
WITH ctx AS (
  SELECT d.dispatch_id, u.name AS unit_name, x.status AS dispatch_status, x.version AS dispatch_version,
         CASE $9::text
           WHEN 'link' THEN true
           WHEN 'own' THEN $13::boolean OR d.unit_id = $10::uuid
                OR ($16::boolean AND u.path = $11::text || d.unit_id::text || '.' AND right(u.code, ${LEADERSHIP_BODY_SUFFIX.length}) = '${LEADERSHIP_BODY_SUFFIX}')
           ELSE $13::boolean
                OR ($12::boolean AND (starts_with(iu.path, $11::text) OR EXISTS (SELECT 1 FROM unnest($14::text[]) r WHERE starts_with(iu.path, r))))
                OR (starts_with(u.path, $11::text) AND d.unit_id <> $10::uuid)
         END AS allowed,
         ${ACK_COLUMNS('d')}
    FROM deliveries d
    JOIN units u ON u.id = d.unit_id
    JOIN dispatches x ON x.id = d.dispatch_id
    JOIN units iu ON iu.id = x.issuer_unit_id
   WHERE d.id = $1
),
won AS (
  UPDATE deliveries d
     SET acknowledged_at = COALESCE(d.acknowledged_at, now()),
         arrived_at = COALESCE(d.arrived_at, now()),
         status = ${nextStatusSql(A.Acknowledge, 'd')},
         ack_method = $2, ack_by_user_id = $3, ack_by_name = $4, ack_by_unit_id = COALESCE($5::uuid, d.unit_id), ack_proxy_reason = $6,
         ack_ip = $7, ack_user_agent = $8,
         ack_version = ctx.dispatch_version,
         ack_attachments_sha256 = ARRAY(SELECT a.sha256::text FROM dispatch_attachments a
                                         WHERE a.dispatch_id = d.dispatch_id AND a.superseded_in_version IS NULL ORDER BY a.created_at)
    FROM ctx
   WHERE d.id = ctx."deliveryId" AND ctx.allowed AND ${allowedFromSql(A.Acknowledge, 'd')}
     -- The first acknowledgement, or the first of a newer version (văn bản thay thế, đính chính).
     AND (d.acknowledged_at IS NULL OR d.ack_version IS NULL OR d.ack_version < ctx.dispatch_version)
     AND EXISTS (SELECT 1 FROM dispatches x WHERE x.id = d.dispatch_id AND ${dispatchAllowsSql(A.Acknowledge, 'x')})
  RETURNING ${ACK_COLUMNS('d')}, d.dispatch_id
),
history AS (
  INSERT INTO delivery_acknowledgements (delivery_id, version, acknowledged_at, method, by_name, by_user_id, attachments_sha256)
  SELECT w."deliveryId", w.version, now(), w.method, w."byName", w."byUserId", w."attachmentsSha256" FROM won w
),
audit AS (
  INSERT INTO audit_events (actor_user_id, actor_name, actor_unit_id, ip, action, entity_type, entity_id, dispatch_id, before, after, request_id)
  SELECT $3, $4, w."byUnitId", $7,
         CASE WHEN c."acknowledgedAt" IS NULL THEN '${DELIVERY_TRANSITIONS[A.Acknowledge].auditAction}'
              ELSE '${DELIVERY_TRANSITIONS[A.Reacknowledge].auditAction}' END,
         'delivery', w."deliveryId", w.dispatch_id,
         jsonb_build_object('acknowledgedAt', c."acknowledgedAt", 'version', c.version),
         jsonb_build_object('status', w.status, 'method', w.method, 'byName', w."byName", 'proxyReason', w."proxyReason",
                            'attachmentsSha256', to_jsonb(w."attachmentsSha256"), 'version', w.version), $15
    FROM won w CROSS JOIN ctx c
)
SELECT c.allowed, c.unit_name AS "unitName", c.status AS "ctxStatus", c.dispatch_status AS "dispatchStatus",
       c."acknowledgedAt" IS NOT NULL AND c.version >= c.dispatch_version AS "wasAcknowledged", w."deliveryId" IS NOT NULL AS created,
       ${ACK_FIELDS.map((f) => `CASE WHEN w."deliveryId" IS NULL THEN c."${f}" ELSE w."${f}" END AS "${f}"`).join(',\n       ')}
  FROM ctx c LEFT JOIN won w ON true`;

/** The read after losing a race: the winner's acknowledgement as committed. */
export const ACKNOWLEDGEMENT_SQL = `SELECT ${ACK_COLUMNS('d')} FROM deliveries d WHERE d.id = $1`;

export function acknowledgeParams(write: AckWrite, scope: AckScope): unknown[] {
  const actor = scope.kind === 'link' ? null : scope;
  return [
    write.deliveryId,
    write.method,
    write.userId,
    write.name,
    write.unitId,
    write.proxyReason,
    write.ip,
    write.userAgent?.slice(0, 500) ?? null,
    scope.kind,
    actor?.unitId ?? null,
    actor?.unitPath ?? null,
    actor?.issuerSide ?? false,
    actor?.global ?? false,
    actor?.provinceRoots ?? [],
    write.requestId,
    actor?.leader ?? false,
  ];
}
