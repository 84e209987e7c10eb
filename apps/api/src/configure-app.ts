import { AllExceptionsFilter, createValidationPipe } from '@app/common';
import { type INestApplication, VersioningType } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';

/** Everything main.ts and the e2e tests must set up identically. */
export function configureApp(app: INestApplication): INestApplication {
  // /api/v1/... for the API; /api/health and /api/docs are version-neutral.
  app.setGlobalPrefix('api');
  app.enableVersioning({ type: VersioningType.URI, defaultVersion: '1' });
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new AllExceptionsFilter());
  app.enableShutdownHooks();
  const doc = new DocumentBuilder()
    .setTitle('Theo dõi triển khai công văn')
    .setDescription('API theo dõi việc triển khai công văn qua các cấp: tỉnh → huyện → xã → công an xã')
    .setVersion('1')
    .addBearerAuth()
    .build();
  SwaggerModule.setup('api/docs', app, SwaggerModule.createDocument(app, doc));
  return app;
}
