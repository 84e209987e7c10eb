// Plain data and functions with no Node or database import: the browser may import this too.
export * from './delivery-transitions.js';
export * from './sql-conditions.js';
export * from './leadership-body.js';
export * from './dispatch-transitions.js';
