// ESLint 10 flat config. typescript-eslint's recommended set (syntax only, fast) plus the one
// type-aware rule the house style insists on: no floating promises (a forgotten await loses errors
// and breaks transactions silently). recommended-type-checked was tried: slow and noisy here.
import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import tseslint from 'typescript-eslint';

// The Node globals the plain JS/ESM files (jest config, jest global setup) use; the `globals`
// package is not installed, and these few are enough.
const nodeGlobals = Object.fromEntries(
  [
    'process',
    'console',
    'URL',
    'URLSearchParams',
    'Buffer',
    'setTimeout',
    'clearTimeout',
    'setInterval',
    'clearInterval',
    'structuredClone',
  ].map((name) => [name, 'readonly']),
);

export default defineConfig(
  globalIgnores(['dist/', 'node_modules/', 'coverage/', '.data/', 'tmp/', 'apps/web/src/api/generated/']),
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    // apps/web (React + TSX) is typed by its own apps/web/tsconfig.json, which the project service finds.
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      // `_name` marks a parameter a signature needs but the body does not (Nest handlers, callbacks).
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    languageOptions: { sourceType: 'module', globals: nodeGlobals },
  },
);
