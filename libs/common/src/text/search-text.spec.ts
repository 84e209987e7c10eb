import { foldVietnamese } from './search-text.js';

describe('foldVietnamese', () => {
  it('drops tone marks and folds đ', () => {
    expect(foldVietnamese('Huyện Hải Hậu')).toBe('huyen hai hau');
    expect(foldVietnamese('ĐỒNG  Thịnh')).toBe('dong thinh');
  });

  it('treats composed and decomposed input alike', () => {
    expect(foldVietnamese('Ý Yên'.normalize('NFD'))).toBe(foldVietnamese('Ý Yên'.normalize('NFC')));
  });
});
