import 'reflect-metadata';
import { type AppConfig, ConfigError, loadConfig } from '@app/config';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AppModule } from './app.module.js';
import { runClustered, workerCount } from './cluster.js';
import { configureApp } from './configure-app.js';

async function bootstrap(config: AppConfig) {
  const app = configureApp(await NestFactory.create(AppModule.forRoot(config), { bufferLogs: true }));
  await app.listen(config.PORT);
  Logger.log(`API listening on ${await app.getUrl()}/api/v1 (docs: /api/docs, metrics: /api/metrics)`, 'Bootstrap');
}

function fail(e: unknown): never {
  console.error(e instanceof ConfigError ? e.message : e);
  process.exit(1);
}

try {
  const config = loadConfig();
  // API_WORKERS > 1: that many processes share the port, so the api uses every core.
  runClustered(workerCount(config.API_WORKERS), () => bootstrap(config)).catch(fail);
} catch (e) {
  fail(e);
}
