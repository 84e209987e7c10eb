import 'reflect-metadata';
import { ConfigError, loadConfig } from '@app/config';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { WorkerModule } from './worker.module.js';

/** The queue worker: its own Nest application, no HTTP. Stops cleanly on SIGTERM / SIGINT. */
async function bootstrap() {
  const config = loadConfig();
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config));
  app.enableShutdownHooks();
  await app.init();
  Logger.log(`Worker started (queues on ${config.usesRedis ? 'Redis' : 'PostgreSQL'})`, 'Worker');
}

bootstrap().catch((e: unknown) => {
  console.error(e instanceof ConfigError ? e.message : e);
  process.exit(1);
});
