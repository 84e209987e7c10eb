import { Clock } from '@app/common';
import { AppConfig } from '@app/config';
import type { INestApplicationContext } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { WorkerModule } from '../../apps/worker/src/worker.module.js';

export interface TestWorker {
  app: INestApplicationContext;
  close(): Promise<void>;
}

/**
 * The worker application as `npm run start:worker` builds it, on the configuration of a TestApp
 * (same database, same queue prefix, same SMTP listener), with optional overrides. A failed boot
 * is closed before the error is rethrown, so it leaves no worker or timer behind.
 */
export async function createTestWorker(config: AppConfig, overrides: Partial<AppConfig> = {}, clock?: Clock): Promise<TestWorker> {
  const workerConfig = Object.assign(Object.create(AppConfig.prototype) as AppConfig, config, overrides);
  const builder = Test.createTestingModule({ imports: [WorkerModule.forRoot(workerConfig)] });
  if (clock) builder.overrideProvider(Clock).useValue(clock);
  const app = await builder
    .setLogger({ log: () => undefined, error: console.error, warn: () => undefined, debug: () => undefined, verbose: () => undefined })
    .compile();
  try {
    await app.init();
  } catch (e) {
    await app.close();
    throw e;
  }
  return { app, close: () => app.close() };
}
