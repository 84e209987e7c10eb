import { DeliveryAction, DELIVERY_TRANSITIONS } from './delivery-transitions.js';

/**
 * The SQL conditions of the lifecycle, generated from DELIVERY_TRANSITIONS so that a status change
 * the table does not list cannot happen in the database either. The values are enum members (never
 * user input); `literal` checks that anyway before inlining them.
 */
const SAFE = /^[a-z_]+$/;
const ALIAS = /^[a-z_][a-z0-9_]*$/;

function literal(value: string): string {
  if (!SAFE.test(value)) throw new Error(`not a status value: ${value}`);
  return `'${value}'`;
}

function column(alias: string | null, name: string): string {
  if (alias !== null && !ALIAS.test(alias)) throw new Error(`not a table alias: ${alias}`);
  return alias ? `${alias}.${name}` : name;
}

function inList(col: string, values: readonly string[]): string {
  return values.length === 0 ? 'false' : `${col} IN (${values.map(literal).join(', ')})`;
}

/** `d.status IN ('pending', 'sent', 'arrived')`: the statuses the action moves from. */
export function movesFromSql(action: DeliveryAction, alias: string | null = null): string {
  return inList(column(alias, 'status'), DELIVERY_TRANSITIONS[action].moves);
}

/** `d.status IN (...)`: every status in which the action is allowed (moving or keeping). */
export function allowedFromSql(action: DeliveryAction, alias: string | null = null): string {
  const t = DELIVERY_TRANSITIONS[action];
  return inList(column(alias, 'status'), [...t.moves, ...t.keeps]);
}

/** `x.status IN ('published')`, or `true` when the action is allowed whatever the dispatch's status. */
export function dispatchAllowsSql(action: DeliveryAction, alias: string | null = null): string {
  const allowed = DELIVERY_TRANSITIONS[action].dispatch;
  return allowed ? inList(column(alias, 'status'), allowed) : 'true';
}

/**
 * The SET expression of the status: `CASE WHEN status IN (moves) THEN 'to' ELSE status END`, so one
 * UPDATE can record the action's facts in every allowed status and move the status only where the
 * table says so.
 */
export function nextStatusSql(action: DeliveryAction, alias: string | null = null): string {
  const t = DELIVERY_TRANSITIONS[action];
  const col = column(alias, 'status');
  if (!t.to || t.moves.length === 0) return col;
  return `CASE WHEN ${inList(col, t.moves)} THEN ${literal(t.to)} ELSE ${col} END`;
}

/**
 * The delivery acknowledged an earlier version of its dispatch (văn bản thay thế, đính chính) and must
 * acknowledge the current one again ("xác nhận lại"); never for a refused or recalled delivery.
 */
export function mustReacknowledgeSql(alias = 'd'): string {
  const d = (name: string) => column(alias, name);
  return `(${d('acknowledged_at')} IS NOT NULL AND ${d('status')} NOT IN (${literal('refused')}, ${literal('recalled')})
    AND COALESCE(${d('ack_version')}, 1) < (SELECT v.version FROM dispatches v WHERE v.id = ${d('dispatch_id')}))`;
}
