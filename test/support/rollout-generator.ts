import { Role } from '@app/database';
import { randomBytes, randomUUID } from 'node:crypto';
import { signIn, unitByCode } from './factories.js';
import { seedDispatchDto } from './seed-dispatch.js';
import type { TestApp } from './test-app.js';

export type Level = 'province' | 'district' | 'commune' | 'commune_police';

export interface GenDelivery {
  id: string;
  unitId: string;
  unitCode: string;
  unitName: string;
  level: Level;
  purpose: 'coordinate' | 'action' | 'report' | 'archive';
  parentId: string | null;
  createdAt: Date;
  ackDueAt: Date | null;
  forwardDueAt: Date | null;
  reportDueAt: Date | null;
  acknowledgedAt: Date | null;
  forwardedAt: Date | null;
  refused: boolean;
  /** The unit has active units directly below it (so it is expected to forward). */
  hasChildren: boolean;
  status: string;
}

export interface GenActivity {
  deliveryId: string;
  channel: string;
  taskNumber: number;
  reach: number;
  quantity: number;
  withdrawn: boolean;
}

export interface GeneratedRollout {
  dispatchId: string;
  deliveries: GenDelivery[];
  activities: GenActivity[];
  /** Codes of the units the generator made late (not acknowledged, or not forwarded, past the deadline). */
  lateUnitCodes: string[];
}

const H = 3_600_000;
const D = 24 * H;

interface UnitRow {
  id: string;
  code: string;
  name: string;
  type: string;
  level: string;
  parent_id: string | null;
}

/**
 * A deterministic rollout of dispatch 5207/CAT-PA05 over the real Nam Định tree, thirty days ago:
 * every department and district UBND, their communes and the commune police, with on-time, late,
 * refused and silent units and outreach activities. Written straight to the tables (it is test
 * data, not a flow under test) and returned as a model the tests compute expected figures from.
 */
