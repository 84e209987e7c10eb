import { jest } from '@jest/globals';
import { JOBS_BY_QUEUE, JobName, QueueName } from '@app/queue';
import { createTestApp, TestApp } from './support/test-app.js';
import { createTestWorker } from './support/test-worker.js';

// Jest ignores testTimeout set per project: these tests wait on real retries and reconnects.
jest.setTimeout(60_000);

describe('Worker bootstrap', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({ SMTP_URL: 'smtp://127.0.0.1:2' });
  });
  afterAll(() => t?.close());

  it('refuses to start when a job name has no handler, naming it', async () => {
    const jobs = JOBS_BY_QUEUE[QueueName.Mail];
    jobs.push('send-digest' as JobName);
    try {
      await expect(createTestWorker(t.config)).rejects.toThrow(
        'The worker refuses to start: no handler for job "send-digest" on queue "mail"',
      );
    } finally {
      jobs.pop();
    }
  });

  it('refuses to start without SMTP_URL', async () => {
    await expect(createTestWorker(t.config, { SMTP_URL: undefined })).rejects.toThrow(/SMTP_URL is not set/);
  });

  it('starts and stops cleanly when every job has a handler', async () => {
    const worker = await createTestWorker(t.config);
    await worker.close();
  });
});
