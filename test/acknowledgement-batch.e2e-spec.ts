import { AckMethod, Delivery, Role } from '@app/database';
import { AcknowledgementBatcher, type AckWrite } from '@app/rollout';
import { AcknowledgeDeliveryService } from '../apps/api/src/deliveries/usecases/acknowledge-delivery.service.js';
import { seedNamDinh, signIn, unitByCode } from './support/factories.js';
import { seedDispatchDto } from './support/seed-dispatch.js';
import { createTestApp, TestApp } from './support/test-app.js';

/**
 * Acknowledgements that arrive together share one statement (group commit). Each caller must still
 * get its own answer, exactly one acknowledgement and audit event per delivery, and a statement that
 * fails for one bad input must not take the others down with it.
 */
describe('Acknowledgements in one statement (real PostgreSQL)', () => {
  let t: TestApp;
  let deliveries: Delivery[];

  const write = (deliveryId: string, over: Partial<AckWrite> = {}): AckWrite => ({
    deliveryId,
    method: AckMethod.EmailLink,
    userId: null,
    name: `Văn thư ${deliveryId.slice(0, 8)}`,
    unitId: null,
    proxyReason: null,
    ip: '203.0.113.7',
    userAgent: 'jest',
    requestId: `req-${deliveryId}`,
    ...over,
  });

  beforeAll(async () => {
    t = await createTestApp();
    await seedNamDinh(t);
    const pa05 = await signIn(t, Role.Issuer, 'CA-36-PA05');
    const dto = seedDispatchDto(
      { directorUnitId: (await unitByCode(t, 'CA-36-BGD')).id, archiveUnitIds: [] },
      { ackDueAt: '2099-01-10T17:00:00+07:00', forwardDueAt: '2099-01-12T17:00:00+07:00', reportDueAt: '2099-02-01T17:00:00+07:00' },
    );
    const dispatchId = (await t.http().post('/api/v1/dispatches').set(pa05.auth).send(dto).expect(201)).body.id;
    await t.http().post(`/api/v1/dispatches/${dispatchId}/publish`).set(pa05.auth).expect(200);
    deliveries = await t.db.getRepository(Delivery).find({ where: { dispatchId }, order: { id: 'ASC' } });
    expect(deliveries.length).toBeGreaterThanOrEqual(30);
  });
  afterAll(() => t.close());

  it('answers each of many concurrent callers with its own delivery, sharing statements', async () => {
    const batch = deliveries.slice(0, 20);
    const outcomes = await Promise.all(batch.map((d) => t.app.get(AcknowledgementBatcher).acknowledge(write(d.id), { kind: 'link' })));
    outcomes.forEach((o, i) => expect(o).toMatchObject({ deliveryId: batch[i].id, created: true, byName: write(batch[i].id).name }));
    const rows: { id: string; acknowledged_at: Date; ack_ip: string }[] = await t.db.query(
      `SELECT id, acknowledged_at, ack_ip FROM deliveries WHERE id = ANY($1)`,
      [batch.map((d) => d.id)],
    );
    expect(rows.every((r) => r.acknowledged_at && r.ack_ip === '203.0.113.7')).toBe(true);
    // One statement is one transaction, with one now(): fewer distinct times than acknowledgements.
    expect(new Set(rows.map((r) => r.acknowledged_at.getTime())).size).toBeLessThan(batch.length);
    const audits: { entity_id: string; request_id: string; actor_name: string }[] = await t.db.query(
      `SELECT entity_id, request_id, actor_name FROM audit_events WHERE action = 'delivery.acknowledged' AND entity_id = ANY($1)`,
      [batch.map((d) => d.id)],
    );
    expect(audits).toHaveLength(batch.length);
    for (const a of audits) expect(a).toMatchObject({ request_id: `req-${a.entity_id}`, actor_name: write(a.entity_id).name });
  });

  it('a repeat of a delivery in the same moment is answered with the first acknowledgement, not a second one', async () => {
    const d = deliveries[20];
    const client = { ip: '203.0.113.7', userAgent: 'jest' };
    const outcomes = await Promise.all(
      ['Một', 'Hai', 'Ba'].map((name) => t.app.get(AcknowledgeDeliveryService).byLink(d.id, name, client)),
    );
    expect(outcomes.filter((o) => o.created)).toHaveLength(1);
    expect(new Set(outcomes.map((o) => o.byName)).size).toBe(1);
    const [{ count }] = await t.db.query(`SELECT count(*)::int AS count FROM audit_events WHERE entity_id = $1`, [d.id]);
    expect(count).toBe(1);
  });

  it('a statement that fails for one input fails that input alone; the others are written, nothing else is', async () => {
    const batcher = t.app.get(AcknowledgementBatcher);
    const group = deliveries.slice(21, 26);
    // An address longer than the column holds: PostgreSQL refuses the whole statement it is in.
    const bad = group[3];
    // Calls ahead fill every statement in flight, so the group queues behind them and goes in one statement with others.
    const ahead = deliveries.slice(26, 30).map((d) => batcher.acknowledge(write(d.id), { kind: 'link' }));
    const results = await Promise.allSettled(
      group.map((d) => batcher.acknowledge(write(d.id, d === bad ? { ip: 'x'.repeat(100) } : {}), { kind: 'link' })),
    );
    await Promise.all(ahead);
    results.forEach((r, i) => {
      if (group[i] === bad)
        expect(r).toMatchObject({ status: 'rejected', reason: expect.objectContaining({ message: expect.stringMatching(/too long/) }) });
      else expect(r).toMatchObject({ status: 'fulfilled', value: expect.objectContaining({ created: true }) });
    });
    const [badRow] = await t.db.query(`SELECT acknowledged_at FROM deliveries WHERE id = $1`, [bad.id]);
    expect(badRow.acknowledged_at).toBeNull();
    const [{ count }] = await t.db.query(`SELECT count(*)::int AS count FROM audit_events WHERE entity_id = ANY($1)`, [
      group.map((d) => d.id),
    ]);
    expect(count).toBe(4);
  });

  it('no such delivery: null', async () => {
    const missing = '00000000-0000-4000-8000-000000000000';
    await expect(t.app.get(AcknowledgementBatcher).acknowledge(write(missing), { kind: 'link' })).resolves.toBeNull();
  });
});
