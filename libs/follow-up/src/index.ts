export * from './follow-up.sql.js';
export * from './follow-up-sweeps.js';
export * from './digest.sql.js';
export * from './leader-digests.js';
export * from './follow-up-mail.js';
export * from './follow-up-mail.reader.js';
