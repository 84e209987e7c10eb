import { outboundMessageId, providerIdFrom, smtpOptions } from './smtp-options.js';

describe('smtpOptions', () => {
  it('uses TLS from the first byte for smtps', () => {
    expect(smtpOptions('smtps://user%40x:p%2Fw@mail.example.vn')).toMatchObject({
      host: 'mail.example.vn',
      port: 465,
      secure: true,
      ignoreTLS: false,
      auth: { user: 'user@x', pass: 'p/w' },
    });
  });

  it('keeps STARTTLS for plain smtp to a remote server, skips it on this machine', () => {
    expect(smtpOptions('smtp://relay.example.vn:587')).toMatchObject({ port: 587, secure: false, ignoreTLS: false, auth: undefined });
    expect(smtpOptions('smtp://127.0.0.1:1025')).toMatchObject({ host: '127.0.0.1', port: 1025, secure: false, ignoreTLS: true });
    expect(smtpOptions('smtp://localhost:2525')).toMatchObject({ ignoreTLS: true });
  });
});

describe('outboundMessageId / providerIdFrom', () => {
  it('derives the Message-ID from the row id and the public host', () => {
    expect(outboundMessageId('6f1d0f7e-51a4-4b43-9a43-0c7c2c0a9e11', 'https://congvan.example.vn:8443/x')).toBe(
      '<msg-6f1d0f7e-51a4-4b43-9a43-0c7c2c0a9e11@congvan.example.vn>',
    );
  });

  it('takes the queue id a server reports, else its whole reply', () => {
    expect(providerIdFrom('250 2.0.0 Ok: queued as 4XyZ12')).toBe('4XyZ12');
    expect(providerIdFrom('250 Ok 0100018b-abc-000000')).toBe('250 Ok 0100018b-abc-000000');
    expect(providerIdFrom(undefined)).toBeNull();
  });
});
