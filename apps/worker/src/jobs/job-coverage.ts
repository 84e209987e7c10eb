export interface RegisteredProcessor {
  queue: string;
  jobs: string[];
}

export class MissingJobHandlerError extends Error {}

/**
 * Throws, naming every gap, unless each job name of each queue has a handler in a processor of
 * that queue. A renamed or newly added job name must not leave jobs waiting for nobody.
 */
export function assertEveryJobHandled(expected: Record<string, readonly string[]>, processors: RegisteredProcessor[]): void {
  const gaps: string[] = [];
  for (const [queue, jobs] of Object.entries(expected)) {
    const handled = new Set(processors.filter((p) => p.queue === queue).flatMap((p) => p.jobs));
    for (const job of jobs) if (!handled.has(job)) gaps.push(`job "${job}" on queue "${queue}"`);
  }
  if (gaps.length > 0) {
    throw new MissingJobHandlerError(
      `The worker refuses to start: no handler for ${gaps.join(', ')}. Add it to the handlers of a JobProcessor for that queue (apps/worker/src).`,
    );
  }
}
