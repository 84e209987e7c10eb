export * from './dispatch-mail.types.js';
export * from './dispatch-mail.renderer.js';
export * from './mail-transport.js';
export * from './smtp-options.js';
export * from './mail.module.js';
export { VI as MAIL_VI } from './vi.js';
export * from './escalation-mail.js';
export * from './digest-mail.js';
