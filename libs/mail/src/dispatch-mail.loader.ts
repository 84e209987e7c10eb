import { Delivery, Dispatch, DispatchAttachment, DispatchTask, Message } from '@app/database';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { DispatchMailContext } from './dispatch-mail.types.js';

/**
 * Reads what the e-mail of one outbox row shows, from PostgreSQL, inside the caller's transaction
 * (the worker holds the row lock while it renders and sends).
 */
@Injectable()
export class DispatchMailLoader {
  async load(em: EntityManager, messageId: string): Promise<DispatchMailContext | null> {
    const message = await em.findOneBy(Message, { id: messageId });
    if (!message) return null;
    const delivery = await em
      .createQueryBuilder(Delivery, 'd')
      // The nonce is never selected by default: only what renders the link needs it.
      .addSelect('d.linkNonce')
      .innerJoinAndSelect('d.unit', 'u')
      .where('d.id = :id', { id: message.deliveryId })
      .getOneOrFail();
    const dispatch = await em.findOneByOrFail(Dispatch, { id: delivery.dispatchId });
    // One after another: inside a transaction they share one connection, which runs one query at a time.
    const tasks = await em.find(DispatchTask, { where: { dispatchId: dispatch.id }, order: { number: 'ASC' } });
    const attachments = await em.find(DispatchAttachment, {
      where: { dispatchId: dispatch.id },
      order: { createdAt: 'ASC', fileName: 'ASC' },
    });
    const issuerName = await this.issuerName(em, dispatch);
    const forwardedByName = await this.forwardedByName(em, delivery.parentDeliveryId);
    return {
      message,
      delivery,
      dispatch,
      tasks,
      attachments,
      recipientName: delivery.unit!.name,
      issuerName,
      forwardedByName,
    };
  }

  /**
   * The issuing body as a reader names it. The header prints it in capitals ("CÔNG AN TỈNH NAM
   * ĐỊNH") and capitals cannot be turned back into Vietnamese sentence case (proper nouns), so we
   * take the name of the issuing unit or of its nearest ancestor whose capitals match the header
   * (PA05 drafts, "Công an tỉnh Nam Định" issues); failing that, the issuing unit's own name.
   */
  private async issuerName(em: EntityManager, dispatch: Dispatch): Promise<string> {
    const chain: { name: string }[] = await em.query(
      `SELECT a.name FROM units i
         JOIN units a ON a.id::text = ANY (string_to_array(rtrim(i.path, '.'), '.'))
        WHERE i.id = $1
        ORDER BY length(a.path) DESC`,
      [dispatch.issuerUnitId],
    );
    const header = normaliseCaps(dispatch.headerIssuer);
    return chain.find((u) => normaliseCaps(u.name) === header)?.name ?? chain[0]?.name ?? dispatch.headerIssuer;
  }

  private async forwardedByName(em: EntityManager, parentDeliveryId: string | null): Promise<string | null> {
    if (!parentDeliveryId) return null;
    const rows: { name: string }[] = await em.query(`SELECT u.name FROM deliveries p JOIN units u ON u.id = p.unit_id WHERE p.id = $1`, [
      parentDeliveryId,
    ]);
    return rows[0]?.name ?? null;
  }
}

function normaliseCaps(text: string): string {
  return text.normalize('NFC').replace(/\s+/g, ' ').trim().toLocaleUpperCase('vi');
}
