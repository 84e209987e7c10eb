import { AllExceptionsFilter, createValidationPipe } from '@app/common';
import { type INestApplication, VersioningType } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import { mountQueueBoard } from './queue-board/mount-queue-board.js';
import { serveWeb } from './web-static.js';

/** Everything main.ts and the e2e tests must set up identically. */
export function configureApp(app: INestApplication, options: { docs?: boolean; preview?: boolean } = {}): INestApplication {
  // JSON lines through pino (LOG_LEVEL), Nest's own messages included. A preview app (npm run openapi)
  // instantiates no provider, so it has no logger to take.
  if (!options.preview) app.useLogger(app.get(Logger));
  // /api/v1/... for the API; /api/health and /api/docs are version-neutral.
  app.setGlobalPrefix('api');
  app.enableVersioning({ type: VersioningType.URI, defaultVersion: '1' });
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new AllExceptionsFilter());
  app.enableShutdownHooks();
  // Express middleware, ahead of every Nest route: the global JWT guard never sees the web's files,
  // and nothing under /api is answered by it.
  // Bull Board for admins, before the web app's fallback would answer /admin/queues with the SPA.
  if (!options.preview) mountQueueBoard(app);
  serveWeb(app);
  if (options.docs !== false) SwaggerModule.setup('api/docs', app, SwaggerModule.createDocument(app, apiDocumentConfig()));
  return app;
}

/** The document's header, shared by /api/docs and `npm run openapi` (the committed openapi.json). */
export function apiDocumentConfig() {
  return new DocumentBuilder()
    .setTitle('Theo dõi triển khai công văn')
    .setDescription('API theo dõi việc triển khai công văn qua các cấp: tỉnh → huyện → xã → công an xã')
    .setVersion('1')
    .addBearerAuth()
    .build();
}