export async function generateRollout(t: TestApp, number = 5207): Promise<GeneratedRollout> {
  const pa05 = await signIn(t, Role.Issuer, 'CA-36-PA05');
  const dto = seedDispatchDto({ directorUnitId: (await unitByCode(t, 'CA-36-BGD')).id, archiveUnitIds: [] }, { number });
  const dispatchId: string = (await t.http().post('/api/v1/dispatches').set(pa05.auth).send(dto).expect(201)).body.id;
  const t0 = new Date(Math.floor((Date.now() - 30 * D) / D) * D);
  await t.db.query(`UPDATE dispatches SET status = 'published', published_at = $2 WHERE id = $1`, [dispatchId, t0]);

  const units: UnitRow[] = await t.db.query(
    `SELECT id, code, name, type, level, parent_id FROM units WHERE type <> 'area' AND active ORDER BY code`,
  );
  const byCode = new Map(units.map((u) => [u.code, u]));
  const childrenOf = new Map<string, UnitRow[]>();
  for (const u of units) if (u.parent_id) childrenOf.set(u.parent_id, [...(childrenOf.get(u.parent_id) ?? []), u]);
  const levelOf = (u: UnitRow): Level =>
    u.level === 'commune' ? (u.type === 'police' ? 'commune_police' : 'commune') : (u.level as Level);

  const deliveries: GenDelivery[] = [];
  const activities: GenActivity[] = [];
  const late: string[] = [];

  const add = (u: UnitRow, purpose: GenDelivery['purpose'], parent: GenDelivery | null, createdAt: Date, fate: Fate): GenDelivery => {
    const acting = purpose === 'coordinate' || purpose === 'action';
    const d: GenDelivery = {
      id: randomUUID(),
      unitId: u.id,
      unitCode: u.code,
      unitName: u.name,
      level: levelOf(u),
      purpose,
      parentId: parent?.id ?? null,
      createdAt,
      ackDueAt: acting ? new Date(createdAt.getTime() + 3 * D) : null,
      forwardDueAt: acting ? new Date(createdAt.getTime() + 5 * D) : null,
      reportDueAt: acting ? new Date(createdAt.getTime() + 25 * D) : null,
      acknowledgedAt: fate.ackAfter === undefined ? null : new Date(createdAt.getTime() + fate.ackAfter),
      forwardedAt: fate.forwardAfter === undefined ? null : new Date(createdAt.getTime() + fate.forwardAfter),
      refused: fate.refused ?? false,
      hasChildren: (childrenOf.get(u.id) ?? []).length > 0,
      status: 'sent',
    };
    deliveries.push(d);
    const overdueAck = acting && !d.refused && !d.acknowledgedAt;
    const overdueForward = acting && !d.refused && !d.forwardedAt && d.hasChildren;
    if (overdueAck || overdueForward) late.push(u.code);
    return d;
  };

  // Provincial departments: on time, late, silent, on time...
  const departments = units.filter((u) => u.type === 'department');
  departments.forEach((u, i) =>
    add(u, 'coordinate', null, t0, [{ ackAfter: (i + 1) * H }, { ackAfter: 4 * D + i * H }, {}, { ackAfter: 2 * H }][i % 4]),
  );
  add(byCode.get('CA-36-BGD')!, 'report', null, t0, { ackAfter: 30 * 60_000 });

  // The ten district UBNDs: six on time and forwarded, one late, one acknowledged but never forwarded, one silent, one refused.
  const districts = units.filter((u) => u.type === 'peoples_committee' && u.level === 'district');
  districts.forEach((u, k) => {
    const fate: Fate =
      k <= 5
        ? { ackAfter: (k + 2) * H, forwardAfter: 2 * D }
        : k === 6
          ? { ackAfter: 4 * D, forwardAfter: 6 * D }
          : k === 7
            ? { ackAfter: 5 * H }
            : k === 8
              ? {}
              : { refused: true };
    const district = add(u, 'coordinate', null, t0, fate);
    // Where a district held the dispatch up, PA05 sent it straight to the communes a week later.
    const [parent, start] = district.forwardedAt ? [district, district.forwardedAt] : [null, new Date(t0.getTime() + 7 * D)];
    (childrenOf.get(u.id) ?? [])
      .filter((c) => c.type === 'peoples_committee')
      .forEach((c, j) => {
        const cf: Fate = [
          { ackAfter: (j + 1) * H, forwardAfter: D },
          { ackAfter: 2 * H, forwardAfter: D },
          { ackAfter: 4 * D, forwardAfter: 4 * D + H },
          {},
          { refused: true },
        ][j % 5];
        const commune = add(c, 'action', parent, start, cf);
        if (j % 5 === 0) {
          activities.push({ deliveryId: commune.id, channel: 'loudspeaker', taskNumber: 2, reach: 500 + j, quantity: 2, withdrawn: false });
          activities.push({ deliveryId: commune.id, channel: 'bulletin_board', taskNumber: 2, reach: 0, quantity: 1, withdrawn: false });
          activities.push({ deliveryId: commune.id, channel: 'facebook_post', taskNumber: 2, reach: 9999, quantity: 1, withdrawn: true });
        }
        if (j % 5 === 2)
          activities.push({
            deliveryId: commune.id,
            channel: 'facebook_post',
            taskNumber: 2,
            reach: 1000 + j,
            quantity: 1,
            withdrawn: false,
          });
        if (!commune.forwardedAt) return;
        for (const p of (childrenOf.get(c.id) ?? []).filter((x) => x.type === 'police')) {
          const pf: Fate = j % 5 === 1 ? {} : j % 5 === 2 ? { ackAfter: 4 * D } : { ackAfter: 5 * H };
          const police = add(p, 'action', commune, commune.forwardedAt, pf);
          if (j % 5 === 0)
            activities.push({
              deliveryId: police.id,
              channel: 'resident_meeting',
              taskNumber: 3,
              reach: 80,
              quantity: 1,
              withdrawn: false,
            });
        }
      });
  });

  const withActivity = new Set(activities.filter((a) => !a.withdrawn).map((a) => a.deliveryId));
  for (const d of deliveries) {
    d.status = d.refused
      ? 'refused'
      : !d.acknowledgedAt
        ? 'sent'
        : withActivity.has(d.id)
          ? 'in_progress'
          : d.forwardedAt
            ? 'assigned'
            : 'accepted';
  }
  await insert(t, dispatchId, deliveries, activities);
  return { dispatchId, deliveries, activities, lateUnitCodes: late };
}

