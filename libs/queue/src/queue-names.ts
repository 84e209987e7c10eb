/**
 * Queue and job names. They are persisted in Redis / PostgreSQL with every waiting job:
 * renaming one strands the jobs already queued under the old name.
 */
export enum QueueName {
  Mail = 'mail',
}

export enum JobName {
  SendMessage = 'send-message',
}

/** Payloads carry ids only; the worker reloads the rows from PostgreSQL. */
export interface SendMessagePayload {
  messageId: string;
}

/** One job per outbound message: re-enqueueing the same message is harmless. */
export const sendMessageJobId = (messageId: string) => `mail-${messageId}`;

/** Every job name the worker must be able to handle, per queue. */
export const JOBS_BY_QUEUE: Record<QueueName, JobName[]> = {
  [QueueName.Mail]: [JobName.SendMessage],
};
