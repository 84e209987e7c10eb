import { AppConfig } from '@app/config';
import { Injectable } from '@nestjs/common';
import { createHash, createHmac, hkdfSync, randomBytes, timingSafeEqual } from 'node:crypto';
import { DomainException, ErrorCode } from '../errors/domain.exception.js';

export interface VerifiedLink {
  deliveryId: string;
  expiresAt: Date;
  tokenHash: string;
}

const SIG_BYTES = 16;

/**
 * The acknowledgement link of a delivery: `<payload>.<signature>`, where the payload holds the
 * delivery id, the expiry and a random nonce of the delivery, signed with HMAC-SHA256 under a key
 * derived from the server secret. The database keeps only the nonce and the SHA-256 of the token,
 * so a leaked database does not yield working links; the worker re-derives the same token to put
 * in every e-mail of the delivery.
 */
@Injectable()
export class AckLinkSigner {
  private readonly key: Buffer;

  constructor(private readonly config: AppConfig) {
    this.key = Buffer.from(hkdfSync('sha256', config.JWT_SECRET, 'cong-van-tracker', 'ack-link-v1', 32));
  }

  newNonce(): string {
    return randomBytes(16).toString('hex');
  }

  expiryFrom(now: Date): Date {
    // Whole seconds: the token carries seconds, the database must compare equal.
    return new Date(Math.floor(now.getTime() / 1000) * 1000 + this.config.ACK_LINK_TTL_DAYS * 86_400_000);
  }

  token(deliveryId: string, expiresAt: Date, nonce: string): string {
    const payload = Buffer.alloc(36);
    Buffer.from(deliveryId.replace(/-/g, ''), 'hex').copy(payload, 0);
    payload.writeUInt32BE(Math.floor(expiresAt.getTime() / 1000), 16);
    Buffer.from(nonce, 'hex').copy(payload, 20);
    return `${payload.toString('base64url')}.${this.sign(payload).toString('base64url')}`;
  }

  hash(token: string): string {
    return createHash('sha256').update(token).digest('hex');
  }

  url(token: string): string {
    return `${this.config.PUBLIC_BASE_URL.replace(/\/$/, '')}/api/v1/ack-links/${token}`;
  }

  /** Checks signature and expiry; the caller still compares the hash with the delivery's. */
  verify(token: string, now = new Date()): VerifiedLink {
    const [p, s, extra] = token.split('.');
    const payload = p ? Buffer.from(p, 'base64url') : Buffer.alloc(0);
    const sig = s ? Buffer.from(s, 'base64url') : Buffer.alloc(0);
    // Re-encoding must give back the same text: base64 padding bits cannot be flipped unnoticed.
    const canonical = payload.toString('base64url') === p && sig.toString('base64url') === s;
    if (
      extra !== undefined ||
      !canonical ||
      payload.length !== 36 ||
      sig.length !== SIG_BYTES ||
      !timingSafeEqual(sig, this.sign(payload))
    ) {
      throw new DomainException(
        ErrorCode.Invalid,
        'Liên kết xác nhận không hợp lệ (có thể đã bị sửa hoặc chép thiếu). Hãy mở lại liên kết trong e-mail.',
      );
    }
    const hex = payload.subarray(0, 16).toString('hex');
    const deliveryId = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
    const expiresAt = new Date(payload.readUInt32BE(16) * 1000);
    if (expiresAt <= now) {
      throw new DomainException(
        ErrorCode.Gone,
        `Liên kết xác nhận đã hết hạn từ ${expiresAt.toLocaleString('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh' })}. Hãy đăng nhập để xác nhận hoặc đề nghị đơn vị gửi gửi lại.`,
      );
    }
    return { deliveryId, expiresAt, tokenHash: this.hash(token) };
  }

  private sign(payload: Buffer): Buffer {
    return createHmac('sha256', this.key).update(payload).digest().subarray(0, SIG_BYTES);
  }
}
