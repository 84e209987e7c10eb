/** A dispatch was published: its messages are waiting in the outbox. */
export const DISPATCH_PUBLISHED = 'dispatch.published';
/** Deliveries were added (late recipients, resend, forward): their messages are in the outbox. */
export const DELIVERIES_CREATED = 'deliveries.created';

export interface DeliveriesCreatedEvent {
  dispatchId: string;
  deliveryIds?: string[];
}
