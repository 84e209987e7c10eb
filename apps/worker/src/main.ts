import 'reflect-metadata';
import { ConfigError, loadConfig } from '@app/config';
import { Logger } from '@nestjs/common';
import { Logger as PinoLogger } from 'nestjs-pino';
import { NestFactory } from '@nestjs/core';
import { MissingJobHandlerError } from './jobs/job-coverage.js';
import { WorkerModule } from './worker.module.js';

/** The queue worker: its own Nest application, no HTTP. Stops cleanly on SIGTERM / SIGINT. */
async function bootstrap() {
  const config = loadConfig();
  // abortOnError off: a bootstrap failure reaches the catch below and its message is printed.
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), {
    abortOnError: false,
    bufferLogs: true,
  });
  app.useLogger(app.get(PinoLogger));
  // SIGTERM: stop taking jobs, let running ones finish (JobWorkers), then close the connections.
  app.enableShutdownHooks();
  Logger.log(`Worker started (queues on ${config.usesRedis ? 'Redis' : 'PostgreSQL'})`, 'Worker');
}

bootstrap().catch((e: unknown) => {
  console.error(e instanceof ConfigError || e instanceof MissingJobHandlerError ? e.message : e);
  process.exit(1);
});
