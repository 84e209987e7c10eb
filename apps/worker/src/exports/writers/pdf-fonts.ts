import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const face = (weight: string, file: string) => require.resolve(`@expo-google-fonts/be-vietnam-pro/${weight}/${file}`);

/**
 * Be Vietnam Pro, embedded whole: a full TTF with every precomposed Vietnamese letter (the
 * @fontsource subsets cover no Vietnamese line whole). Resolved at load, so a missing font stops
 * the worker at boot rather than failing exports one by one.
 */
export const PDF_FONTS = {
  regular: face('400Regular', 'BeVietnamPro_400Regular.ttf'),
  italic: face('400Regular_Italic', 'BeVietnamPro_400Regular_Italic.ttf'),
  bold: face('700Bold', 'BeVietnamPro_700Bold.ttf'),
  boldItalic: face('700Bold_Italic', 'BeVietnamPro_700Bold_Italic.ttf'),
} as const;

export type PdfFont = keyof typeof PDF_FONTS;
