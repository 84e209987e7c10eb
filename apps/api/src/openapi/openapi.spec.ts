import { describe, expect, it } from '@jest/globals';
import { readFile } from 'node:fs/promises';
import { buildOpenApiDocument } from './openapi-document.js';
import { serializeOpenApi } from './serialize.js';

const COMMITTED = new URL('../../../../openapi.json', import.meta.url);

describe('openapi.json', () => {
  it('is the document the api describes today (run `npm run openapi` after changing a route or a DTO)', async () => {
    const committed = await readFile(COMMITTED, 'utf8');
    expect(serializeOpenApi(await buildOpenApiDocument())).toBe(committed);
  });
});

describe('the committed OpenAPI document', () => {
  it('gives every operation a 2xx response with a schema (a 204 has no body), so a typed client can be generated', async () => {
    type Op = { responses: Record<string, { content?: Record<string, { schema?: unknown }> }> };
    const doc = JSON.parse(await readFile(COMMITTED, 'utf8')) as { paths: Record<string, Record<string, Op>> };
    const untyped = Object.entries(doc.paths).flatMap(([route, ops]) =>
      Object.entries(ops)
        .filter(([, op]) => {
          const ok = Object.entries(op.responses).filter(([code]) => code.startsWith('2'));
          return !ok.some(([code, r]) => code === '204' || Object.values(r.content ?? {}).some((c) => c.schema));
        })
        .map(([method]) => `${method.toUpperCase()} ${route}`),
    );
    expect(untyped).toEqual([]);
  });
});
