import { z } from 'zod';
import { CchcError } from '../errors/CchcError.js';
import { parseWith } from '../errors/fromZod.js';
import { toNum } from '../numeric/decimal.js';
import { readDecimal, TextSchema } from './internal.js';
import { type ParseNumberOptions, ParseNumberOptionsShape } from './parseNumber.js';

/**
 * Options of {@link parsePercent}: those of {@link parseNumber}, and whether `%` is required.
 * @category Formatting
 */
export interface ParsePercentOptions extends ParseNumberOptions {
  /**
   * Require the text to end in `%`. Default `true`, so a plain number (`'31,1'`: a percentage, or
   * already a ratio?) is an error rather than a guess. `false` also reads a text without `%` as a
   * percentage (for a column headed "Tỷ lệ (%)"); a text with `%` is read the same either way.
   */
  requirePercentSign?: boolean;
}

const ParsePercentArgsSchema = z.object({
  text: TextSchema,
  options: z
    .strictObject({ ...ParseNumberOptionsShape, requirePercentSign: z.boolean().optional() })
    .optional(),
});

/**
 * Reads a percentage written in Vietnamese (default) or English notation into a ratio: `'31,1%'` → 0.311.
 *
 * @remarks
 * The text ends in `%`, with or without a space (or no-break space) before it (`'31,1%'`,
 * `'31,1 %'`); the number before it follows the strict rules of {@link parseNumber}, in the locale
 * given (never guessed: `'1.250%'` is 12.5 in `vi`). The percentage is divided by 100 exactly in
 * decimal and the ratio converted once to the nearest JS number, so `'83,94%'` is 0.8394 (not
 * 83.94 / 100 in doubles, 0.8393999999999999) and `'100%'` is 1. It reads back what
 * {@link formatPercent} writes, as the rounded ratio.
 *
 * @param text - the text, e.g. `'98,41%'`.
 * @param options - `locale` (default `'vi'`), `allowSpaceGrouping` (default `false`),
 *   `requirePercentSign` (default `true`).
 * @returns the ratio (1 for `'100%'`).
 * @throws {@link CchcError} `INVALID_NUMBER_TEXT` (path `['text']`) for text that is not a percentage in
 *   the locale, including a missing `%` (unless `requirePercentSign: false`); `INVALID_INPUT` when
 *   `text` is not a string (path `['text']`) or the options are bad (path `['options', …]`).
 * @example
 * ```ts
 * import { parsePercent } from 'cchc-index';
 * parsePercent('31,1%'); // Lộc Bình 6/2024 time reduction
 * // => 0.311
 * parsePercent('83,94%'); // Thái Bình 2020: resolved early
 * // => 0.8394
 * parsePercent('100%');
 * // => 1
 * parsePercent('98.41 %', { locale: 'en' });
 * // => 0.9841
 * parsePercent('83,94', { requirePercentSign: false });
 * // => 0.8394
 * ```
 * @category Formatting
 */
export function parsePercent(text: string, options?: ParsePercentOptions): number {
  const { text: t, options: opts } = parseWith(ParsePercentArgsSchema, { text, options });
  const read = { locale: opts?.locale ?? 'vi', allowSpaceGrouping: opts?.allowSpaceGrouping ?? false };
  const match = /^\s*(.*?)\s*%\s*$/su.exec(t);
  if (!match && (opts?.requirePercentSign ?? true)) {
    const example = read.locale === 'vi' ? '"31,1%"' : '"31.1%"';
    throw new CchcError('INVALID_NUMBER_TEXT', [
      {
        path: ['text'],
        message: `expected a percentage ending in "%" such as ${example}, received ${JSON.stringify(t.length > 40 ? `${t.slice(0, 40)}…` : t)}; use parseNumber for a plain number, or pass { requirePercentSign: false }.`,
      },
    ]);
  }
  const ratio = readDecimal(match ? match[1]! : t, read, 'percentage').div(100);
  if (!ratio.isZero() && ratio.toNumber() === 0) {
    // Only a ratio below 2.5e-324 becomes 0, i.e. a percentage written with over 300 zeros after the
    // separator (exponent notation is refused): such a text is always longer than 40 characters.
    throw new CchcError('INVALID_NUMBER_TEXT', [
      {
        path: ['text'],
        message: `expected a percentage whose ratio a JS number can hold, received ${JSON.stringify(`${t.slice(0, 40)}…`)}, which is too small (the smallest JS number is 5e-324).`,
      },
    ]);
  }
  return toNum(ratio);
}
