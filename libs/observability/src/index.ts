export * from './request-context.js';
export * from './request-id.middleware.js';
export * from './logging.js';
