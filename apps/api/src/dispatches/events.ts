/** A dispatch was published: its messages are waiting in the outbox. */
export const DISPATCH_PUBLISHED = 'dispatch.published';
/** Deliveries were added (late recipients, resend, forward): their messages are in the outbox. */
export const DELIVERIES_CREATED = 'deliveries.created';

export interface DeliveriesCreatedEvent {
  dispatchId: string;
  deliveryIds?: string[];
}
/** Mails about a whole dispatch were written to the outbox (recall, new version): queue every pending one. */
export const DISPATCH_MAILS_WRITTEN = 'dispatch.mails-written';
