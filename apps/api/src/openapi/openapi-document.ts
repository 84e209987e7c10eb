import 'reflect-metadata';
import { loadConfig } from '@app/config';
import { NestFactory } from '@nestjs/core';
import { SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { AppModule } from '../app.module.js';
import { API_DOCUMENT_OPTIONS, apiDocumentConfig, configureApp } from '../configure-app.js';

/**
 * The OpenAPI document of the whole api, built without a database, Redis or SMTP: `preview: true`
 * registers every module and controller but instantiates no provider, so the TypeORM and BullMQ
 * factories that would connect never run.
 */
export async function buildOpenApiDocument(): Promise<OpenAPIObject> {
  const app = await NestFactory.create(AppModule.forRoot(loadConfig({ NODE_ENV: 'test' })), {
    preview: true,
    abortOnError: false,
    logger: false,
  });
  configureApp(app, { docs: false, preview: true });
  const doc = SwaggerModule.createDocument(app, apiDocumentConfig(), API_DOCUMENT_OPTIONS);
  await app.close();
  return doc;
}
