import { AllExceptionsFilter, createValidationPipe } from '@app/common';
import { AppConfig } from '@app/config';
import { type INestApplication, VersioningType } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import { mountQueueBoard } from './queue-board/mount-queue-board.js';
import { securityHeaders } from './security/security-headers.js';
import { ErrorBodyDto } from './openapi/api-responses.js';
import { serveWeb } from './web-static.js';

/** Everything main.ts and the e2e tests must set up identically. */
export function configureApp(app: INestApplication, options: { docs?: boolean; preview?: boolean } = {}): INestApplication {
  // JSON lines through pino (LOG_LEVEL), Nest's own messages included. A preview app (npm run openapi)
  // instantiates no provider, so it has no logger to take.
  if (!options.preview) app.useLogger(app.get(Logger));
  const express = app as NestExpressApplication;
  express.disable('x-powered-by');
  // Behind the reverse proxy (TRUST_PROXY), req.ip is the client's address from X-Forwarded-For.
  if (!options.preview) express.set('trust proxy', app.get(AppConfig).trustProxy);
  express.use(securityHeaders(options.preview ? 0 : app.get(AppConfig).HSTS_MAX_AGE));
  // Request bodies: JSON up to 1 MB (a dispatch with a long body and many tasks fits many times over);
  // nesting is bounded by the validation pipe (MAX_INPUT_DEPTH). Files go through multer, not here.
  express.useBodyParser('json', { limit: '1mb' });
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
  if (options.docs !== false)
    SwaggerModule.setup('api/docs', app, SwaggerModule.createDocument(app, apiDocumentConfig(), API_DOCUMENT_OPTIONS));
  return app;
}

/** Schemas every operation refers to (the error body). */
export const API_DOCUMENT_OPTIONS = { extraModels: [ErrorBodyDto] };

/** The document's header, shared by /api/docs and `npm run openapi` (the committed openapi.json). */
export function apiDocumentConfig() {
  return (
    new DocumentBuilder()
      .setTitle('Theo dõi triển khai công văn')
      .setDescription('API theo dõi việc triển khai công văn qua các cấp: tỉnh → huyện → xã → công an xã')
      .setVersion('1')
      .addBearerAuth()
      // Every operation may answer with the one error body; its `code` is the catalogued feature code.
      .addGlobalResponse(
        { status: 400, description: 'Dữ liệu không hợp lệ', type: ErrorBodyDto },
        { status: 401, description: 'Chưa đăng nhập', type: ErrorBodyDto },
        { status: 403, description: 'Không có quyền hoặc ngoài phạm vi', type: ErrorBodyDto },
        { status: 404, description: 'Không tìm thấy', type: ErrorBodyDto },
        { status: 409, description: 'Trạng thái không cho phép thao tác (mã lỗi trong code)', type: ErrorBodyDto },
      )
      .build()
  );
}
