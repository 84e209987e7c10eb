export * from './embedded-postgres.js';
export * from './mail-catcher.js';
