import { Transform } from 'class-transformer';
import { ValidateBy, ValidationOptions } from 'class-validator';

/**
 * What text the API accepts (documented in the README, "Bad input"):
 * - anywhere (every string of a body, query or path): no NUL or other control character except tab,
 *   CR and LF, and no bidirectional embedding, override or isolate (U+202A–U+202E, U+2066–U+2069),
 *   which can make a name read differently from what it is, and no lone UTF-16 surrogate (not text
 *   at all: it cannot be stored as UTF-8, and validator's isEmail threw on it, a 500). Refused with
 *   400 naming the field.
 * - names and identifiers (@SingleLine): additionally no line break or tab (refused), and zero-width
 *   characters (U+200B–U+200D, U+2060, U+FEFF) are stripped before the length checks, so a name made
 *   only of them is refused as empty. Text is NFC-normalised and trimmed.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
export const FORBIDDEN_ANYWHERE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069\uD800-\uDFFF]/u;
const LINE_BREAKS = /[\t\r\n\u2028\u2029]/u;
const ZERO_WIDTH = /[\u200B-\u200D\u2060\uFEFF]/gu;

/** Deepest nesting of arrays and objects a request may have (the deepest DTO needs 4). */
export const MAX_INPUT_DEPTH = 32;

export function cleanSingleLine(value: unknown): unknown {
  return typeof value === 'string' ? value.normalize('NFC').replace(ZERO_WIDTH, '').trim() : value;
}

/** A name or identifier: one line, NFC, trimmed, zero-width characters stripped (see above). */
export function SingleLine(options?: ValidationOptions): PropertyDecorator {
  const transform = Transform(({ value }) => cleanSingleLine(value));
  const validate = ValidateBy(
    {
      name: 'singleLine',
      validator: {
        validate: (value: unknown) => typeof value !== 'string' || (!LINE_BREAKS.test(value) && !FORBIDDEN_ANYWHERE.test(value)),
        defaultMessage: (args) => `${args?.property} phải nằm trên một dòng, không chứa ký tự điều khiển hay ký tự đảo chiều văn bản`,
      },
    },
    options,
  );
  return (target, key) => {
    transform(target, key);
    validate(target, key);
  };
}

export interface InputProblem {
  field: string;
  problem: string;
}

/** The first string with a forbidden character, or nesting too deep, in a request value. */
export function inspectInput(value: unknown, path = '', depth = 0): InputProblem | null {
  if (typeof value === 'string') {
    return FORBIDDEN_ANYWHERE.test(value)
      ? {
          field: path || 'body',
          problem: 'chứa ký tự điều khiển (ví dụ NUL), ký tự đảo chiều văn bản hoặc mã Unicode hỏng: không được phép',
        }
      : null;
  }
  if (typeof value !== 'object' || value === null) return null;
  if (depth >= MAX_INPUT_DEPTH) return { field: path || 'body', problem: `lồng nhau quá ${MAX_INPUT_DEPTH} cấp` };
  const entries: [string, unknown][] = Array.isArray(value) ? value.map((v, i) => [String(i), v]) : Object.entries(value);
  for (const [key, child] of entries) {
    const field = path ? `${path}.${key}` : key;
    if (FORBIDDEN_ANYWHERE.test(key)) return { field, problem: 'tên trường chứa ký tự không được phép' };
    const found = inspectInput(child, field, depth + 1);
    if (found) return found;
  }
  return null;
}

/**
 * An uploaded file's name as stored and shown: multer hands it over as latin1 bytes; decoded, NFC,
 * without control, bidi or zero-width characters or path separators, and cut to `max` characters
 * keeping the extension.
 */
export function uploadFileName(original: string, max = 255): string {
  const name =
    Buffer.from(original, 'latin1')
      .toString('utf8')
      .normalize('NFC')
      .replace(new RegExp(FORBIDDEN_ANYWHERE.source, 'gu'), '')
      .replace(ZERO_WIDTH, '')
      .replace(/[\r\n\t/\\]/g, '_')
      .trim() || 'tep-dinh-kem';
  const chars = [...name];
  if (chars.length <= max) return name;
  const dot = name.lastIndexOf('.');
  const ext = dot > 0 && name.length - dot <= 16 ? [...name.slice(dot)] : [];
  return chars.slice(0, max - ext.length).join('') + ext.join('');
}
