export * from './embedded-postgres.js';
export * from './leftover-postgres.js';
export * from './local-stack-error.js';
export * from './mail-catcher.js';
export { postgresStagingDir } from './postgres-place.js';
