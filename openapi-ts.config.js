// The typed client of the api for the web front end (apps/web), generated from the committed
// openapi.json by @hey-api/openapi-ts (it accepts TypeScript 6; openapi-typescript 7 does not).
// `npm run openapi` regenerates both. The output folder is stable: apps/web imports it.
import { defineConfig } from '@hey-api/openapi-ts';

export default defineConfig({
  input: './openapi.json',
  output: { path: './apps/web/src/api/generated' },
  plugins: ['@hey-api/typescript', '@hey-api/sdk', '@hey-api/client-fetch'],
});
