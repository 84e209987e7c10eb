export * from './queue-names.js';
export * from './queue.module.js';
export * from './mail-outbox.js';
export * from './report-export-queue.js';
