import { z } from 'zod';
import { parseWith } from '../errors/fromZod.js';
import { toNum } from '../numeric/decimal.js';
import type { NumberLocale } from './formatNumber.js';
import { LocaleSchema, readDecimal, TextSchema } from './internal.js';

/**
 * Options of {@link parseNumber}.
 * @category Formatting
 */
export interface ParseNumberOptions {
  /** `'vi'` (8.673 and 91,5, the default) or `'en'` (8,673 and 91.5). Never guessed from the text. */
  locale?: NumberLocale;
  /**
   * Also accept a space as the thousands separator, in place of the locale's: a normal space, a
   * no-break space (U+00A0) or a narrow no-break space (U+202F), as in `'8 673'` or
   * `'1 234 567,89'` (the style of ISO 80000 and of some spreadsheet exports). The groups must still
   * be of 3 digits, and one number may not mix spaces with `.`/`,` groups. Default `false`: a space
   * inside a number is an error, since it often means two figures run together (`'91,5 63'`).
   */
  allowSpaceGrouping?: boolean;
}

/** @internal */
export const ParseNumberOptionsShape = {
  locale: LocaleSchema.optional(),
  allowSpaceGrouping: z.boolean().optional(),
};

const ParseNumberArgsSchema = z.object({
  text: TextSchema,
  options: z.strictObject(ParseNumberOptionsShape).optional(),
});

/**
 * Reads a number written in Vietnamese (default) or English notation, strictly: `'1.234.567,89'` → 1234567.89.
 *
 * @remarks
 * In `vi`, `.` groups thousands and `,` starts the decimals ("8.673", "91,5", DOMAIN.md); in `en` the
 * other way round. Grouping is optional (`'8673'` is read), but when present every group after the
 * first has exactly 3 digits and the first has 1 to 3 digits, not starting with 0. Surrounding
 * whitespace is ignored; a sign (`-` hyphen-minus or `+`) may come first.
 *
 * The same text can mean different numbers: `'1.234'` is 1234 in `vi` and 1.234 in `en`, and
 * `'1,5'` is 1.5 in `vi` but not a number in `en`. The function never guesses the locale from the
 * text: it reads the locale it is given (`vi` by default) and rejects anything that does not fit it,
 * rather than guessing. When the other locale would have read the text, the error message says so.
 *
 * Rejected, with a sentence saying why and what was expected: an empty text; letters and other
 * characters (including `NaN` and `Infinity`); a space inside the number (unless
 * `allowSpaceGrouping`); a typographic minus `−` or a dash instead of `-`; two decimal separators;
 * groups not of 3 digits (`'1.23'`, `'1.2345'` in `vi`); the other locale's convention
 * (`'1,234.5'` in `vi`); exponent notation (`'1e3'`); a trailing `%` (use {@link parsePercent});
 * values beyond the range of a JS number, or too small for one (nonzero but below 5e-324). The text
 * is read as an exact decimal and converted once to the nearest JS number (`-0` becomes `0`).
 *
 * @param text - the text, e.g. a cell of a report table.
 * @param options - `locale` (default `'vi'`), `allowSpaceGrouping` (default `false`).
 * @returns the number.
 * @throws {@link CchcError} `INVALID_NUMBER_TEXT` (path `['text']`) for text that is not a number in
 *   the locale; `INVALID_INPUT` when `text` is not a string (path `['text']`) or the options are bad
 *   (path `['options', …]`).
 * @example
 * ```ts
 * import { parseNumber } from 'cchc-index';
 * parseNumber('8.673'); // Lộc Bình 6/2024: dossiers received
 * // => 8673
 * parseNumber('91,5');
 * // => 91.5
 * parseNumber(' 1.234.567,89 ');
 * // => 1234567.89
 * parseNumber('1.234'); // vi, the default: a thousands group
 * // => 1234
 * parseNumber('1.234', { locale: 'en' }); // en: a decimal point
 * // => 1.234
 * parseNumber('-0,5');
 * // => -0.5
 * parseNumber('8 673', { allowSpaceGrouping: true });
 * // => 8673
 * ```
 * @category Formatting
 */
export function parseNumber(text: string, options?: ParseNumberOptions): number {
  const { text: t, options: opts } = parseWith(ParseNumberArgsSchema, { text, options });
  const read = { locale: opts?.locale ?? 'vi', allowSpaceGrouping: opts?.allowSpaceGrouping ?? false };
  return toNum(readDecimal(t, read, 'number'));
}
