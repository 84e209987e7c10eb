import { describe, expect, it } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

function sources(dir: string): string[] {
  return readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((e) => {
    const rel = path.join(dir, e.name);
    if (e.isDirectory()) return ['node_modules', 'web'].includes(e.name) ? [] : sources(rel);
    return e.name.endsWith('.ts') && !e.name.endsWith('.spec.ts') ? [rel] : [];
  });
}

describe('libs/rollout is the only writer of delivery statuses', () => {
  it('no UPDATE deliveries outside libs/rollout (tests, migrations and benchmarks aside)', () => {
    const offenders = [...sources('apps'), ...sources('libs')]
      .filter((file) => !file.startsWith(path.join('libs', 'rollout')))
      .filter((file) => /UPDATE\s+deliveries\b/i.test(readFileSync(path.join(root, file), 'utf8')));
    expect(offenders).toEqual([]);
  });
});
