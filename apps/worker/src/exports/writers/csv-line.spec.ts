import { BOM, csvField, csvLine } from './csv-line.js';

describe('CSV fields (RFC 4180)', () => {
  it('quotes only what needs quoting and doubles quotes', () => {
    expect(csvField('UBND xã Hải Đông', 'text')).toBe('UBND xã Hải Đông');
    expect(csvField('Sở, ban, ngành', 'text')).toBe('"Sở, ban, ngành"');
    expect(csvField('Ghi "nhầm"', 'text')).toBe('"Ghi ""nhầm"""');
    expect(csvField('dòng 1\ndòng 2', 'text')).toBe('"dòng 1\ndòng 2"');
    expect(csvField(null, 'text')).toBe('');
    expect(csvField(42, 'int')).toBe('42');
  });

  it('writes instants in Vietnam time and calendar dates as dd/mm/yyyy', () => {
    expect(csvField(new Date('2023-10-19T03:05:00Z'), 'datetime')).toBe('19/10/2023 10:05');
    expect(csvField('2023-10-20', 'date')).toBe('20/10/2023');
  });

  it('defuses text a spreadsheet would run as a formula', () => {
    expect(csvField('=HYPERLINK("http://x")', 'text')).toBe(`"'=HYPERLINK(""http://x"")"`);
    expect(csvField('-1', 'text')).toBe("'-1");
  });

  it('ends records with CRLF; the file starts with the UTF-8 BOM', () => {
    expect(csvLine(['a', 'b'])).toBe('a,b\r\n');
    expect(Buffer.from(BOM, 'utf8')).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  });
});
