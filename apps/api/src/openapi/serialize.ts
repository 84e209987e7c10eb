import type { OpenAPIObject } from '@nestjs/swagger';

/** Stable text for the committed file: two-space JSON and a final newline, as prettier leaves it. */
export function serializeOpenApi(doc: OpenAPIObject): string {
  return `${JSON.stringify(doc, null, 2)}\n`;
}
