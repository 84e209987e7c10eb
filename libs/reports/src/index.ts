export * from './sql-fragments.js';
export * from './dispatch-report.types.js';
export * from './dispatch-report.sql.js';
export * from './dispatch-report.query.js';
export * from './dashboard.sql.js';
