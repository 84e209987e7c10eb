import { describe as describeError, isPermanentRefusal } from './message-sender.js';

const smtp = (responseCode: number, message: string) => Object.assign(new Error(message), { responseCode, code: 'EENVELOPE' });

describe('isPermanentRefusal', () => {
  it('gives up on a 5xx reply and retries a 4xx, a dropped connection or anything else', () => {
    expect(isPermanentRefusal(smtp(550, 'Mailbox unavailable'))).toBe(true);
    expect(isPermanentRefusal(smtp(554, 'Transaction failed'))).toBe(true);
    expect(isPermanentRefusal(smtp(451, 'Try again later'))).toBe(false);
    expect(isPermanentRefusal(smtp(421, 'Closing'))).toBe(false);
    expect(isPermanentRefusal(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }))).toBe(false);
    expect(isPermanentRefusal('550')).toBe(false);
    expect(isPermanentRefusal(null)).toBe(false);
  });

  it('keeps the reason, with its code, for the issuer', () => {
    expect(describeError(smtp(550, "Can't send mail - all recipients were rejected: 550 Mailbox x unavailable"))).toBe(
      "Can't send mail - all recipients were rejected: 550 Mailbox x unavailable (EENVELOPE)",
    );
  });
});
