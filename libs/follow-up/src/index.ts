export * from './follow-up.sql.js';
export * from './follow-up-sweeps.js';
