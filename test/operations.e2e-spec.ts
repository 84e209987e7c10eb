import { Role } from '@app/database';
import { MailOutbox } from '@app/queue';
import request from 'supertest';
import { WorkerHttpServer } from '../apps/worker/src/http/worker-http.server.js';
import { insertPublishedOutbox, untilAllSent } from './support/outbox-factory.js';
import { seedNamDinh, signIn, SignedIn } from './support/factories.js';
import { SmtpListener } from './support/smtp-listener.js';
import { createTestApp, TestApp } from './support/test-app.js';
import { createTestWorker, TestWorker } from './support/test-worker.js';

const METRICS_TOKEN = 'scrape-token-0123456789abcdef';

/** One sample of the Prometheus text: the value of `name{labels}` (labels in any order), or undefined. */
function sample(text: string, name: string, labels: Record<string, string> = {}): number | undefined {
  for (const line of text.split('\n')) {
    if (!line.startsWith(`${name}{`) && !line.startsWith(`${name} `)) continue;
    if (!Object.entries(labels).every(([k, v]) => line.includes(`${k}="${v}"`))) continue;
    return Number(line.slice(line.lastIndexOf(' ') + 1));
  }
  return undefined;
}

describe('Operations: metrics, health and the worker endpoint (real PostgreSQL, Redis, SMTP)', () => {
  let t: TestApp;
  let smtp: SmtpListener;
  let worker: TestWorker;
  let admin: SignedIn;
  let issuer: SignedIn;
  let workerUrl: string;

  beforeAll(async () => {
    smtp = await SmtpListener.start();
    t = await createTestApp({ SMTP_URL: smtp.url, METRICS_TOKEN });
    await seedNamDinh(t);
    admin = await signIn(t, Role.Admin, 'HE-THONG');
    issuer = await signIn(t, Role.Issuer, 'CA-36-PA05');
    worker = await createTestWorker(t.config);
    workerUrl = `http://127.0.0.1:${worker.app.get(WorkerHttpServer).port}`;
  });
  afterAll(async () => {
    await worker?.close();
    await t?.close();
    await smtp?.close();
  });

  it('/api/metrics: refused without credentials or for a non-admin, open to METRICS_TOKEN and to admins', async () => {
    await t.http().get('/api/metrics').expect(401);
    await t.http().get('/api/metrics').set('Authorization', 'Bearer wrong-token-0123456789abc').expect(401);
    await t.http().get('/api/metrics').set(issuer.auth).expect(403);
    await t
      .http()
      .get('/api/metrics')
      .set((await signIn(t, Role.Admin, 'CA-36')).auth)
      .expect(403);
    await t.http().get('/api/metrics').set(admin.auth).expect(200);
    const res = await t.http().get('/api/metrics').set('Authorization', `Bearer ${METRICS_TOKEN}`).expect(200);
    expect(res.headers['content-type']).toMatch(/^text\/plain/);
    expect(res.text).toContain('process_cpu_seconds_total');
  });

  it('latency per route pattern, queue depth and age, outbox backlog, mails sent, acknowledgements', async () => {
    // Rows written straight to the outbox and not queued: the backlog the relay would pick up.
    const { messages } = await insertPublishedOutbox(t);
    const messageIds = messages.map((m) => m.id);
    await t.http().get('/api/v1/auth/me').set(admin.auth).expect(200);
    const scrape = async () => (await t.http().get('/api/metrics').set('Authorization', `Bearer ${METRICS_TOKEN}`).expect(200)).text;

    let text = await scrape();
    expect(sample(text, 'cvt_http_request_duration_seconds_count', { route: '/api/v1/auth/me', method: 'GET', status_code: '200' })).toBe(
      1,
    );
    expect(sample(text, 'cvt_outbox_pending_messages')).toBe(messageIds.length);
    expect(sample(text, 'cvt_outbox_oldest_pending_age_seconds')).toBeGreaterThanOrEqual(0);
    expect(sample(text, 'cvt_queue_jobs', { queue: 'mail', state: 'waiting' })).toBe(0);
    expect(sample(text, 'cvt_queue_oldest_waiting_age_seconds', { queue: 'reports' })).toBe(0);

    await t.app.get(MailOutbox).enqueue(messageIds, t.config.mailRetry);
    await untilAllSent(t, messageIds, 30_000);
    text = await scrape();
    expect(sample(text, 'cvt_outbox_pending_messages')).toBe(0);

    const workerMetrics = await request(workerUrl).get('/metrics').set('Authorization', `Bearer ${METRICS_TOKEN}`).expect(200);
    expect(sample(workerMetrics.text, 'cvt_mail_sent_total')).toBe(messageIds.length);
    expect(sample(workerMetrics.text, 'cvt_mail_failed_total')).toBe(0);
    await request(workerUrl).get('/metrics').expect(401);

    const [delivery] = (await t.db.query(`SELECT d.id FROM deliveries d JOIN messages m ON m.delivery_id = d.id WHERE m.id = $1`, [
      messageIds[0],
    ])) as { id: string }[];
    await t
      .http()
      .post(`/api/v1/deliveries/${delivery.id}/proxy-acknowledge`)
      .set(admin.auth)
      .send({ receivedBy: 'Văn thư', reason: 'Gọi điện' });
    text = await scrape();
    const acked = (await t.db.query(`SELECT count(*)::int AS n FROM audit_events WHERE action = 'delivery.acknowledged'`)) as {
      n: number;
    }[];
    expect(acked[0].n).toBe(1);
    expect(sample(text, 'cvt_audit_events_total', { action: 'delivery.acknowledged' })).toBe(1);
  });

  it('health: live, ready (database and queue), SMTP a warning only; the legacy /api/health still answers', async () => {
    const live = await t.http().get('/api/health/live').expect(200);
    expect(live.body.status).toBe('ok');
    const ready = await t.http().get('/api/health/ready').expect(200);
    expect(ready.body).toMatchObject({
      status: 'ok',
      info: { database: { status: 'up' }, queue: { status: 'up', backend: 'redis' }, smtp: { status: 'up', reachable: true } },
    });
    await t.http().get('/api/health').expect(200);

    const workerReady = await request(workerUrl).get('/health/ready').expect(200);
    expect(workerReady.body.info.database.status).toBe('up');
    await request(workerUrl).get('/health/live').expect(200);
  });

  it('ready stays 200 but "degraded" when SMTP is unreachable; 503 when the database is gone', async () => {
    const noSmtp = await createTestApp({ SMTP_URL: 'smtp://127.0.0.1:2' });
    try {
      const res = await noSmtp.http().get('/api/health/ready').expect(200);
      expect(res.body.status).toBe('degraded');
      expect(res.body.details.smtp).toMatchObject({ status: 'degraded', reachable: false });
      await noSmtp.db.destroy();
      const down = await noSmtp.http().get('/api/health/ready').expect(503);
      expect(JSON.stringify(down.body)).toMatch(/database/);
      await noSmtp.http().get('/api/health/live').expect(200);
    } finally {
      await noSmtp.app.close().catch(() => undefined);
      await noSmtp.database.drop();
    }
  });
});
