import { assertEveryJobHandled, MissingJobHandlerError } from './job-coverage.js';

describe('assertEveryJobHandled', () => {
  const expected = { mail: ['send-message'], reports: ['build', 'export'] };

  it('passes when every job of every queue has a handler', () => {
    expect(() =>
      assertEveryJobHandled(expected, [
        { queue: 'mail', jobs: ['send-message'] },
        { queue: 'reports', jobs: ['build'] },
        { queue: 'reports', jobs: ['export'] },
      ]),
    ).not.toThrow();
  });

  it('names each missing job and its queue', () => {
    const run = () =>
      assertEveryJobHandled(expected, [
        { queue: 'mail', jobs: ['send-message'] },
        { queue: 'other', jobs: ['export'] },
      ]);
    expect(run).toThrow(MissingJobHandlerError);
    expect(run).toThrow('no handler for job "build" on queue "reports", job "export" on queue "reports"');
  });
});
