import { JwtService } from '@nestjs/jwt';
import { createHmac, createSecretKey } from 'node:crypto';
import { VerifiedTokens, verifyHs256 } from './access-token.js';

const SECRET = 'a-secret-of-the-test-that-is-long-enough-000000';
const key = createSecretKey(Buffer.from(SECRET));
const jwt = new JwtService({ secret: SECRET });
const now = Math.floor(Date.now() / 1000);
const b64 = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
const signed = (header: unknown, payload: unknown, secret = SECRET) => {
  const head = `${b64(header)}.${b64(payload)}`;
  return `${head}.${createHmac('sha256', secret).update(head).digest('base64url')}`;
};

describe('verifyHs256 (the access-token check of the global guard)', () => {
  it('accepts a token signed by the api (JwtService) and returns its payload', () => {
    const token = jwt.sign({ sub: 'u', ver: 3 }, { expiresIn: '1h' });
    expect(verifyHs256(token, key)).toMatchObject({ sub: 'u', ver: 3 });
  });

  it('refuses another secret, a changed payload, a changed signature and a malformed token', () => {
    const token = jwt.sign({ sub: 'u', ver: 3 }, { expiresIn: '1h' });
    const [h, p, s] = token.split('.');
    expect(verifyHs256(new JwtService({ secret: 'another-secret' }).sign({ sub: 'u', ver: 3 }, { expiresIn: '1h' }), key)).toBeNull();
    expect(verifyHs256(`${h}.${b64({ sub: 'v', ver: 3, exp: now + 60 })}.${s}`, key)).toBeNull();
    expect(verifyHs256(`${h}.${p}.${s.slice(0, -2)}AA`, key)).toBeNull();
    expect(verifyHs256(`${h}.${p}.${s}=`, key)).toBeNull();
    expect(verifyHs256(`${h}.${p}`, key)).toBeNull();
    expect(verifyHs256('not-a-token', key)).toBeNull();
    expect(verifyHs256(`${h}.%%%.${s}`, key)).toBeNull();
  });

  it('refuses any algorithm but HS256, "none" included', () => {
    expect(verifyHs256(signed({ alg: 'HS384', typ: 'JWT' }, { sub: 'u', exp: now + 60 }), key)).toBeNull();
    expect(verifyHs256(`${b64({ alg: 'none' })}.${b64({ sub: 'u', exp: now + 60 })}.`, key)).toBeNull();
    expect(verifyHs256(signed({ alg: 'HS256' }, { sub: 'u', exp: now + 60 }), key)).toMatchObject({ sub: 'u' });
  });

  it('refuses an expired token, one without exp, one not yet valid, and a payload that is not an object', () => {
    expect(verifyHs256(signed({ alg: 'HS256' }, { sub: 'u', exp: now }), key, now)).toBeNull();
    expect(verifyHs256(signed({ alg: 'HS256' }, { sub: 'u', exp: now + 1 }), key, now)).not.toBeNull();
    expect(verifyHs256(signed({ alg: 'HS256' }, { sub: 'u' }), key)).toBeNull();
    expect(verifyHs256(signed({ alg: 'HS256' }, { sub: 'u', exp: String(now + 60) }), key)).toBeNull();
    expect(verifyHs256(signed({ alg: 'HS256' }, { sub: 'u', exp: now + 60, nbf: now + 30 }), key, now)).toBeNull();
    expect(verifyHs256(signed({ alg: 'HS256' }, [1, 2]), key)).toBeNull();
    expect(verifyHs256(signed({ alg: 'HS256' }, 'text'), key)).toBeNull();
  });
});

describe('VerifiedTokens (a token verified once is not verified again while it is current)', () => {
  it('keeps a valid token and answers it without the key, until it expires', () => {
    const tokens = new VerifiedTokens();
    const token = signed({ alg: 'HS256' }, { sub: 'u', ver: 1, exp: now + 60 });
    expect(tokens.verify(token, key, now)).toMatchObject({ sub: 'u' });
    // Served from memory: a wrong key would refuse it if it were verified again.
    expect(tokens.verify(token, createSecretKey(Buffer.from('another-key')), now)).toMatchObject({ sub: 'u' });
    expect(tokens.get(token, now + 59)).toMatchObject({ sub: 'u' });
    expect(tokens.get(token, now + 60)).toBeNull();
    expect(tokens.verify(token, key, now + 60)).toBeNull();
    expect(tokens.size).toBe(0);
  });

  it('keeps nothing for a refused token, and a changed signature is another token, verified anew', () => {
    const tokens = new VerifiedTokens();
    const token = signed({ alg: 'HS256' }, { sub: 'u', exp: now + 60 });
    expect(tokens.verify(token, key, now)).not.toBeNull();
    const [h, p] = token.split('.');
    expect(tokens.verify(`${h}.${p}.${signed({ alg: 'HS256' }, { sub: 'u', exp: now + 60 }, 'x').split('.')[2]}`, key, now)).toBeNull();
    expect(tokens.verify(signed({ alg: 'HS256' }, { sub: 'v', exp: now + 60 }, 'another-secret'), key, now)).toBeNull();
    expect(tokens.size).toBe(1);
  });

  it('is bounded: when full it starts again empty', () => {
    const tokens = new VerifiedTokens();
    for (let i = 0; i <= VerifiedTokens.MAX; i++) tokens.verify(signed({ alg: 'HS256' }, { sub: `u${i}`, exp: now + 60 }), key, now);
    expect(tokens.size).toBe(1);
  });
});
