/**
 * A failure of the local start that a person can fix: what went wrong and what to do, in
 * Vietnamese then English. The launcher prints the message alone (no stack trace) and exits 1.
 */
export class LocalStackError extends Error {
  constructor(
    readonly vi: string,
    readonly en: string,
  ) {
    super(`${vi}\n${en}`);
    this.name = 'LocalStackError';
  }
}

/** What every "the embedded PostgreSQL cannot run" message ends with. */
export const USE_OWN_DATABASE = {
  vi: 'Cách khắc phục: đặt DATABASE_URL=postgres://user:pass@host:5432/db trỏ tới một PostgreSQL có sẵn rồi chạy lại npm start.',
  en: 'To fix it: set DATABASE_URL=postgres://user:pass@host:5432/db to an existing PostgreSQL and run npm start again.',
};
