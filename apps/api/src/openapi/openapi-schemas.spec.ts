import { describe, expect, it } from '@jest/globals';
import { readFile } from 'node:fs/promises';

const COMMITTED = new URL('../../../../openapi.json', import.meta.url);

type Schema = { type?: string; additionalProperties?: unknown; properties?: object; items?: Schema; $ref?: string };
type Operation = { responses: Record<string, { content?: Record<string, { schema?: Schema }> }> };
type Document = { paths: Record<string, Record<string, Operation>>; components?: { schemas?: Record<string, Schema> } };

/** `{ type: 'object', additionalProperties: true }` with no field named: a generated client can only type it as a record. */
const isBareObject = (s: Schema | undefined): boolean => !!s && s.type === 'object' && s.additionalProperties === true && !s.properties;

/** The operations ("GET /path") whose 2xx body is a bare object, or an array of them, inline or by reference. */
export function bareObjectOperations(doc: Document): string[] {
  const resolve = (s: Schema | undefined): Schema | undefined => (s?.$ref ? doc.components?.schemas?.[s.$ref.split('/').pop()!] : s);
  const bare = (s: Schema | undefined) => isBareObject(resolve(s)) || isBareObject(resolve(resolve(s)?.items));
  return Object.entries(doc.paths).flatMap(([route, ops]) =>
    Object.entries(ops)
      .filter(([, op]) =>
        Object.entries(op.responses)
          .filter(([code]) => code.startsWith('2'))
          .some(([, r]) => Object.values(r.content ?? {}).some(({ schema }) => bare(schema))),
      )
      .map(([method]) => `${method.toUpperCase()} ${route}`),
  );
}

describe('the response schemas of openapi.json', () => {
  it('name the fields of every 2xx body: no operation answers a bare { type: object }', async () => {
    const doc = JSON.parse(await readFile(COMMITTED, 'utf8')) as Document;
    expect(bareObjectOperations(doc)).toEqual([]);
  });

  it('tells a bare object from a described one, inline or by reference', () => {
    const op = (schema: Schema): Operation => ({ responses: { '200': { content: { 'application/json': { schema } } } } });
    const doc: Document = {
      components: {
        schemas: {
          Bare: { type: 'object', additionalProperties: true },
          UnitDto: { type: 'object', properties: { id: { type: 'string' } } },
        },
      },
      paths: {
        '/bare': { get: op({ type: 'object', additionalProperties: true }) },
        '/bare-list': { get: op({ type: 'array', items: { type: 'object', additionalProperties: true } }) },
        '/bare-ref': { get: op({ $ref: '#/components/schemas/Bare' }) },
        '/bare-ref-list': { get: op({ type: 'array', items: { $ref: '#/components/schemas/Bare' } }) },
        '/dto': { get: op({ $ref: '#/components/schemas/UnitDto' }) },
        '/map': { get: op({ type: 'object', additionalProperties: { type: 'integer' } }) },
      },
    };
    expect(bareObjectOperations(doc)).toEqual(['GET /bare', 'GET /bare-list', 'GET /bare-ref', 'GET /bare-ref-list']);
  });
});
