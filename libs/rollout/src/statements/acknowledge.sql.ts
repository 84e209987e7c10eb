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
 * Acknowledgements in one statement, so one round trip for any number of them: read each delivery
 * with what its scope check needs (`ctx`), acknowledge it if its caller may and nobody did yet
 * (`won`), and write each winner's history row and audit event. $1 is a JSON array of AckInput
 * (acknowledgeInput), each with its position `ord`; the answer has one row per input whose delivery
 * exists, with its `ord`. A data-modifying CTE runs in the statement's own transaction, so every
 * acknowledgement of the statement and its audit event commit together or not at all.
 *
 * The api sends the acknowledgements that arrive together as one statement (AcknowledgementBatcher):
 * one commit, one WAL flush and one wake-up of a backend for all of them. An input never names a
 * delivery another input of the same statement names (the batcher keeps such a repeat for the next
 * statement), so each delivery row joins at most one input.
 *
 * Exactly one winner under concurrency: the UPDATE's `acknowledged_at IS NULL` is re-checked on the
 * latest row version after waiting for a concurrent winner's lock (READ COMMITTED), so the losers
 * update nothing and write no audit event. `ctx` is read from the statement's snapshot: a loser of
 * such a race sees the delivery still unacknowledged there and reads the winner's row afterwards.
 *
 * The rules are the api's DeliveryAccess.requireOwn / requireProxy (with AccessService.covers),
 * written in SQL so the check and the write are one statement; test/rollout.e2e-spec.ts covers both
 * refusals.
 */
export const ACKNOWLEDGE_SQL = `
WITH input AS (
  SELECT * FROM jsonb_to_recordset($1::jsonb) AS i(
    ord int, delivery_id uuid, method text, user_id uuid, name text, unit_id uuid, proxy_reason text, ip text, user_agent text,
    scope text, actor_unit_id uuid, actor_path text, issuer_side boolean, global boolean, leader boolean, province_roots text[], request_id text)
),
ctx AS (
  SELECT i.ord, i.method AS in_method, i.user_id AS in_user_id, i.name AS in_name, i.unit_id AS in_unit_id,
         i.proxy_reason AS in_proxy_reason, i.ip AS in_ip, i.user_agent AS in_user_agent, i.request_id AS in_request_id,
         d.dispatch_id, u.name AS unit_name, x.status AS dispatch_status, x.version AS dispatch_version,
         CASE i.scope
           WHEN 'link' THEN true
           WHEN 'own' THEN i.global OR d.unit_id = i.actor_unit_id
                OR (i.leader AND u.path = i.actor_path || d.unit_id::text || '.' AND right(u.code, ${LEADERSHIP_BODY_SUFFIX.length}) = '${LEADERSHIP_BODY_SUFFIX}')
           ELSE i.global
                OR (i.issuer_side AND (starts_with(iu.path, i.actor_path) OR EXISTS (SELECT 1 FROM unnest(i.province_roots) r WHERE starts_with(iu.path, r))))
                OR (starts_with(u.path, i.actor_path) AND d.unit_id <> i.actor_unit_id)
         END AS allowed,
         ${ACK_COLUMNS('d')}
    FROM input i
    JOIN deliveries d ON d.id = i.delivery_id
    JOIN units u ON u.id = d.unit_id
    JOIN dispatches x ON x.id = d.dispatch_id
    JOIN units iu ON iu.id = x.issuer_unit_id
),
won AS (
  UPDATE deliveries d
     SET acknowledged_at = COALESCE(d.acknowledged_at, now()),
         arrived_at = COALESCE(d.arrived_at, now()),
         status = ${nextStatusSql(A.Acknowledge, 'd')},
         ack_method = ctx.in_method, ack_by_user_id = ctx.in_user_id, ack_by_name = ctx.in_name,
         ack_by_unit_id = COALESCE(ctx.in_unit_id, d.unit_id), ack_proxy_reason = ctx.in_proxy_reason,
         ack_ip = ctx.in_ip, ack_user_agent = ctx.in_user_agent,
         ack_version = ctx.dispatch_version,
         ack_attachments_sha256 = ARRAY(SELECT a.sha256::text FROM dispatch_attachments a
                                         WHERE a.dispatch_id = d.dispatch_id AND a.superseded_in_version IS NULL ORDER BY a.created_at)
    FROM ctx
   WHERE d.id = ctx."deliveryId" AND ctx.allowed AND ${allowedFromSql(A.Acknowledge, 'd')}
     -- The first acknowledgement, or the first of a newer version (văn bản thay thế, đính chính).
     AND (d.acknowledged_at IS NULL OR d.ack_version IS NULL OR d.ack_version < ctx.dispatch_version)
     AND EXISTS (SELECT 1 FROM dispatches x WHERE x.id = d.dispatch_id AND ${dispatchAllowsSql(A.Acknowledge, 'x')})
  RETURNING ${ACK_COLUMNS('d')}, d.dispatch_id, ctx.ord
),
history AS (
  INSERT INTO delivery_acknowledgements (delivery_id, version, acknowledged_at, method, by_name, by_user_id, attachments_sha256)
  SELECT w."deliveryId", w.version, now(), w.method, w."byName", w."byUserId", w."attachmentsSha256" FROM won w
),
audit AS (
  INSERT INTO audit_events (actor_user_id, actor_name, actor_unit_id, ip, action, entity_type, entity_id, dispatch_id, before, after, request_id)
  SELECT c.in_user_id, c.in_name, w."byUnitId", c.in_ip,
         CASE WHEN c."acknowledgedAt" IS NULL THEN '${DELIVERY_TRANSITIONS[A.Acknowledge].auditAction}'
              ELSE '${DELIVERY_TRANSITIONS[A.Reacknowledge].auditAction}' END,
         'delivery', w."deliveryId", w.dispatch_id,
         jsonb_build_object('acknowledgedAt', c."acknowledgedAt", 'version', c.version),
         jsonb_build_object('status', w.status, 'method', w.method, 'byName', w."byName", 'proxyReason', w."proxyReason",
                            'attachmentsSha256', to_jsonb(w."attachmentsSha256"), 'version', w.version), c.in_request_id
    FROM won w JOIN ctx c ON c.ord = w.ord
    ORDER BY c.ord
)
SELECT c.ord, c.allowed, c.unit_name AS "unitName", c.status AS "ctxStatus", c.dispatch_status AS "dispatchStatus",
       c."acknowledgedAt" IS NOT NULL AND c.version >= c.dispatch_version AS "wasAcknowledged", w."deliveryId" IS NOT NULL AS created,
       ${ACK_FIELDS.map((f) => `CASE WHEN w."deliveryId" IS NULL THEN c."${f}" ELSE w."${f}" END AS "${f}"`).join(',\n       ')}
  FROM ctx c LEFT JOIN won w ON w.ord = c.ord`;

