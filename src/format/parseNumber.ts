import { z } from 'zod';
import { parseWith } from '../errors/fromZod.js';
import { toNum } from '../numeric/decimal.js';
import { type Locale, LocaleSchema, readDecimal, TextSchema } from './internal.js';

/**
 * Options of {@link parseNumber} and {@link parsePercent}.
 * @category Formatting
 */
export interface ParseNumberOptions {
  /** `'vi'` (8.673 and 91,5, the default) or `'en'` (8,673 and 91.5). */
  locale?: Locale;
}

/** @internal */
export const ParseNumberOptionsSchema = z.strictObject({ locale: LocaleSchema.optional() }).optional();
const ParseNumberArgsSchema = z.object({ text: TextSchema, options: ParseNumberOptionsSchema });

/**
 * Reads a number written in Vietnamese (default) or English notation, strictly: `'1.234.567,89'` → 1234567.89.
 *
 * @remarks
 * Surrounding whitespace is ignored. In `vi`, `.` groups thousands (every group after the first has
 * exactly 3 digits) and `,` starts the decimals; in `en` the other way round. Grouping is optional
 * (`'8673'` is accepted). Anything ambiguous or foreign is rejected rather than guessed: letters,
 * inner spaces, two decimal separators, groups not of 3 digits (`'1.23'` in `vi`), the other locale's
 * convention (`'1,234.5'` in `vi`), exponents and `%` (use {@link parsePercent}). The text is read as
 * an exact decimal and converted to the nearest JS number once.
 *
 * @param text - the text, e.g. a cell of a report table.
 * @param options - `locale` (default `'vi'`).
 * @returns the number.
 * @throws {@link CchcError} `INVALID_NUMBER_TEXT` (path `['text']`) for text that is not a number in the
 *   locale; `INVALID_INPUT` when `text` is not a string or the options are bad.
 * @example
 * ```ts
 * import { parseNumber } from 'cchc-index';
 * parseNumber('8.673');
 * // => 8673
 * parseNumber('91,5');
 * // => 91.5
 * parseNumber(' 1.234.567,89 ');
 * // => 1234567.89
 * parseNumber('1,234,567.89', { locale: 'en' });
 * // => 1234567.89
 * parseNumber('-0,5');
 * // => -0.5
 * ```
 * @category Formatting
 */
export function parseNumber(text: string, options?: ParseNumberOptions): number {
  const { text: t, options: opts } = parseWith(ParseNumberArgsSchema, { text, options });
  return toNum(readDecimal(t, opts?.locale ?? 'vi', 'number'));
}
