// Plain ESM: Jest loads global setup outside its module system. It migrates with the compiled
// migrations in dist/ (the test script builds first), exactly as the product does.
import pg from 'pg';
import { DataSource } from 'typeorm';
import { loadConfig } from '../../dist/libs/config/src/index.js';
import { dataSourceOptions } from '../../dist/libs/database/src/index.js';

const adminUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** Once per run: a fresh database, migrated, that every e2e file clones as its own database. */
export default async function globalSetup() {
  const runId = `${Date.now().toString(36)}_${process.pid}`;
  const template = `cvt_tpl_${runId}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${template}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${template}`;
  const ds = await new DataSource(dataSourceOptions(loadConfig({ NODE_ENV: 'test', DATABASE_URL: url.toString() }))).initialize();
  await ds.runMigrations({ transaction: 'each' });
  await ds.destroy();
  process.env.CVT_TEST_RUN_ID = runId;
  process.env.CVT_TEST_TEMPLATE_DB = template;
}
