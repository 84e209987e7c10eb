import { Clock } from '@app/common';
import { AppConfig, loadConfig } from '@app/config';
import type { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { AppModule } from '../../apps/api/src/app.module.js';
import { SeedModule } from '../../apps/api/src/seed/seed.module.js';
import { configureApp } from '../../apps/api/src/configure-app.js';
import { databaseUrl, TEST_ADMIN_DB_URL, TEST_REDIS_URL } from './test-env.js';

export interface TestDatabase {
  name: string;
  url: string;
  drop(): Promise<void>;
}

/** A database of this test file's own, cloned from the run's migrated template. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const template = process.env.CVT_TEST_TEMPLATE_DB;
  const runId = process.env.CVT_TEST_RUN_ID;
  if (!template || !runId) throw new Error('e2e tests need the global setup (run them through jest)');
  const name = `cvt_${runId}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: TEST_ADMIN_DB_URL });
  await admin.connect();
  for (let attempt = 0; ; attempt++) {
    try {
      await admin.query(`CREATE DATABASE ${name} TEMPLATE ${template}`);
      break;
    } catch (e) {
      // Two files cloning the template at the same instant: PostgreSQL refuses one; try again.
      if (attempt > 20 || !/being accessed by other users/.test((e as Error).message)) throw e;
      await new Promise((r) => setTimeout(r, 100 + Math.random() * 200));
    }
  }
  await admin.end();
  return {
    name,
    url: databaseUrl(name),
    drop: async () => {
      const c = new pg.Client({ connectionString: TEST_ADMIN_DB_URL });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

export interface TestApp {
  app: INestApplication;
  config: AppConfig;
  db: DataSource;
  database: TestDatabase;
  http: () => ReturnType<typeof request>;
  close(): Promise<void>;
}

export interface TestAppOptions {
  /** Replaces the Clock everywhere (see test/support/test-clock.ts): time moves without sleeping. */
  clock?: Clock;
  /** A database the test made itself (already migrated), instead of a clone of the run's template. */
  database?: TestDatabase;
}

/** The whole api against real PostgreSQL and Redis, with a database and queue prefix of its own. */
export async function createTestApp(env: Record<string, string | undefined> = {}, options: TestAppOptions = {}): Promise<TestApp> {
  const database = options.database ?? (await createTestDatabase());
  const config = loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: database.url,
    REDIS_URL: TEST_REDIS_URL,
    QUEUE_PREFIX: `test-${database.name}`,
    JWT_SECRET: randomBytes(24).toString('hex'),
    LOGIN_RATE_LIMIT: '1000',
    LOG_LEVEL: 'warn',
    // The worker's metrics/health port: a free one, never a fixed port shared with other runs.
    WORKER_HTTP_PORT: '0',
    // Tests run the follow-up sweep themselves, at the instant they choose (FollowUpRun).
    FOLLOW_UP_SWEEP_INTERVAL_MS: '0',
    // ... and the daily digest (DailyDigestRun): no schedule that would mail the leaders a test makes.
    DIGEST_ENABLED: 'false',
    DATA_DIR: path.join(tmpdir(), database.name),
    ...env,
  });
  // Demo data is not part of the product's AppModule (only the CLI and the local start seed); tests seed through it.
  const builder = Test.createTestingModule({ imports: [AppModule.forRoot(config), SeedModule] });
  if (options.clock) builder.overrideProvider(Clock).useValue(options.clock);
  const moduleRef = await builder.compile();
  const app = configureApp(moduleRef.createNestApplication({ logger: ['error', 'warn'] }));
  await app.init();
  const server = app.getHttpServer();
  return {
    app,
    config,
    db: app.get(DataSource),
    database,
    http: () => request(server),
    close: async () => {
      await app.close();
      await database.drop();
    },
  };
}
