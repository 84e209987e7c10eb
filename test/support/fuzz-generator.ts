import type { OpenAPIObject } from '@nestjs/swagger';
import type { RouteInfo } from './route-catalogue.js';

/**
 * Hostile requests generated from the app's OpenAPI document, deterministically: the same seed gives
 * the same cases in the same order, so a failure seen once is seen again.
 *
 * Each operation starts from a plausible request (every field filled from its schema: example, enum,
 * a real id where the name says it holds one), then one thing is broken at a time: a property gets a
 * value of the wrong type, a huge or negative number, a long string, control/NUL/bidi characters or
 * deep nesting; unknown fields are added; the whole body is replaced; a query parameter or a path
 * parameter is broken the same way.
 */

type Schema = Record<string, unknown> & {
  $ref?: string;
  type?: string;
  enum?: unknown[];
  example?: unknown;
  default?: unknown;
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
  minimum?: number;
  maximum?: number;
  format?: string;
};
type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export interface FuzzCase {
  route: RouteInfo;
  /** What was broken, for the failure message: `body.tasks[0].number ← 2^31`. */
  label: string;
  path: string;
  /** Already encoded, without the `?`. */
  query: string;
  /** A JSON body (serialised by supertest), or a raw string sent as application/json. */
  body?: Json;
  rawJson?: string;
  multipart?: { fields: Record<string, string>; file?: { field: string; name: string; content: Buffer } };
}

/** The real ids the generator puts where a name says an id goes, so requests get past the lookups. */
export interface FuzzIds {
  unitId: string;
  userId: string;
  draftDispatchId: string;
  publishedDispatchId: string;
  deliveryId: string;
  ackToken: string;
}

/** mulberry32: tiny, fast, good enough to pick mutations; deterministic for a given seed. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const nest = (depth: number, leaf: Json, asArray: boolean): Json => {
  let v = leaf;
  for (let i = 0; i < depth; i++) v = asArray ? [v] : { a: v };
  return v;
};

/** The families of breakage the issue names; each case picks one value from one family. */
export const MUTATIONS: Record<string, [string, Json][]> = {
  wrongType: [
    ['number 12345', 12345],
    ['true', true],
    ['null', null],
    ['{}', {}],
    ['[]', []],
    ['["x"]', ['x']],
    ['"abc"', 'abc'],
    ['""', ''],
    ['{"$gt":""}', { $gt: '' }],
  ],
  hugeNumber: [
    ['2^31', 2 ** 31],
    ['2^53+1', 2 ** 53 + 2],
    ['1e20', 1e20],
    ['1e308', 1e308],
    ['"1e20"', '1e20'],
    ['"99999999999999999999999"', '99999999999999999999999'],
    ['1.5', 1.5],
  ],
  negativeNumber: [
    ['-1', -1],
    ['-2^31-1', -(2 ** 31) - 1],
    ['-1e308', -1e308],
    ['"-1"', '-1'],
    ['0', 0],
    ['-0.0001', -0.0001],
  ],
  longString: [
    ['10,000 × "x"', 'x'.repeat(10_000)],
    ['100,000 × "ắ"', 'ắ'.repeat(100_000)],
    ['300 × "Nguyễn "', 'Nguyễn '.repeat(300)],
    ['4,000 × "😀"', '😀'.repeat(4_000)],
  ],
  controlChars: [
    ['NUL', 'a\u0000b'],
    ['only NUL', '\u0000'],
    ['bidi override', 'Nguyễn \u202Enăv'],
    ['bidi isolate', '\u2066x\u2069'],
    ['zero-width only', '\u200B\u200C\u200D\uFEFF'],
    ['CR/LF', 'a\r\nb'],
    ['BEL/ESC', 'a\u0007\u001b[31mb'],
    ['lone surrogate', 'a\uD800b'],
    ['C1 control', 'a\u0085\u009bb'],
    ['SQL', "x'; DROP TABLE users; --"],
    ['%00 text', '%00'],
    ['path traversal', '../../../../etc/passwd'],
  ],
  deepNesting: [
    ['object nested 40 deep', nest(40, 'x', false)],
    ['array nested 40 deep', nest(40, 1, true)],
    ['object nested 2,000 deep', nest(2_000, 1, false)],
    ['10,000-element array', Array.from({ length: 10_000 }, (_, i) => i)],
  ],
};

