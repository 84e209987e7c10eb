import { runWithRequestId } from '@app/common';
import type { JobName, TracedPayload } from '@app/queue';
import { WorkerHost } from '@nestjs/bullmq';
import { type Job, UnrecoverableError } from 'bullmq';

export type JobHandler = (job: Job) => Promise<unknown>;

/**
 * A queue consumer that says, job name by job name, what it handles. JobWorkers checks these
 * tables against JOBS_BY_QUEUE before any worker starts, so a job name without a handler stops the
 * worker at boot instead of failing jobs at run time.
 */
export abstract class JobProcessor extends WorkerHost {
  protected abstract readonly handlers: Partial<Record<JobName, JobHandler>>;

  /** Jobs in flight at once, when it comes from the configuration (else the @Processor option). */
  concurrency(): number | undefined {
    return undefined;
  }

  handledJobNames(): string[] {
    return Object.keys(this.handlers);
  }

  async process(job: Job): Promise<unknown> {
    const handler = this.handlers[job.name as JobName];
    // Retrying cannot make a handler appear: fail the job at once.
    if (!handler) throw new UnrecoverableError(`No handler for job "${job.name}" on queue "${job.queueName}"`);
    // The job runs in the context of the request that queued it (or of itself), so its log lines
    // and audit rows carry that id.
    const requestId = (job.data as TracedPayload | undefined)?.requestId ?? `job-${job.queueName}-${job.id}`;
    return runWithRequestId(requestId, () => handler(job));
  }
}
