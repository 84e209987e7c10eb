export * from './queue-names.js';
export * from './queue.module.js';
