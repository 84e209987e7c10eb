import { getQueueToken } from '@nestjs/bullmq';
import { Role } from '@app/database';
import { QueueName, sendMessageJobId } from '@app/queue';
import type { Queue } from 'bullmq';
import { seedNamDinh, signIn, SignedIn, unitByCode } from './support/factories.js';
import { seedDispatchDto } from './support/seed-dispatch.js';
import { createTestApp, TestApp } from './support/test-app.js';

describe('Request id: from X-Request-Id (or generated) to the response, the queued jobs and the audit rows', () => {
  let t: TestApp;
  let pa05: SignedIn;
  let officer: SignedIn;

  beforeAll(async () => {
    t = await createTestApp();
    await seedNamDinh(t);
    pa05 = await signIn(t, Role.Issuer, 'CA-36-PA05');
    officer = await signIn(t, Role.Officer, 'UBND-366');
  });
  afterAll(() => t.close());

  it('answers with the caller id, or with a fresh UUID when there is none or it is not an id', async () => {
    const given = await t.http().get('/api/v1/auth/me').set(pa05.auth).set('X-Request-Id', 'edge-7f3a9c21b4').expect(200);
    expect(given.headers['x-request-id']).toBe('edge-7f3a9c21b4');
    const none = await t.http().get('/api/v1/auth/me').set(pa05.auth).expect(200);
    expect(none.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    const bad = await t.http().get('/api/v1/auth/me').set(pa05.auth).set('X-Request-Id', 'x y').expect(200);
    expect(bad.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(bad.headers['x-request-id']).not.toBe(none.headers['x-request-id']);
  });

  it('publish: the mail jobs carry the id; acknowledge: the audit row carries it', async () => {
    const haiHau = await unitByCode(t, 'UBND-366');
    const dto = seedDispatchDto(
      { directorUnitId: (await unitByCode(t, 'CA-36-BGD')).id, archiveUnitIds: [] },
      {
        recipients: [{ purpose: 'coordinate', unitId: haiHau.id }],
        ackDueAt: '2099-01-10T17:00:00+07:00',
        forwardDueAt: '2099-01-12T17:00:00+07:00',
        reportDueAt: '2099-02-01T17:00:00+07:00',
      },
    );
    const dispatchId = (await t.http().post('/api/v1/dispatches').set(pa05.auth).send(dto).expect(201)).body.id as string;
    await t.http().post(`/api/v1/dispatches/${dispatchId}/publish`).set(pa05.auth).set('X-Request-Id', 'publish-req-0001').expect(200);

    const [message] = (await t.db.query(`SELECT m.id FROM messages m JOIN deliveries d ON d.id = m.delivery_id WHERE d.dispatch_id = $1`, [
      dispatchId,
    ])) as { id: string }[];
    const queue = t.app.get<Queue>(getQueueToken(QueueName.Mail));
    let job = await queue.getJob(sendMessageJobId(message.id));
    for (let i = 0; !job && i < 50; i++) {
      await new Promise((r) => setTimeout(r, 100));
      job = await queue.getJob(sendMessageJobId(message.id));
    }
    expect(job?.data).toEqual({ messageId: message.id, requestId: 'publish-req-0001' });

    const [delivery] = (await t.db.query(`SELECT id FROM deliveries WHERE dispatch_id = $1`, [dispatchId])) as { id: string }[];
    await t.http().post(`/api/v1/deliveries/${delivery.id}/acknowledge`).set(officer.auth).set('X-Request-Id', 'ack-req-0002').expect(200);
    const audit = (await t.db.query(`SELECT action, request_id FROM audit_events WHERE entity_id = $1 ORDER BY id`, [delivery.id])) as {
      action: string;
      request_id: string | null;
    }[];
    expect(audit.find((e) => e.action === 'delivery.acknowledged')?.request_id).toBe('ack-req-0002');
  });
});
