export * from './errors/domain.exception.js';
export * from './errors/all-exceptions.filter.js';
export * from './errors/validation.js';
export * from './text/search-text.js';
export * from './pagination.js';
export * from './links/ack-link.signer.js';
export * from './files/file-store.js';
export * from './files/content-type.js';
