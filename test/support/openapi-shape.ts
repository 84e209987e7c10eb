import { readFileSync } from 'node:fs';

interface Schema {
  $ref?: string;
  allOf?: Schema[];
  type?: string;
  nullable?: boolean;
  enum?: unknown[];
  properties?: Record<string, Schema>;
  required?: string[];
  additionalProperties?: boolean | Schema;
  items?: Schema;
}

const doc = JSON.parse(readFileSync(new URL('../../openapi.json', import.meta.url), 'utf8')) as {
  components: { schemas: Record<string, Schema> };
};

const named = (name: string): Schema => {
  const schema = doc.components.schemas[name];
  if (!schema) throw new Error(`openapi.json has no schema ${name}`);
  return schema;
};

/** A $ref or an allOf (how a nullable reference is written) as the schema it stands for. */
function resolve(schema: Schema): Schema {
  if (schema.$ref) return { ...resolve(named(schema.$ref.split('/').pop()!)), nullable: schema.nullable };
  if (schema.allOf?.length === 1) return { ...resolve(schema.allOf[0]), nullable: schema.nullable };
  return schema;
}

const KINDS: Record<string, (v: unknown) => boolean> = {
  string: (v) => typeof v === 'string',
  number: (v) => typeof v === 'number',
  integer: (v) => Number.isInteger(v),
  boolean: (v) => typeof v === 'boolean',
  array: (v) => Array.isArray(v),
  object: (v) => typeof v === 'object' && v !== null && !Array.isArray(v),
};

/**
 * Where a response body strays from the schema the committed openapi.json gives it: a key the schema
 * does not list (a field leaking out, such as storageKey), a required key missing, a wrong type or a
 * value outside its enum. Empty when the body is what the document promises a generated client.
 */
export function shapeProblems(value: unknown, schemaOrName: Schema | string, at = '$'): string[] {
  const schema = resolve(typeof schemaOrName === 'string' ? named(schemaOrName) : schemaOrName);
  if (value === null) return schema.nullable ? [] : [`${at} is null`];
  const type = schema.type ?? (schema.properties ? 'object' : undefined);
  if (type && KINDS[type] && !KINDS[type](value)) return [`${at} is not ${type}: ${JSON.stringify(value)}`];
  if (schema.enum && !schema.enum.includes(value)) return [`${at} = ${JSON.stringify(value)} is not one of ${schema.enum.join(', ')}`];
  if (Array.isArray(value)) return schema.items ? value.flatMap((v, i) => shapeProblems(v, schema.items!, `${at}[${i}]`)) : [];
  if (type !== 'object') return [];
  const record = value as Record<string, unknown>;
  const problems: string[] = [];
  for (const key of schema.required ?? []) if (!(key in record)) problems.push(`${at}.${key} is missing`);
  for (const [key, v] of Object.entries(record)) {
    const property = schema.properties?.[key];
    if (property) problems.push(...shapeProblems(v, property, `${at}.${key}`));
    else if (typeof schema.additionalProperties === 'object')
      problems.push(...shapeProblems(v, schema.additionalProperties, `${at}.${key}`));
    else if (schema.additionalProperties !== true) problems.push(`${at}.${key} is not described`);
  }
  return problems;
}

/** The same for one page of items ({ items, total, page, limit }). */
export const pageShapeProblems = (body: unknown, itemSchema: string): string[] =>
  shapeProblems(body, {
    type: 'object',
    required: ['items', 'total', 'page', 'limit'],
    properties: {
      items: { type: 'array', items: { $ref: `#/components/schemas/${itemSchema}` } },
      total: { type: 'integer' },
      page: { type: 'integer' },
      limit: { type: 'integer' },
    },
  });
