import { Role, UnitLevel, UnitType } from '@app/database';
import { randomUUID } from 'node:crypto';
import { SeedService } from '../apps/api/src/seed/seed.service.js';
import { seedNamDinh, signIn, SignedIn, unitByCode } from './support/factories.js';
import { openApiOf, RouteInfo, routesOf } from './support/route-catalogue.js';
import { seedDispatchDto } from './support/seed-dispatch.js';
import { createTestApp, TestApp } from './support/test-app.js';

/**
 * Every route × role × scope, generated from the route metadata (the app's own OpenAPI document).
 * The actor of each role sits in UBND huyện Hải Hậu; the resource a route acts on lies in:
 * own (Hải Hậu itself), below (one of its communes), sibling (UBND huyện Giao Thủy, another branch of
 * the province) or otherProvince (a second province). The expected outcome is declared once per
 * route in EXPECTED; a route with no row fails the test, so a new route must say who may call it.
 */
const ROLES = [Role.Officer, Role.Issuer, Role.Leader, Role.Admin] as const;
const SCOPES = ['own', 'below', 'sibling', 'otherProvince'] as const;
type Scope = (typeof SCOPES)[number];
type Outcome = 'allow' | 'deny';
type Rule = (role: Role, scope: Scope) => Outcome;

interface Fixtures {
  unit: Record<Scope, string>;
  user: Record<Scope, string>;
  dispatch: Record<Scope, string>;
  delivery: Record<Scope, string>;
  deliveryDispatch: Record<Scope, string>;
  parent: Record<Scope, string>;
}

type Target = 'unit' | 'user' | 'dispatch' | 'delivery' | 'dispatchDelivery' | 'none';

interface Row {
  /** Who may, by role and scope. The admin here is the provincial admin of Nam Định. */
  rule: Rule | 'public';
  /** What {id} (and {deliveryId}, {unitId}) of the path point to. */
  target?: Target;
  body?: (fx: Fixtures, scope: Scope) => object;
  query?: (fx: Fixtures, scope: Scope) => Record<string, string>;
  /**
   * The path holds an id the matrix does not create (an attachment, activity, evidence, export):
   * an allowed caller gets 404 for it, so only 403 counts as a refusal. These resources are
   * covered by their own e2e specs.
   */
  unknownChild?: boolean;
  /** Body validation runs before the scope check: without a complete body an allowed role may get 400. */
  bodyFirst?: boolean;
  /** Changes the fixtures (deactivate, move, close): run after every other route. */
  last?: boolean;
}

const all: Rule = () => 'allow';
const inScope: Rule = (_r, s) => (s === 'own' || s === 'below' ? 'allow' : 'deny');
const ownOnly: Rule = (_r, s) => (s === 'own' ? 'allow' : 'deny');
const belowOnly: Rule = (_r, s) => (s === 'below' ? 'allow' : 'deny');
const roles =
  (allowed: Role[], then: Rule = all): Rule =>
  (r, s) =>
    allowed.includes(r) || r === Role.Admin ? then(r, s) : 'deny';
/** Provincial admins reach the whole province (sibling included), never another province. */
const provincial =
  (then: Rule): Rule =>
  (r, s) =>
    r === Role.Admin ? (s === 'otherProvince' ? 'deny' : 'allow') : then(r, s);
const only =
  (allowed: Role[]): Rule =>
  (r) =>
    allowed.includes(r) ? 'allow' : 'deny';
/** The deliveries' dispatch is PA05's (Công an tỉnh): outside every actor's unit, inside the provincial admin's reach. */
const provincialAdminOnly: Rule = (r, s) => (r === Role.Admin && s !== 'otherProvince' ? 'allow' : 'deny');
/** Moving or deactivating: strictly below your own unit; a provincial admin, anywhere in the province but their own unit. */
const leaderOrAdminBelow: Rule = (r, s) =>
  r === Role.Leader ? belowOnly(r, s) : r === Role.Admin ? (s === 'below' || s === 'sibling' ? 'allow' : 'deny') : 'deny';