/** The read after losing a race: the winner's acknowledgement as committed. */
export const ACKNOWLEDGEMENT_SQL = `SELECT ${ACK_COLUMNS('d')} FROM deliveries d WHERE d.id = $1`;

/** One acknowledgement as ACKNOWLEDGE_SQL reads it (its JSON input, without the position `ord`). */
export interface AckInput {
  delivery_id: string;
  method: AckMethod;
  user_id: string | null;
  name: string;
  unit_id: string | null;
  proxy_reason: string | null;
  ip: string | null;
  user_agent: string | null;
  scope: AckScope['kind'];
  actor_unit_id: string | null;
  actor_path: string | null;
  issuer_side: boolean;
  global: boolean;
  leader: boolean;
  province_roots: string[];
  request_id: string | null;
}

export function acknowledgeInput(write: AckWrite, scope: AckScope): AckInput {
  const actor = scope.kind === 'link' ? null : scope;
  return {
    delivery_id: write.deliveryId,
    method: write.method,
    user_id: write.userId,
    name: write.name,
    unit_id: write.unitId,
    proxy_reason: write.proxyReason,
    ip: write.ip,
    user_agent: write.userAgent?.slice(0, 500) ?? null,
    scope: scope.kind,
    actor_unit_id: actor?.unitId ?? null,
    actor_path: actor?.unitPath ?? null,
    issuer_side: actor?.issuerSide ?? false,
    global: actor?.global ?? false,
    leader: actor?.leader ?? false,
    province_roots: actor?.provinceRoots ?? [],
    request_id: write.requestId,
  };
}

/** ACKNOWLEDGE_SQL's one parameter: the inputs, each with its position. */
export function acknowledgeParams(inputs: AckInput[]): [string] {
  return [JSON.stringify(inputs.map((input, ord) => ({ ...input, ord })))];
}
