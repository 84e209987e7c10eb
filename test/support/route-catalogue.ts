import type { INestApplication } from '@nestjs/common';
import { SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { apiDocumentConfig } from '../../apps/api/src/configure-app.js';

export interface RouteInfo {
  /** e.g. `POST /api/v1/units/{id}/move` */
  key: string;
  method: string;
  path: string;
  isPublic: boolean;
  operation: OpenAPIObject['paths'][string]['get'];
}

/** The OpenAPI document of a running app: built by Nest from the route metadata (controllers, decorators, DTOs). */
export function openApiOf(app: INestApplication): OpenAPIObject {
  return SwaggerModule.createDocument(app, apiDocumentConfig());
}

/** Every route of the app, from its route metadata. Public routes are those without a bearer requirement. */
export function routesOf(doc: OpenAPIObject): RouteInfo[] {
  return Object.entries(doc.paths).flatMap(([path, item]) =>
    (['get', 'post', 'put', 'patch', 'delete'] as const)
      .filter((m) => item[m])
      .map((m) => ({
        key: `${m.toUpperCase()} ${path}`,
        method: m,
        path,
        isPublic: !(item[m]!.security ?? []).length,
        operation: item[m],
      })),
  );
}