const STRONG = 'Lúa-chiêm-Hải-Hậu-2024!';
let serial = 0;
const next = () => ++serial;

export const EXPECTED: Record<string, Row> = {
  'POST /api/v1/auth/login': { rule: 'public', body: () => ({ email: 'nobody@test.local', password: 'x' }) },
  'GET /api/v1/auth/me': { rule: all },
  'GET /api/v1/units': { rule: provincial(inScope), query: (fx, s) => ({ under: fx.unit[s] }) },
  'POST /api/v1/units': {
    rule: roles([Role.Leader], provincial(inScope)),
    body: (fx, s) => ({ code: `MX-${next()}`, name: 'Tổ công tác', type: UnitType.Other, level: UnitLevel.Commune, parentId: fx.unit[s] }),
  },
  'GET /api/v1/units/{id}': { rule: provincial(inScope), target: 'unit' },
  'PATCH /api/v1/units/{id}': {
    rule: roles([Role.Leader], provincial(inScope)),
    target: 'unit',
    body: () => ({ name: 'Đơn vị (đã sửa)' }),
  },
  'GET /api/v1/units/{id}/link-signup': { rule: provincial(inScope), target: 'unit' },
  'PUT /api/v1/units/{id}/link-signup': { rule: provincialAdminOnly, target: 'unit', body: () => ({ setting: 'deny' }) },
  'POST /api/v1/units/{id}/deactivate': { rule: leaderOrAdminBelow, target: 'unit', last: true },
  'POST /api/v1/units/{id}/move': {
    rule: leaderOrAdminBelow,
    target: 'unit',
    // A move to the unit's own parent: authorised or not, it changes nothing for the routes after it.
    body: (fx, s) => ({ parentId: fx.parent[s] ?? fx.unit.own }),
    last: true,
  },
  'POST /api/v1/admin/units/import': { rule: only([Role.Admin]), body: () => ({ dataset: 'nam-dinh-2024-05-01' }) },
  'GET /api/v1/users': { rule: provincial(inScope), query: (fx, s) => ({ unitId: fx.unit[s] }) },
  'POST /api/v1/users': {
    rule: roles([Role.Leader], provincial(inScope)),
    body: (fx, s) => ({ email: `mx${next()}@test.local`, fullName: 'Cán bộ mới', password: STRONG, role: 'officer', unitId: fx.unit[s] }),
  },
  'GET /api/v1/users/{id}': { rule: provincial(inScope), target: 'user' },
  'PATCH /api/v1/users/{id}': { rule: roles([Role.Leader], provincial(inScope)), target: 'user', body: () => ({ fullName: 'Tên đã sửa' }) },
  'GET /api/health': { rule: 'public' },
  'GET /api/health/live': { rule: 'public' },
  'GET /api/health/ready': { rule: 'public' },
  // Installation admins only: the provincial admin of this matrix is refused.
  'GET /api/metrics': { rule: only([]) },
  'POST /api/v1/admin/queue-board/session': { rule: only([]) },
  'POST /api/v1/dispatches/parse-text': { rule: roles([Role.Issuer, Role.Leader]), body: () => ({ text: 'Số: 1/CAT-PA05\nV/v thử' }) },
  'GET /api/v1/dispatches/recipient-units': { rule: roles([Role.Issuer, Role.Leader]) },
  'POST /api/v1/dispatches': {
    rule: roles([Role.Issuer], provincial(inScope)),
    body: (fx, s) =>
      seedDispatchDto(
        { directorUnitId: fx.unit[s], archiveUnitIds: [] },
        { number: 9000 + next(), issuerUnitId: fx.unit[s], recipients: [{ purpose: 'info', unitId: fx.unit[s] }] },
      ),
  },
  'GET /api/v1/dispatches': { rule: all },
  'GET /api/v1/dispatches/{id}': { rule: provincial(inScope), target: 'dispatch' },
  'PATCH /api/v1/dispatches/{id}': {
    rule: roles([Role.Issuer, Role.Leader], provincial(inScope)),
    target: 'dispatch',
    body: () => ({ subject: 'V/v sửa' }),
  },
  'GET /api/v1/dispatches/{id}/recipients/preview': { rule: roles([Role.Issuer, Role.Leader], provincial(inScope)), target: 'dispatch' },
  'POST /api/v1/dispatches/{id}/publish': { rule: roles([Role.Issuer, Role.Leader], provincial(inScope)), target: 'dispatch' },
  'POST /api/v1/dispatches/{id}/close': { rule: roles([Role.Issuer], provincial(inScope)), target: 'dispatch', last: true },
  'POST /api/v1/dispatches/{id}/recipients': {
    rule: roles([Role.Issuer], provincial(inScope)),
    target: 'dispatch',
    body: (fx, s) => ({ recipients: [{ purpose: 'info', unitId: fx.unit[s] }] }),
  },
  'GET /api/v1/dispatches/{id}/deliveries': { rule: roles([Role.Issuer, Role.Leader], provincial(inScope)), target: 'dispatch' },
  'POST /api/v1/dispatches/{id}/deliveries/{deliveryId}/resend': {
    rule: provincialAdminOnly,
    target: 'dispatchDelivery',
  },
  'POST /api/v1/dispatches/{id}/attachments': {
    rule: roles([Role.Issuer], provincial(inScope)),
    target: 'dispatch',
    bodyFirst: true,
  },
  'DELETE /api/v1/dispatches/{id}/attachments/{attachmentId}': {
    rule: roles([Role.Issuer], provincial(inScope)),
    target: 'dispatch',
    unknownChild: true,
  },
  'GET /api/v1/dispatches/{id}/attachments/{attachmentId}': { rule: provincial(inScope), target: 'dispatch', unknownChild: true },
  'GET /api/v1/inbox': { rule: all },
  'GET /api/v1/deliveries/{id}': { rule: provincial(inScope), target: 'delivery' },
  'POST /api/v1/deliveries/{id}/acknowledge': { rule: ownOnly, target: 'delivery', body: () => ({}) },
  'POST /api/v1/deliveries/{id}/proxy-acknowledge': {
    rule: provincial(belowOnly),
    target: 'delivery',
    body: () => ({ receivedBy: 'Nguyễn Văn A', reason: 'Nhận bằng điện thoại' }),
  },
  /** "Nhắc": a unit above the recipient (or the issuing branch), like a proxy acknowledgement. */
  'POST /api/v1/deliveries/{id}/remind': { rule: provincial(belowOnly), target: 'delivery', body: () => ({}) },
  'POST /api/v1/deliveries/{id}/refuse': {
    rule: ownOnly,
    target: 'delivery',
    body: () => ({ reason: 'Không thuộc thẩm quyền' }),
    last: true,
  },
  'POST /api/v1/deliveries/{id}/forward': {
    rule: ownOnly,
    target: 'delivery',
    body: () => ({ targets: [{ group: 'all_commune_committees' }] }),
  },
  'POST /api/v1/deliveries/{id}/complete': { rule: ownOnly, target: 'delivery', body: () => ({}) },
  // Follow-up (issue 12): recall and new versions by the issuing branch; the reminder plan for whoever reads the dispatch.
  'POST /api/v1/dispatches/{id}/recall': {
    rule: roles([Role.Issuer, Role.Leader], provincial(inScope)),
    target: 'dispatch',
    body: () => ({ reason: 'Ban hành nhầm, thu hồi để sửa' }),
    last: true,
  },
  'POST /api/v1/dispatches/{id}/versions': {
    rule: roles([Role.Issuer, Role.Leader], provincial(inScope)),
    target: 'dispatch',
    body: () => ({ kind: 'correction', note: 'Đính chính trích yếu', subject: 'V/v đính chính thử nghiệm' }),
  },
  'GET /api/v1/dispatches/{id}/versions': { rule: roles([Role.Issuer, Role.Leader], provincial(inScope)), target: 'dispatch' },
  'GET /api/v1/dispatches/{id}/reminders': { rule: provincial(inScope), target: 'dispatch' },
  'PUT /api/v1/dispatches/{id}/reminder-rule': {
    rule: roles([Role.Issuer, Role.Leader], provincial(inScope)),
    target: 'dispatch',
    body: () => ({ every: 1 }),
  },
  'GET /api/v1/dispatches/{id}/tree': { rule: roles([Role.Issuer, Role.Leader], provincial(inScope)), target: 'dispatch' },
  'POST /api/v1/dispatches/{id}/deliveries/{deliveryId}/readdress': {
    rule: provincialAdminOnly,
    target: 'dispatchDelivery',
    body: (fx) => ({ unitId: fx.unit.own }),
  },
  'GET /api/v1/ack-links/{token}/workspace': { rule: 'public' },
  'POST /api/v1/ack-links/{token}/forward': { rule: 'public' },
  'GET /api/v1/ack-links/{token}': { rule: 'public' },
  'POST /api/v1/ack-links/{token}/acknowledge': { rule: 'public' },
  'POST /api/v1/ack-links/{token}/refuse': { rule: 'public' },
  'POST /api/v1/ack-links/{token}/account': { rule: 'public' },
  'GET /api/v1/ack-links/{token}/attachments/{attachmentId}': { rule: 'public' },
  'GET /api/v1/audit': { rule: roles([Role.Issuer, Role.Leader], provincial(inScope)), query: (fx, s) => ({ dispatchId: fx.dispatch[s] }) },
  'GET /api/v1/dispatches/{id}/report': { rule: provincial(inScope), target: 'dispatch' },
  'GET /api/v1/reports/dashboard': { rule: all },
  'GET /api/v1/reports/units/{unitId}/scorecard': {
    rule: provincial(inScope),
    target: 'unit',
    query: () => ({ from: '2023-01-01', to: '2099-12-31' }),
  },
  'POST /api/v1/dispatches/{id}/chase': { rule: roles([Role.Issuer, Role.Leader], provincial(inScope)), target: 'dispatch' },
  'POST /api/v1/dispatches/{id}/report/exports': { rule: provincial(inScope), target: 'dispatch', body: () => ({ format: 'csv' }) },
  'GET /api/v1/report-exports/{id}': { rule: all, unknownChild: true },
  'GET /api/v1/report-exports/{id}/download': { rule: all, unknownChild: true },
  'POST /api/v1/deliveries/{deliveryId}/activities': { rule: ownOnly, target: 'delivery', bodyFirst: true },
  'GET /api/v1/deliveries/{deliveryId}/activities': { rule: provincial(inScope), target: 'delivery' },
  'GET /api/v1/activities/{id}': { rule: all, unknownChild: true },
  'PATCH /api/v1/activities/{id}': { rule: all, unknownChild: true, bodyFirst: true },
  'POST /api/v1/activities/{id}/withdraw': { rule: all, unknownChild: true, bodyFirst: true },
  'GET /api/v1/activities/{id}/history': { rule: all, unknownChild: true },
  'POST /api/v1/activities/{id}/evidence': { rule: all, unknownChild: true, bodyFirst: true },
  'GET /api/v1/activities/{id}/evidence/{evidenceId}': { rule: all, unknownChild: true },
  'POST /api/v1/ack-links/{token}/activities': { rule: 'public' },
  'POST /api/v1/ack-links/{token}/activities/{id}/evidence': { rule: 'public' },
  'GET /api/v1/ack-links/{token}/activities/{id}/evidence/{evidenceId}': { rule: 'public' },
  'GET /api/v1/calendar/working-days': { rule: all, query: () => ({ from: '2025-01-01', to: '2025-01-31' }) },
  'GET /api/v1/calendar/exceptions': { rule: all },
  'POST /api/v1/calendar/exceptions': {
    rule: only([Role.Admin]),
    body: () => ({ day: '2030-01-02', working: false, reason: 'Nghỉ bù thử nghiệm' }),
  },
  'DELETE /api/v1/calendar/exceptions/{day}': { rule: only([Role.Admin]), unknownChild: true },
  'POST /api/v1/admin/provinces/onboard': { rule: only([]), bodyFirst: true },
};

