import 'reflect-metadata';
import { ConfigError, loadConfig } from '@app/config';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AppModule } from './app.module.js';
import { configureApp } from './configure-app.js';

async function bootstrap() {
  const config = loadConfig();
  const app = configureApp(await NestFactory.create(AppModule.forRoot(config), { bufferLogs: true }));
  await app.listen(config.PORT);
  Logger.log(`API listening on ${await app.getUrl()}/api/v1 (docs: /api/docs, metrics: /api/metrics)`, 'Bootstrap');
}

bootstrap().catch((e: unknown) => {
  console.error(e instanceof ConfigError ? e.message : e);
  process.exit(1);
});
