// Plain TypeScript with no imports from Node or any package: the browser build imports this too.
export * from './values.js';
export * from './labels.vi.js';
export * from './format.vi.js';
export * from './errors.vi.js';
