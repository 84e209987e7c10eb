import { cleanSingleLine, inspectInput, MAX_INPUT_DEPTH, uploadFileName } from './safe-text.js';

describe('safe text', () => {
  it('refuses NUL, controls and bidi overrides anywhere, naming the field', () => {
    expect(inspectInput({ a: { b: ['ok', 'x\u0000y'] } })).toEqual({ field: 'a.b.1', problem: expect.stringMatching(/NUL/) });
    expect(inspectInput({ name: 'Phòng\u202Egnoh' })).toMatchObject({ field: 'name' });
    expect(inspectInput({ body: 'Dòng 1\r\nDòng 2\tcột' })).toBeNull();
    expect(inspectInput({ q: 'Hải Hậu' })).toBeNull();
  });

  it('refuses a lone surrogate (found by the fuzz test: isEmail threw on it) and keeps paired ones (emoji)', () => {
    expect(inspectInput({ email: 'a\uD800b@test.local' })).toMatchObject({ field: 'email' });
    expect(inspectInput({ emails: ['x\uDFFF'] })).toMatchObject({ field: 'emails.0' });
    expect(inspectInput({ note: 'Đã triển khai 😀' })).toBeNull();
  });

  it('refuses nesting deeper than the limit without recursing into it', () => {
    let deep: unknown = 'x';
    for (let i = 0; i < 15_000; i++) deep = [deep];
    expect(inspectInput(deep)).toMatchObject({ problem: expect.stringContaining(`${MAX_INPUT_DEPTH}`) });
  });

  it('strips zero-width characters from names, so a name of only them is empty', () => {
    expect(cleanSingleLine('\u200B\u200C\u200D\uFEFF')).toBe('');
    expect(cleanSingleLine(' Nguye\u0302\u0303n\u200B Văn A ')).toBe('Nguyễn Văn A');
  });

  it('decodes, cleans and truncates upload names to 255 characters keeping the extension', () => {
    const latin1 = (s: string) => Buffer.from(s, 'utf8').toString('latin1');
    expect(uploadFileName(latin1('Công văn 5207.pdf'))).toBe('Công văn 5207.pdf');
    const long = uploadFileName(latin1(`${'ả'.repeat(400)}.docx`));
    expect([...long]).toHaveLength(255);
    expect(long.endsWith('.docx')).toBe(true);
    expect(uploadFileName(latin1('../../etc/passwd\u0000\u202E.pdf'))).toBe('.._.._etc_passwd.pdf');
  });
});
