import { describe, expect, it } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const src = path.dirname(fileURLToPath(import.meta.url));

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return sources(full);
    return e.name.endsWith('.ts') && !e.name.endsWith('.spec.ts') ? [full] : [];
  });
}

/** The feature folder a file of apps/api/src belongs to (null for the top-level files such as main.ts). */
const folderOf = (file: string): string | null => {
  const [first, ...rest] = path.relative(src, file).split(path.sep);
  return rest.length ? first : null;
};

/** feature folder -> the feature folders its files import (relative imports only; @app/* libraries aside). */
function folderImports(): Map<string, Set<string>> {
  const graph = new Map<string, Set<string>>();
  for (const file of sources(src)) {
    const from = folderOf(file);
    if (!from) continue;
    for (const [, spec] of readFileSync(file, 'utf8').matchAll(/from '(\.{1,2}\/[^']+)'/g)) {
      const to = folderOf(path.resolve(path.dirname(file), spec));
      if (to && to !== from) graph.set(from, (graph.get(from) ?? new Set()).add(to));
    }
  }
  return graph;
}

/**
 * Known and accepted: access/ reads the Actor type of auth/ (who is asking), and auth/ asks AccessService
 * for a provincial admin's province roots at sign-in. Moving Actor out of auth/ ends it; until then it is
 * the one pair allowed, so a new circle still fails.
 */
const ACCEPTED = new Set(['access<->auth']);

describe('apps/api boundaries', () => {
  it('no feature folder imports another that imports it back', () => {
    const graph = folderImports();
    const mutual = [...graph].flatMap(([a, targets]) =>
      [...targets].filter((b) => a < b && graph.get(b)?.has(a)).map((b) => `${a}<->${b}`),
    );
    expect(mutual.filter((pair) => !ACCEPTED.has(pair))).toEqual([]);
  });

  it('demo data (SeedModule) is not part of the product: only the CLI (which the local start runs) imports it', () => {
    const importers = sources(src)
      .filter((file) => folderOf(file) !== 'seed')
      .filter((file) => /seed\/seed\.module\.js'/.test(readFileSync(file, 'utf8')))
      .map((file) => path.relative(src, file));
    expect(importers).toEqual([path.join('cli', 'cli.module.ts')]);
  });

  it('audit reading lives in the audit folder and imports no feature folder but access and auth', () => {
    const audit = [...(folderImports().get('audit') ?? [])].filter((f) => !['access', 'auth', 'openapi'].includes(f));
    expect(audit).toEqual([]);
  });
});
