import { describe, expect, it } from '@jest/globals';
import { readFile } from 'node:fs/promises';
import { buildOpenApiDocument } from './openapi-document.js';
import { serializeOpenApi } from './serialize.js';

describe('openapi.json', () => {
  it('is the document the api describes today (run `npm run openapi` after changing a route or a DTO)', async () => {
    const committed = await readFile(new URL('../../../../openapi.json', import.meta.url), 'utf8');
    expect(serializeOpenApi(await buildOpenApiDocument())).toBe(committed);
  });
});
