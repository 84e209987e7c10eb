import { fileURLToPath } from 'node:url';
import path from 'node:path';

/** The GSO lists shipped in data/units (see its README for sources and licences). */
export const DATASETS: Record<string, string> = {
  'nam-dinh-2024-05-01': 'nam-dinh-2024-05-01.csv',
  'nam-dinh-2025-03-01': 'nam-dinh-2025-03-01.csv',
  'nam-dinh-2025-07-01': 'nam-dinh-2025-07-01.csv',
  'vn-2024-05-01': 'vn-admin-units-2024-05-01.csv',
  'vn-2025-03-01': 'vn-admin-units-2025-03-01.csv',
  'vn-2025-07-01': 'vn-admin-units-2025-07-01.csv',
};

/** The successor list of the July 2025 reform (see data/units/README.md). */
export const SUCCESSORS_FILE = 'vn-commune-successors-2025-07-01.csv';

/** The day a shipped dataset's list came into force: `vn-2025-07-01` -> `2025-07-01`. */
export function vintageOf(name: string): string | undefined {
  return /(\d{4}-\d{2}-\d{2})$/.exec(name)?.[1];
}

/** Repository root, found from this file whether it runs from source (jest) or from dist/. */
export function repoRoot(): string {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const parts = here.split(path.sep);
  const cut = parts.lastIndexOf('apps');
  const root = parts.slice(0, cut).join(path.sep);
  return root.endsWith(`${path.sep}dist`) ? path.dirname(root) : root;
}

export function datasetPath(name: string): string {
  return path.join(repoRoot(), 'data', 'units', DATASETS[name]);
}

export function successorsPath(): string {
  return path.join(repoRoot(), 'data', 'units', SUCCESSORS_FILE);
}
