import { ExportFormat } from '@app/database';
import { draftingUnit, exportFileName, exportStorageKey, reportSymbol } from './export-naming.js';

describe('export naming', () => {
  it('names the file after the dispatch number and symbol, in ASCII', () => {
    expect(exportFileName(5207, 'CAT-PA05', ExportFormat.Xlsx)).toBe('bao-cao-5207-CAT-PA05.xlsx');
    expect(exportFileName(12, 'QĐ-UBND', ExportFormat.Pdf)).toBe('bao-cao-12-QD-UBND.pdf');
    expect(exportFileName(3, 'KH/CAT PA05', ExportFormat.Csv)).toBe('bao-cao-3-KH-CAT-PA05.csv');
  });

  it('stores one file per export', () => {
    expect(exportStorageKey('0b7e6c2a-1111-4222-8333-444455556666', ExportFormat.Csv)).toBe(
      'exports/0b7e6c2a-1111-4222-8333-444455556666.csv',
    );
  });

  it('gives the report its own type in the symbol and keeps the issuer part', () => {
    expect(reportSymbol('CAT-PA05')).toBe('BC-CAT-PA05');
    expect(reportSymbol('KH-CAT')).toBe('BC-CAT');
    expect(draftingUnit('CAT-PA05')).toBe('PA05');
  });
});
