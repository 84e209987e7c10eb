/**
 * Where the tests find their services. CI and the developers' machines run PostgreSQL and Redis
 * on the standard local ports; TEST_DATABASE_URL / TEST_REDIS_URL point elsewhere.
 */
export const TEST_ADMIN_DB_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
export const TEST_REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

export function databaseUrl(name: string): string {
  const url = new URL(TEST_ADMIN_DB_URL);
  url.pathname = `/${name}`;
  return url.toString();
}
