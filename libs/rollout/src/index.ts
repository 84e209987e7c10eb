export * from './lifecycle/index.js';
export * from './statements/index.js';