describe('Authorization matrix: every route × role × scope', () => {
  let t: TestApp;
  let routes: RouteInfo[];
  const actors = {} as Record<Role, SignedIn>;
  let fx: Fixtures;

  beforeAll(async () => {
    t = await createTestApp();
    await seedNamDinh(t);
    routes = routesOf(openApiOf(t.app));
    // A second province, made by an installation admin (on the system unit, outside any province).
    await t.app.get(SeedService).ensureAdmin('root@test.local', STRONG);
    const installAdmin = await signIn(t, Role.Admin, 'HE-THONG');
    await t
      .http()
      .post('/api/v1/units')
      .set(installAdmin.auth)
      .send({ code: 'UBND-99', name: 'UBND tỉnh Thử Nghiệm', type: UnitType.PeoplesCommittee, level: UnitLevel.Province })
      .expect(201);
    const other = await unitByCode(t, 'UBND-99');
    const own = await unitByCode(t, 'UBND-366');
    const [below] = await t.db.query(`SELECT id FROM units WHERE parent_id = $1 AND type = 'peoples_committee' ORDER BY code LIMIT 1`, [
      own.id,
    ]);
    const sibling = await unitByCode(t, 'UBND-365');
    const unit: Record<Scope, string> = { own: own.id, below: below.id, sibling: sibling.id, otherProvince: other.id };
    const codes = Object.fromEntries(
      await Promise.all(
        SCOPES.map(async (s) => [s, (await t.db.query(`SELECT code FROM units WHERE id = $1`, [unit[s]]))[0].code as string]),
      ),
    ) as Record<Scope, string>;
    for (const role of ROLES) actors[role] = await signIn(t, role, 'UBND-366');
    const user = {} as Record<Scope, string>;
    const dispatch = {} as Record<Scope, string>;
    for (const s of SCOPES) {
      user[s] = (await signIn(t, Role.Officer, codes[s])).user.id;
      const issuer = await signIn(t, Role.Issuer, codes[s]);
      const dto = seedDispatchDto(
        { directorUnitId: unit[s], archiveUnitIds: [] },
        { number: 8000 + SCOPES.indexOf(s), recipients: [{ purpose: 'info', unitId: unit[s] }] },
      );
      const made = await t.http().post('/api/v1/dispatches').set(issuer.auth).send(dto);
      expect(`${s} ${made.status} ${made.body.message ?? ''}`).toBe(`${s} 201 `);
      dispatch[s] = made.body.id;
      await t.http().post(`/api/v1/dispatches/${dispatch[s]}/publish`).set(issuer.auth).expect(200);
    }
    // Deliveries to each scope's unit: the province's PA05 sends to Hải Hậu, its commune and Giao Thủy;
    // the other province's own dispatch reached its own unit.
    const pa05 = await signIn(t, Role.Issuer, 'CA-36-PA05');
    const toNamDinh = seedDispatchDto(
      { directorUnitId: unit.own, archiveUnitIds: [] },
      { number: 8100, recipients: ['own', 'below', 'sibling'].map((s) => ({ purpose: 'action', unitId: unit[s as Scope] })) },
    );
    const pa05Dispatch = (await t.http().post('/api/v1/dispatches').set(pa05.auth).send(toNamDinh).expect(201)).body.id;
    await t.http().post(`/api/v1/dispatches/${pa05Dispatch}/publish`).set(pa05.auth).expect(200);
    const delivery = {} as Record<Scope, string>;
    const deliveryDispatch = {} as Record<Scope, string>;
    for (const s of SCOPES) {
      const d = s === 'otherProvince' ? dispatch.otherProvince : pa05Dispatch;
      deliveryDispatch[s] = d;
      delivery[s] = (await t.db.query(`SELECT id FROM deliveries WHERE dispatch_id = $1 AND unit_id = $2`, [d, unit[s]]))[0].id;
    }
    const parent = {} as Record<Scope, string>;
    for (const s of SCOPES) parent[s] = (await t.db.query(`SELECT parent_id FROM units WHERE id = $1`, [unit[s]]))[0].parent_id;
    fx = { unit, user, dispatch, delivery, deliveryDispatch, parent };
  });
  afterAll(() => t.close());

  it('declares an expected outcome for every route, and no row for a route that is gone', () => {
    const keys = routes.map((r) => r.key);
    expect(keys.filter((k) => !EXPECTED[k])).toEqual([]);
    expect(Object.keys(EXPECTED).filter((k) => !keys.includes(k))).toEqual([]);
  });

  it('refuses every non-public route without a token (401), and answers every public one without 5xx', async () => {
    const wrong: string[] = [];
    for (const r of routes) {
      const row = EXPECTED[r.key];
      if (!row) continue;
      const res = await call(r, row, undefined, 'own');
      const ok = row.rule === 'public' ? res.status < 500 : res.status === 401;
      if (!ok) wrong.push(`${r.key}: ${res.status}`);
    }
    expect(wrong).toEqual([]);
  });

  it('answers every route × role × scope as declared', async () => {
    const ordered = [...routes].sort((a, b) => Number(!!EXPECTED[a.key]?.last) - Number(!!EXPECTED[b.key]?.last));
    const wrong: string[] = [];
    let cases = 0;
    for (const r of ordered) {
      const row = EXPECTED[r.key];
      if (!row || row.rule === 'public') continue;
      const cells = ROLES.flatMap((role) => SCOPES.map((scope) => ({ role, scope })));
      const check = async ({ role, scope }: { role: Role; scope: Scope }) => {
        const expected = (row.rule as Rule)(role, scope);
        const res = await call(r, row, actors[role], scope);
        if (!matches(expected, res.status, row))
          wrong.push(`${r.key} ${role} ${scope}: expected ${expected}, got ${res.status} ${res.body?.message ?? ''}`);
      };
      cases += cells.length;
      // Reads run side by side; writes one at a time, least privileged role first.
      if (r.method === 'get') await Promise.all(cells.map(check));
      else for (const cell of cells) await check(cell);
    }
    console.log(
      `authorization matrix: ${cases} cases (${cases / (ROLES.length * SCOPES.length)} routes × ${ROLES.length} roles × ${SCOPES.length} scopes)`,
    );
    expect(wrong).toEqual([]);
  }, 300_000);

  function matches(expected: Outcome, status: number, row: Row): boolean {
    if (status >= 500 || status === 401) return false;
    if (expected === 'deny') return status === 403 || (!row.unknownChild && status === 404) || (!!row.bodyFirst && status === 400);
    if (status === 403) return false;
    return row.unknownChild || status !== 404;
  }

  function call(r: RouteInfo, row: Row, who: SignedIn | undefined, scope: Scope) {
    const target = row.target ?? 'none';
    const id = target === 'none' ? randomUUID() : target === 'dispatchDelivery' ? fx?.deliveryDispatch[scope] : fx?.[target][scope];
    const path = r.path
      .replace('{id}', id ?? randomUUID())
      .replace('{unitId}', fx?.unit[scope] ?? randomUUID())
      .replace('{deliveryId}', (target === 'dispatchDelivery' || target === 'delivery' ? fx?.delivery[scope] : undefined) ?? randomUUID())
      .replace('{token}', 'not-a-token')
      .replace('{day}', '2030-01-02')
      .replace(/\{[^}]+\}/g, () => randomUUID());
    let req = t.http()[r.method as 'get'](path);
    if (who) req = req.set(who.auth);
    if (row.query && fx) req = req.query(row.query(fx, scope));
    if (r.method !== 'get' && r.method !== 'delete') req = req.send(row.body && fx ? row.body(fx, scope) : {});
    return req;
  }
});
