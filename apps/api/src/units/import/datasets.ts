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
