/**
 * Folds Vietnamese text for accent-insensitive search: "Hải Hậu" and "hai hau" meet,
 * and "Đ" folds to "d" (NFD does not decompose it).
 */
export function foldVietnamese(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}
