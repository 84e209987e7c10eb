// SQL of the hot paths, one statement each (see each file). Plain strings and functions.
export * from './acknowledge.sql.js';
export * from './mark-message-sent.sql.js';
