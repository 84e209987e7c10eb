export * from './follow-up.sql.js';
export * from './follow-up-sweeps.js';
export * from './digest.sql.js';
export * from './leader-digests.js';
