/**
 * Queue and job names. They are persisted in Redis / PostgreSQL with every waiting job:
 * renaming one strands the jobs already queued under the old name.
 */
export enum QueueName {
  Mail = 'mail',
  Reports = 'reports',
  FollowUp = 'follow-up',
}

export enum JobName {
  SendMessage = 'send-message',
  ExportReport = 'export-report',
  /** Repeatable (job scheduler): reminders and escalations due now, one set-based sweep each. */
  FollowUpSweep = 'follow-up-sweep',
  /** Repeatable (job scheduler): the daily digest of every leader still without one today. */
  DailyDigest = 'daily-digest',
}

/** Every payload may name the HTTP request that queued it, so the worker's logs carry its id. */
export interface TracedPayload {
  requestId?: string;
}

/** Payloads carry ids only; the worker reloads the rows from PostgreSQL. */
export interface SendMessagePayload extends TracedPayload {
  messageId: string;
}

/** One job per outbound message: re-enqueueing the same message is harmless. */
export const sendMessageJobId = (messageId: string) => `mail-${messageId}`;

/** A report_exports row to produce. */
export interface ExportReportPayload extends TracedPayload {
  exportId: string;
}

/** One job per export row: a second enqueue of the same export is ignored by the queue. */
export const exportReportJobId = (exportId: string) => `export-${exportId}`;

/** Every job name the worker must be able to handle, per queue. */
export const JOBS_BY_QUEUE: Record<QueueName, JobName[]> = {
  [QueueName.Mail]: [JobName.SendMessage],
  [QueueName.Reports]: [JobName.ExportReport],
  [QueueName.FollowUp]: [JobName.FollowUpSweep, JobName.DailyDigest],
};

/** Job scheduler ids (persisted with the schedule: renaming one leaves the old schedule running). */
export enum SchedulerId {
  FollowUpSweep = 'follow-up-sweep',
  DailyDigest = 'daily-digest',
}
