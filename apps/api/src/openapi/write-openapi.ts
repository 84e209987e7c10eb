import { writeFile } from 'node:fs/promises';
import { buildOpenApiDocument } from './openapi-document.js';
import { serializeOpenApi } from './serialize.js';

/** `npm run openapi`: writes openapi.json at the repository root (or the path given). */
const target = process.argv[2] ?? 'openapi.json';
await writeFile(target, serializeOpenApi(await buildOpenApiDocument()));
console.log(`OpenAPI: ${target}`);
