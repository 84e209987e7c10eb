/**
 * How long onboarding takes: `npm run bench:onboard`.
 *
 * Two throwaway databases of its own (created on DATABASE_URL's server, default the local
 * PostgreSQL, dropped at the end), each migrated, with the CLI's Nest context:
 * 1. one province: Nam Định 2024-05-01 seeded as the demo does, then Ninh Bình from the
 *    2025-07-01 list (retiring Nam Định, importing its lineage), then the same again (idempotent);
 * 2. the whole country: every province of the last three-level list (2025-03-01), then every
 *    province of the two-level list (2025-07-01) over it (retiring the three-level structure and
 *    linking 10,166 old communes to their successors), then the same again.
 * The last line on stdout is one JSON object with the figures.
 */
import 'reflect-metadata';
import { ConfigError, loadConfig } from '@app/config';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import os from 'node:os';
import { CliModule } from '../apps/api/src/cli/cli.module.js';
import { OnboardProvinceService, OnboardSummary } from '../apps/api/src/provinces/onboarding/onboard-province.service.js';
import { SeedService } from '../apps/api/src/seed/seed.service.js';
import { DEFAULT_SERVER_URL, throwawayDatabase } from './support/bench-db.js';

const progress = (message: string) => console.error(`[bench:onboard] ${message}`);

interface Timed {
  ms: number;
  areas: number;
  bodies: number;
  created: number;
  retired: number;
  links: number;
}

async function timed(label: string, run: () => Promise<OnboardSummary>): Promise<Timed> {
  progress(`${label}...`);
  const started = performance.now();
  const s = await run();
  const ms = Math.round(performance.now() - started);
  const result = {
    ms,
    areas: s.areas.total,
    bodies: s.bodies.total,
    created: s.areas.created + s.bodies.created,
    retired: s.retired.areas + s.retired.bodies,
    links: s.lineage?.created ?? 0,
  };
  progress(`${label}: ${ms} ms ${JSON.stringify({ ...result, byLevel: s.areas.byLevel, lineage: s.lineage })}`);
  return result;
}

async function withContext<T>(serverUrl: string, name: string, run: (app: Awaited<ReturnType<typeof boot>>) => Promise<T>): Promise<T> {
  const db = await throwawayDatabase(serverUrl, name);
  try {
    const app = await boot(db.url);
    try {
      return await run(app);
    } finally {
      await app.close();
    }
  } finally {
    await db.drop();
  }
}

async function boot(url: string) {
  const config = loadConfig();
  config.DATABASE_URL = url;
  return NestFactory.createApplicationContext(CliModule.forRoot(config), { logger: ['error', 'warn'] });
}

async function main(): Promise<void> {
  const serverUrl = loadConfig().DATABASE_URL ?? DEFAULT_SERVER_URL;
  progress(`${os.cpus().length} CPU(s), Node ${process.version}; throwaway databases on ${new URL(serverUrl).host}`);

  const province = await withContext(serverUrl, 'cvt_bench_onboard_one', async (app) => {
    await app.get(SeedService).seedNamDinh();
    const onboarding = app.get(OnboardProvinceService);
    const first = await timed('Ninh Bình 2025-07-01 over Nam Định 2024 (first)', () =>
      onboarding.onboard({ dataset: 'vn-2025-07-01', provinceCode: '37', emailDomain: 'ninhbinh.example' }),
    );
    const again = await timed('Ninh Bình again (nothing to change)', () =>
      onboarding.onboard({ dataset: 'vn-2025-07-01', provinceCode: '37' }),
    );
    if (again.created !== 0 || again.retired !== 0) throw new Error(`second onboarding was not idempotent: ${JSON.stringify(again)}`);
    return { first, again };
  });

  const country = await withContext(serverUrl, 'cvt_bench_onboard_all', async (app) => {
    const onboarding = app.get(OnboardProvinceService);
    const threeLevels = await timed('whole country, three levels (2025-03-01)', () =>
      onboarding.onboard({ dataset: 'vn-2025-03-01', provinceCode: 'all' }),
    );
    const twoLevels = await timed('whole country, two levels (2025-07-01) over it', () =>
      onboarding.onboard({ dataset: 'vn-2025-07-01', provinceCode: 'all' }),
    );
    const again = await timed('whole country, two levels again (nothing to change)', () =>
      onboarding.onboard({ dataset: 'vn-2025-07-01', provinceCode: 'all' }),
    );
    if (again.created !== 0 || again.retired !== 0) throw new Error(`second onboarding was not idempotent: ${JSON.stringify(again)}`);
    return { threeLevels, twoLevels, again };
  });

  console.log(JSON.stringify({ province, country }));
}

main().catch((e: unknown) => {
  new Logger('bench:onboard').error(e instanceof ConfigError ? e.message : e instanceof Error ? (e.stack ?? e.message) : String(e));
  process.exit(1);
});