const PATH_BREAKS: [string, string][] = [
  ['not a uuid', 'not-a-uuid'],
  ['number', '12345'],
  ['huge number', '1e308'],
  ['negative', '-1'],
  ['nil uuid', '00000000-0000-0000-0000-000000000000'],
  ['uuid upper-case random', 'FFFFFFFF-FFFF-4FFF-BFFF-FFFFFFFFFFFF'],
  ['long', 'a'.repeat(5_000)],
  ['NUL', 'a\u0000b'],
  ['bidi', '\u202Eabc'],
  ['encoded slash', 'a/b'],
  ['dot-dot', '..'],
  ['percent', '%'],
];

/** Query forms that are not plain strings: arrays, objects, repeated keys, empty. */
const QUERY_SHAPES: [string, (name: string) => string][] = [
  ['repeated', (n) => `${n}=1&${n}=2`],
  ['array', (n) => `${n}[]=1&${n}[]=2`],
  ['object', (n) => `${n}[a][b]=1`],
  ['empty', (n) => `${n}=`],
  ['bare', (n) => n],
  ['index 1000', (n) => `${n}[1000]=1`],
];

const pick = <T>(rng: () => number, items: readonly T[]): T => items[Math.floor(rng() * items.length)];

export class FuzzGenerator {
  constructor(
    private readonly doc: OpenAPIObject,
    private readonly ids: FuzzIds,
    private readonly rng: () => number,
  ) {}

