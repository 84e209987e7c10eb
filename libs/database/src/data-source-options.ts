import type { AppConfig } from '@app/config';
import type { DataSourceOptions } from 'typeorm';
import { migrations } from '../../../migrations/index.js';
import { entities } from './entities/index.js';

export function dataSourceOptions(config: AppConfig, overrides: Partial<DataSourceOptions> = {}): DataSourceOptions {
  if (!config.DATABASE_URL) throw new Error('DATABASE_URL is not set (the local start sets it after starting the embedded PostgreSQL)');
  return {
    type: 'postgres',
    url: config.DATABASE_URL,
    entities,
    migrations,
    synchronize: false,
    migrationsRun: false,
    uuidExtension: 'pgcrypto',
    // JIT compiles for seconds when the planner over-estimates the reports' recursive CTEs,
    // for queries that run in tens of milliseconds without it.
    extra: { max: 20, application_name: 'cong-van-tracker', options: '-c jit=off' },
    ...overrides,
  } as DataSourceOptions;
}
