import { describe, expect, it } from '@jest/globals';
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
const SKIPPED_DIRS = new Set(['node_modules', 'dist', 'generated', '.data']);

interface SourceFile {
  path: string;
  text: string;
}

/** A file whose classes @nestjs/swagger may turn into components.schemas: a *.dto.ts, or any file using @ApiProperty. */
const holdsModels = (f: SourceFile) => f.path.endsWith('.dto.ts') || f.text.includes('@ApiProperty');

const CLASS = /^[ \t]*(?:export[ \t]+)?(?:declare[ \t]+)?(?:abstract[ \t]+)?class[ \t]+(\w+)/gm;
const ENUM_NAME = /enumName:\s*'(\w+)'/g;

/**
 * Names that two model classes share, or that a class shares with an enumName, each with the files declaring
 * it. @nestjs/swagger names a schema after the class alone and keeps whichever it meets last, silently:
 * a report DTO once replaced the activities request body this way.
 */
export function clashingModelNames(files: SourceFile[]): string[] {
  const classes = new Map<string, string[]>();
  const enums = new Map<string, Set<string>>();
  for (const f of files.filter(holdsModels)) {
    for (const [, name] of f.text.matchAll(CLASS)) classes.set(name, [...(classes.get(name) ?? []), f.path]);
    for (const [, name] of f.text.matchAll(ENUM_NAME)) enums.set(name, (enums.get(name) ?? new Set()).add(f.path));
  }
  return [
    ...[...classes].filter(([, where]) => where.length > 1).map(([name, where]) => `class ${name}: ${where.join(', ')}`),
    ...[...classes]
      .filter(([name]) => enums.has(name))
      .map(([name, where]) => `class ${name} (${where.join(', ')}) and enumName '${name}' (${[...enums.get(name)!].join(', ')})`),
  ];
}

/** The TypeScript sources of apps/ and libs/, tests and generated code left out. */
async function sources(dir: string): Promise<SourceFile[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(
    entries.map(async (e): Promise<SourceFile[]> => {
      const path = join(dir, e.name);
      if (e.isDirectory()) return SKIPPED_DIRS.has(e.name) ? [] : sources(path);
      if (!e.name.endsWith('.ts') || e.name.endsWith('.spec.ts') || e.name.endsWith('.d.ts')) return [];
      return [{ path: relative(ROOT, path), text: await readFile(path, 'utf8') }];
    }),
  );
  return nested.flat();
}

describe('OpenAPI model names', () => {
  it('are unique across apps/ and libs/: no DTO class can silently replace another in openapi.json', async () => {
    const files = [...(await sources(join(ROOT, 'apps'))), ...(await sources(join(ROOT, 'libs')))];
    // The scan sees the models: an empty one would pass whatever the code holds.
    expect(files.filter(holdsModels).length).toBeGreaterThan(20);
    expect(clashingModelNames(files)).toEqual([]);
  });

  it('names both files of a clash, and a class that an enumName shadows', () => {
    const dto = (name: string) =>
      `import { ApiProperty } from '@nestjs/swagger';\n\nexport class ${name} {\n  @ApiProperty() id!: string;\n}\n`;
    const files: SourceFile[] = [
      { path: 'apps/api/src/activities/dto/activity.dto.ts', text: dto('ReportActivityDto') },
      { path: 'apps/api/src/reports/dto/report-responses.dto.ts', text: `${dto('ReportActivityDto')}class Figures {}\n` },
      { path: 'apps/api/src/units/dto/unit.dto.ts', text: `${dto('UnitDto')}const T = { enum: T, enumName: 'Figures' };\n` },
      // Outside a model file, a class of the same name is not a schema.
      { path: 'apps/api/src/units/units.service.ts', text: 'export class UnitDto {}\n' },
    ];
    expect(clashingModelNames(files)).toEqual([
      'class ReportActivityDto: apps/api/src/activities/dto/activity.dto.ts, apps/api/src/reports/dto/report-responses.dto.ts',
      "class Figures (apps/api/src/reports/dto/report-responses.dto.ts) and enumName 'Figures' (apps/api/src/units/dto/unit.dto.ts)",
    ]);
  });
});
