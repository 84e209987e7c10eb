import { loadConfig } from '@app/config';
import { AckLinkSigner } from './ack-link.signer.js';

describe('AckLinkSigner', () => {
  const signer = new AckLinkSigner(loadConfig({ JWT_SECRET: 'x'.repeat(40), PUBLIC_BASE_URL: 'https://cv.example.vn/' }));
  const id = '0b9f3c1e-2a4d-4c5e-8f60-718293a4b5c6';
  const future = new Date(Date.now() + 86_400_000);

  it('round-trips the delivery id and expiry', () => {
    const token = signer.token(id, future, signer.newNonce());
    const v = signer.verify(token);
    expect(v.deliveryId).toBe(id);
    expect(Math.floor(v.expiresAt.getTime() / 1000)).toBe(Math.floor(future.getTime() / 1000));
    expect(v.tokenHash).toBe(signer.hash(token));
    expect(signer.url(token)).toBe(`https://cv.example.vn/api/v1/ack-links/${token}`);
  });

  it('is deterministic for one delivery and nonce, different across nonces', () => {
    const nonce = signer.newNonce();
    expect(signer.token(id, future, nonce)).toBe(signer.token(id, future, nonce));
    expect(signer.token(id, future, nonce)).not.toBe(signer.token(id, future, signer.newNonce()));
  });

  it('refuses a tampered token', () => {
    const token = signer.token(id, future, signer.newNonce());
    const flipped = token[3] === 'A' ? 'B' : 'A';
    expect(() => signer.verify(token.slice(0, 3) + flipped + token.slice(4))).toThrow(/không hợp lệ/);
    expect(() => signer.verify('garbage')).toThrow(/không hợp lệ/);
  });

  it('refuses a token signed with another key', () => {
    const other = new AckLinkSigner(loadConfig({ JWT_SECRET: 'y'.repeat(40) }));
    expect(() => signer.verify(other.token(id, future, other.newNonce()))).toThrow(/không hợp lệ/);
  });

  it('refuses an expired token', () => {
    const token = signer.token(id, new Date(Date.now() - 1000), signer.newNonce());
    expect(() => signer.verify(token)).toThrow(/hết hạn/);
  });
});
