import { z } from 'zod';
import { CchcError } from '../errors/CchcError.js';
import { parseWith } from '../errors/fromZod.js';
import { toNum } from '../numeric/decimal.js';
import { readDecimal, TextSchema } from './internal.js';
import { type ParseNumberOptions, ParseNumberOptionsSchema } from './parseNumber.js';

const ParsePercentArgsSchema = z.object({ text: TextSchema, options: ParseNumberOptionsSchema });

/**
 * Reads a percentage written in Vietnamese (default) or English notation into a ratio: `'31,1%'` → 0.311.
 *
 * @remarks
 * The text must end in `%` (a space before it is allowed: `'31,1 %'`); the number before it follows
 * the strict rules of {@link parseNumber}. It is divided by 100 exactly in decimal, then converted to
 * the nearest JS number once.
 *
 * @param text - the text, e.g. `'98,41%'`.
 * @param options - `locale` (default `'vi'`).
 * @returns the ratio (1 for `'100%'`).
 * @throws {@link CchcError} `INVALID_NUMBER_TEXT` (path `['text']`) for text that is not a percentage in
 *   the locale (including a missing `%`); `INVALID_INPUT` when `text` is not a string or the options are bad.
 * @example
 * ```ts
 * import { parsePercent } from 'cchc-index';
 * parsePercent('31,1%');
 * // => 0.311
 * parsePercent('100%');
 * // => 1
 * parsePercent('98.41 %', { locale: 'en' });
 * // => 0.9841
 * ```
 * @category Formatting
 */
export function parsePercent(text: string, options?: ParseNumberOptions): number {
  const { text: t, options: opts } = parseWith(ParsePercentArgsSchema, { text, options });
  const locale = opts?.locale ?? 'vi';
  const match = /^\s*(.*?)\s*%\s*$/su.exec(t);
  if (!match) {
    const example = locale === 'vi' ? '"31,1%"' : '"31.1%"';
    throw new CchcError('INVALID_NUMBER_TEXT', [
      {
        path: ['text'],
        message: `expected a percentage ending in "%" such as ${example}, received ${JSON.stringify(t.length > 40 ? `${t.slice(0, 40)}…` : t)}; use parseNumber for a plain number.`,
      },
    ]);
  }
  return toNum(readDecimal(match[1] ?? '', locale, 'percentage').div(100));
}