interface Fate {
  ackAfter?: number;
  forwardAfter?: number;
  refused?: boolean;
}

async function insert(t: TestApp, dispatchId: string, ds: GenDelivery[], acts: GenActivity[]) {
  const col = <K extends keyof GenDelivery>(k: K) => ds.map((d) => d[k]);
  await t.db.query(
    `INSERT INTO deliveries (id, dispatch_id, unit_id, purpose, parent_delivery_id, status, created_at, ack_due_at, forward_due_at, report_due_at,
                             acknowledged_at, ack_method, ack_by_name, forwarded_at, refused_at, refusal_reason, sent_at, link_nonce, link_token_hash, link_expires_at)
     SELECT t.id, $1, t.unit_id, t.purpose, t.parent_id, t.status, t.created_at, t.ack_due, t.fwd_due, t.rep_due,
            t.ack_at, CASE WHEN t.ack_at IS NOT NULL THEN 'web' END, CASE WHEN t.ack_at IS NOT NULL THEN 'Văn thư' END,
            t.fwd_at, CASE WHEN t.refused THEN t.created_at + interval '1 hour' END, CASE WHEN t.refused THEN 'Không đúng đơn vị nhận' END,
            t.created_at, t.nonce, t.hash, now() + interval '90 days'
       FROM unnest($2::uuid[], $3::uuid[], $4::text[], $5::uuid[], $6::text[], $7::timestamptz[], $8::timestamptz[], $9::timestamptz[], $10::timestamptz[],
                   $11::timestamptz[], $12::timestamptz[], $13::bool[], $14::text[], $15::text[])
         AS t(id, unit_id, purpose, parent_id, status, created_at, ack_due, fwd_due, rep_due, ack_at, fwd_at, refused, nonce, hash)`,
    [
      dispatchId,
      col('id'),
      col('unitId'),
      col('purpose'),
      col('parentId'),
      col('status'),
      col('createdAt'),
      col('ackDueAt'),
      col('forwardDueAt'),
      col('reportDueAt'),
      col('acknowledgedAt'),
      col('forwardedAt'),
      col('refused'),
      ds.map(() => randomBytes(16).toString('hex')),
      ds.map(() => randomBytes(32).toString('hex')),
    ],
  );
  const unitOf = new Map(ds.map((d) => [d.id, d.unitId]));
  await t.db.query(
    `INSERT INTO activities (delivery_id, unit_id, dispatch_id, task_number, channel, occurred_on, reach, quantity, withdrawn_at, withdrawal_reason)
     SELECT t.delivery_id, t.unit_id, $1, t.task, t.channel, (now() - interval '20 days')::date, t.reach, t.quantity,
            CASE WHEN t.withdrawn THEN now() END, CASE WHEN t.withdrawn THEN 'Báo cáo nhầm' END
       FROM unnest($2::uuid[], $3::uuid[], $4::int[], $5::text[], $6::int[], $7::int[], $8::bool[]) AS t(delivery_id, unit_id, task, channel, reach, quantity, withdrawn)`,
    [
      dispatchId,
      acts.map((a) => a.deliveryId),
      acts.map((a) => unitOf.get(a.deliveryId)),
      acts.map((a) => a.taskNumber),
      acts.map((a) => a.channel),
      acts.map((a) => a.reach),
      acts.map((a) => a.quantity),
      acts.map((a) => a.withdrawn),
    ],
  );
}