  /** Every case for one operation, `perFamily` values per family and target. */
  casesFor(route: RouteInfo, perFamily: number): FuzzCase[] {
    const op = route.operation as {
      parameters?: { name: string; in: string; schema?: Schema }[];
      requestBody?: { content: Record<string, { schema: Schema }> };
    };
    const params = op.parameters ?? [];
    const pathParams = params.filter((p) => p.in === 'path');
    const queryParams = params.filter((p) => p.in === 'query');
    const validPath = (overrides: Record<string, string> = {}) =>
      route.path.replace(/\{(\w+)\}/g, (_, name: string) => encodeLoose(overrides[name] ?? this.pathValue(route.path, name)));
    const cases: FuzzCase[] = [];
    const add = (label: string, extra: Partial<FuzzCase> = {}) =>
      cases.push({ route, label, path: extra.path ?? validPath(), query: extra.query ?? '', ...extra });

    const content = op.requestBody?.content ?? {};
    const jsonSchema = content['application/json']?.schema;
    const multipart = content['multipart/form-data']?.schema;
    const base = jsonSchema ? (this.valueFor(this.resolve(jsonSchema), 'body') as Json) : undefined;

    // A plausible request first: most of what follows differs from it in one place.
    add('plausible', { body: base });

    // Path parameters.
    for (const p of pathParams) {
      for (let i = 0; i < perFamily + 1; i++) {
        const [label, value] = pick(this.rng, PATH_BREAKS);
        add(`path.${p.name} ← ${label}`, { path: validPath({ [p.name]: value }), body: base });
      }
    }

    // Query parameters: every family of breakage, and the non-string shapes.
    for (const p of queryParams) {
      for (const [family, values] of Object.entries(MUTATIONS)) {
        if (family === 'deepNesting') continue;
        // Query values are strings whatever was meant: one per family is enough per parameter.
        for (let i = 0; i < Math.ceil(perFamily / 2); i++) {
          const [label, value] = pick(this.rng, values);
          const text = typeof value === 'string' ? value : JSON.stringify(value);
          add(`query.${p.name} ← ${label}`, { query: `${p.name}=${encodeLoose(text)}` });
        }
      }
      const [label, shape] = pick(this.rng, QUERY_SHAPES);
      add(`query.${p.name} ← ${label}`, { query: shape(p.name) });
      add(`query.${p.name} ← nested 30 deep`, { query: `${p.name}${'[a]'.repeat(30)}=1` });
    }
    if (route.method === 'get') add('unknown query field', { query: 'zzz=1&__proto__[x]=1&constructor[prototype][y]=1' });

    if (base !== undefined && typeof base === 'object' && base !== null && !Array.isArray(base)) {
      const targets = leafPaths(base);
      for (const values of Object.values(MUTATIONS)) {
        for (let i = 0; i < perFamily; i++) {
          const target = pick(this.rng, targets);
          const [label, value] = pick(this.rng, values);
          add(`body.${target.join('.')} ← ${label}`, { body: setAt(base, target, value) });
        }
      }
      // null for every top-level field: @IsOptional() lets null through to the service, which
      // found three 500s (users' password, units' name, onboarding lists).
      for (const key of Object.keys(base)) add(`body.${key} ← null (every field)`, { body: { ...base, [key]: null } });
      // Unknown fields, prototype pollution included, at the top and inside nested objects.
      add('body + unknown field', { body: { ...base, zzzUnknown: 1 } });
      add('body + __proto__', { rawJson: JSON.stringify(base).replace(/^\{/, '{"__proto__":{"isAdmin":true},') });
      add('body + constructor.prototype', { body: { ...base, constructor: { prototype: { polluted: true } } } });
      const objects = targets.filter((t) => t.length > 1).map((t) => t.slice(0, -1));
      if (objects.length) {
        const target = pick(this.rng, objects);
        add(`body.${target.join('.')} + unknown field`, { body: setAt(base, [...target, 'zzzUnknown'], 'x') });
      }
      // A required field missing.
      const required = (this.resolve(jsonSchema!).required ?? []) as string[];
      if (required.length) {
        const gone = pick(this.rng, required);
        const rest = { ...(base as Record<string, Json>) };
        delete rest[gone];
        add(`body without ${gone}`, { body: rest });
      }
    }
    if (jsonSchema || route.method !== 'get') {
      // The whole body replaced.
      add('body = []', { body: [] });
      add('body = "text"', { rawJson: '"text"' });
      add('body = 1e400', { rawJson: '1e400' });
      add('body = null', { rawJson: 'null' });
      add('body = broken JSON', { rawJson: '{"a":' });
      add('body nested 5,000 deep', { rawJson: `${'{"a":'.repeat(5_000)}1${'}'.repeat(5_000)}` });
      add('body of 5,000 unknown fields', { body: Object.fromEntries(Array.from({ length: 5_000 }, (_, i) => [`f${i}`, i])) });
    }
    if (multipart) {
      const pdf = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
      add('multipart without a file', { multipart: { fields: { note: 'x' } } });
      add('multipart, wrong file field', { multipart: { fields: {}, file: { field: 'zzz', name: 'a.pdf', content: pdf } } });
      for (const [label, name] of [
        ['file name of 1,000 chars', `${'ắ'.repeat(1_000)}.pdf`],
        ['file name with NUL', 'a\u0000b.pdf'],
        ['file name with bidi', 'a\u202Efdp.exe'],
        ['file name ../', '../../etc/passwd'],
        ['empty file name', ''],
      ] as const) {
        add(`multipart, ${label}`, { multipart: { fields: {}, file: { field: 'file', name: name || 'x', content: pdf } } });
      }
      add('multipart, empty file', { multipart: { fields: {}, file: { field: 'file', name: 'a.pdf', content: Buffer.alloc(0) } } });
      for (const [family, values] of Object.entries(MUTATIONS)) {
        if (family === 'deepNesting') continue;
        const [label, value] = pick(this.rng, values);
        const name = Object.keys(this.resolve(multipart).properties ?? {}).find((k) => k !== 'file') ?? 'note';
        add(`multipart.${name} ← ${label}`, {
          multipart: {
            fields: { [name]: typeof value === 'string' ? value : JSON.stringify(value) },
            file: { field: 'file', name: 'a.pdf', content: pdf },
          },
        });
      }
    }
    return cases;
  }

  private resolve(schema: Schema): Schema {
    if (schema.$ref) {
      const name = schema.$ref.replace('#/components/schemas/', '');
      return this.resolve(this.doc.components!.schemas![name] as Schema);
    }
    return schema;
  }

  /** A plausible value for a schema; `name` (the property) says which real id or date to use. */
  private valueFor(schema: Schema, name: string, depth = 0): Json | undefined {
    const s = this.resolve(schema);
    if (s.example !== undefined) return s.example as Json;
    if (s.enum?.length) return s.enum[0] as Json;
    if (s.default !== undefined) return s.default as Json;
    if (s.type === 'array') return depth > 4 || !s.items ? [] : [this.valueFor(s.items, name, depth + 1) ?? null];
    if (s.type === 'object' || s.properties) {
      if (depth > 4) return {};
      return Object.fromEntries(
        Object.entries(s.properties ?? {})
          .filter(([, p]) => this.resolve(p).format !== 'binary')
          .map(([key, p]) => [key, this.valueFor(p, key, depth + 1) ?? null]),
      );
    }
    if (s.type === 'boolean') return false;
    if (s.type === 'number' || s.type === 'integer') return s.minimum ?? 1;
    if (s.format === 'binary') return undefined;
    return this.stringFor(name);
  }

  private stringFor(name: string): string {
    const n = name.toLowerCase();
    if (n === 'unitid' || n.endsWith('unitid') || n === 'parentid' || n === 'areaid' || n === 'under') return this.ids.unitId;
    if (n.endsWith('userid')) return this.ids.userId;
    if (n === 'dispatchid') return this.ids.publishedDispatchId;
    if (n.endsWith('id')) return '6f1b5a0e-3c1d-4f7a-9b2e-1d2c3b4a5f60';
    if (n.endsWith('at') || n === 'from' || n === 'to' || n.endsWith('date') || n === 'day' || n.endsWith('on')) return '2026-03-02';
    if (n.includes('email')) return 'fuzz@test.local';
    if (n === 'password') return 'Lúa-chiêm-Hải-Hậu-2024!';
    return 'Nội dung thử';
  }

  /** The real resource a path parameter names, by the route it sits in. */
  private pathValue(path: string, name: string): string {
    if (name === 'token') return this.ids.ackToken;
    if (name === 'deliveryId') return this.ids.deliveryId;
    if (name === 'unitId') return this.ids.unitId;
    if (name === 'day') return '2026-09-02';
    if (name !== 'id') return '6f1b5a0e-3c1d-4f7a-9b2e-1d2c3b4a5f60';
    if (path.startsWith('/api/v1/units/')) return this.ids.unitId;
    if (path.startsWith('/api/v1/users/')) return this.ids.userId;
    if (path.startsWith('/api/v1/deliveries/')) return this.ids.deliveryId;
    if (path.startsWith('/api/v1/dispatches/')) {
      const draftOnly = /\/attachments|^\/api\/v1\/dispatches\/\{id\}$|\/publish$/.test(path);
      return draftOnly ? this.ids.draftDispatchId : this.ids.publishedDispatchId;
    }
    return '6f1b5a0e-3c1d-4f7a-9b2e-1d2c3b4a5f60';
  }
}

/** encodeURIComponent, except that a lone surrogate goes out as the invalid UTF-8 it would be (%ED%A0%80). */
function encodeLoose(text: string): string {
  return Array.from(text, (ch) => (/^[\uD800-\uDFFF]$/.test(ch) ? '%ED%A0%80' : encodeURIComponent(ch))).join('');
}

/** Paths to every leaf and container below the top of a plausible body (a container can be broken whole). */
function leafPaths(value: Json, prefix: (string | number)[] = []): (string | number)[][] {
  if (value === null || typeof value !== 'object') return prefix.length ? [prefix] : [];
  const entries: [string | number, Json][] = Array.isArray(value) ? value.map((v, i) => [i, v]) : Object.entries(value);
  const own = prefix.length ? [prefix] : [];
  return [...own, ...entries.flatMap(([k, v]) => leafPaths(v, [...prefix, k]))];
}

function setAt(base: Json, target: (string | number)[], value: Json): Json {
  const copy = structuredClone(base) as Record<string | number, Json>;
  let at: Record<string | number, Json> = copy;
  for (const key of target.slice(0, -1)) at = at[key] as Record<string | number, Json>;
  at[target[target.length - 1]] = value;
  return copy as Json;
}
