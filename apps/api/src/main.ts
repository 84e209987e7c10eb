import 'reflect-metadata';
import { ConfigError, loadConfig } from '@app/config';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AppModule } from './app.module.js';
import { configureApp } from './configure-app.js';

async function bootstrap() {
  const config = loadConfig();
  const app = configureApp(await NestFactory.create(AppModule.forRoot(config), { bufferLogs: false }));
  await app.listen(config.PORT);
  Logger.log(`API: ${await app.getUrl()}/api/v1 — tài liệu API: ${await app.getUrl()}/api/docs`, 'Bootstrap');
}

bootstrap().catch((e: unknown) => {
  console.error(e instanceof ConfigError ? e.message : e);
  process.exit(1);
});
