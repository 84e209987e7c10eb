import { currentRequestId } from '@app/common';
import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { ExportReportPayload, exportReportJobId, JobName, QueueName } from './queue-names.js';

/** Tries per export: a file that failed three times will fail again; the user asks anew. */
export const EXPORT_ATTEMPTS = 3;

/** An add to an unreachable Redis waits for it (the connection queues commands): bound the wait. */
const ADD_TIMEOUT_MS = 10_000;

/** Hands a report_exports row to the reports queue, by id, under a job id derived from it. */
@Injectable()
export class ReportExportQueue {
  constructor(@InjectQueue(QueueName.Reports) private readonly queue: Queue<ExportReportPayload>) {}

  async enqueue(exportId: string): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`the reports queue did not answer within ${ADD_TIMEOUT_MS} ms`)), ADD_TIMEOUT_MS);
    });
    const add = this.queue.add(
      JobName.ExportReport,
      { exportId, requestId: currentRequestId() },
      {
        jobId: exportReportJobId(exportId),
        attempts: EXPORT_ATTEMPTS,
        backoff: { type: 'exponential', delay: 5_000 },
        removeOnComplete: { age: 24 * 3600, count: 1_000 },
        removeOnFail: { age: 7 * 24 * 3600 },
      },
    );
    try {
      await Promise.race([add, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }
}
