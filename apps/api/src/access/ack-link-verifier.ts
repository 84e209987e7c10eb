import { AckLinkSigner, DomainException, ErrorCode } from '@app/common';
import { DeliveryRepository } from '@app/rollout';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { timingSafeEqual } from 'node:crypto';
import { DataSource } from 'typeorm';

/**
 * Who may act through a signed e-mail link: the link's signature and expiry, and its hash against
 * the one stored on the delivery (a replaced link is refused). Provided once, by the global
 * AccessModule, for the link page (deliveries) and the link's own reporting (activities).
 */
@Injectable()
export class AckLinkVerifier {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly signer: AckLinkSigner,
    private readonly deliveries: DeliveryRepository,
  ) {}

  /** Verifies signature, expiry and the stored hash; returns the delivery and its dispatch. */
  async verify(token: string): Promise<{ deliveryId: string; dispatchId: string }> {
    const link = this.signer.verify(token);
    const row = await this.deliveries.linkOf(this.db, link.deliveryId);
    if (!row || !timingSafeEqual(Buffer.from(row.linkTokenHash), Buffer.from(link.tokenHash))) {
      throw new DomainException(
        ErrorCode.Gone,
        'Liên kết xác nhận này không còn hiệu lực (đã được thay bằng liên kết mới). Hãy dùng e-mail mới nhất hoặc đăng nhập.',
      );
    }
    return { deliveryId: link.deliveryId, dispatchId: row.dispatchId };
  }
}
