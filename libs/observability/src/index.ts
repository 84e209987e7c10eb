export * from './request-id.middleware.js';
export * from './logging.js';
export * from './metrics/metrics.registry.js';
export * from './metrics/metrics.module.js';
export * from './metrics/queue-gauges.js';
export * from './health/readiness.js';
export * from './health/health-probes.module.js';
