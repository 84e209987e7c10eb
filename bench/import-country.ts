/**
 * How long the whole country's administrative areas take to import: `npm run bench:import`.
 *
 * On a throwaway database of its own (created on DATABASE_URL's server, default the local
 * PostgreSQL, and dropped at the end) it migrates, boots the CLI's Nest context and times
 * UnitImportService.importDataset for: the 2024-05-01 list on an empty table (cold), the same
 * list again (must change nothing), then the 2025-03-01 list over it (a vintage change: mergers
 * rename and move areas). The last line on stdout is one JSON object with the figures.
 */
import 'reflect-metadata';
import { ConfigError, loadConfig } from '@app/config';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import os from 'node:os';
import { CliModule } from '../apps/api/src/cli/cli.module.js';
import type { ImportSummary } from '../apps/api/src/units/import/unit-import.service.js';
import { UnitImportService } from '../apps/api/src/units/import/unit-import.service.js';
import { DEFAULT_SERVER_URL, throwawayDatabase } from './support/bench-db.js';

const COUNTRY = 'vn-2024-05-01';
const NEXT_VINTAGE = 'vn-2025-03-01';

const progress = (message: string) => console.error(`[bench:import] ${message}`);

async function timed(label: string, run: () => Promise<ImportSummary>): Promise<{ ms: number; summary: ImportSummary }> {
  progress(`${label}...`);
  const started = performance.now();
  const summary = await run();
  const ms = Math.round(performance.now() - started);
  const { total, created, updated, unchanged } = summary;
  progress(`${label}: ${ms} ms (${JSON.stringify({ total, created, updated, unchanged, byLevel: summary.byLevel })})`);
  return { ms, summary };
}

async function main(): Promise<void> {
  const config = loadConfig();
  const serverUrl = config.DATABASE_URL ?? DEFAULT_SERVER_URL;
  progress(`${os.cpus().length} CPU(s), Node ${process.version}; throwaway database on ${new URL(serverUrl).host}`);
  const db = await throwawayDatabase(serverUrl, 'cvt_bench_import');
  try {
    config.DATABASE_URL = db.url;
    progress('migrated');

    // Quiet while Nest boots, then let the importer report its progress.
    const app = await NestFactory.createApplicationContext(CliModule.forRoot(config), { logger: ['error', 'warn'] });
    app.useLogger(['log', 'error', 'warn']);
    try {
      const importer = app.get(UnitImportService);
      const first = await timed(`first import of ${COUNTRY} (empty table)`, () => importer.importDataset(COUNTRY));
      const again = await timed(`re-import of ${COUNTRY} (nothing to change)`, () => importer.importDataset(COUNTRY));
      if (again.summary.created !== 0 || again.summary.updated !== 0) {
        throw new Error(`re-import was not idempotent: ${again.summary.created} created, ${again.summary.updated} updated`);
      }
      const vintage = await timed(`${NEXT_VINTAGE} over ${COUNTRY} (vintage change)`, () => importer.importDataset(NEXT_VINTAGE));
      console.log(
        JSON.stringify({
          areas: first.summary.total,
          first_import_ms: first.ms,
          reimport_ms: again.ms,
          vintage_change_ms: vintage.ms,
        }),
      );
    } finally {
      await app.close();
    }
  } finally {
    await db.drop();
    progress('dropped the throwaway database');
  }
}

main().catch((e: unknown) => {
  new Logger('bench:import').error(e instanceof ConfigError ? e.message : e instanceof Error ? (e.stack ?? e.message) : String(e));
  process.exit(1);
});
