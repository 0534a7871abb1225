import { z } from 'zod';
import { parseWith } from '../errors/fromZod.js';
import { type CountInput, CountSchema } from '../numeric/schemas.js';
import type { NumberLocale } from './formatNumber.js';
import { DEFAULT_NULL_TEXT, groupDigits, LocaleSchema } from './internal.js';

/**
 * Options of {@link formatCount}.
 * @category Formatting
 */
export interface FormatCountOptions {
  /**
   * Zero-pad to this many digits (1–3, so a padded count never needs a group separator): 2, the
   * default, writes `05` and `07`; 1 turns padding off (`5`); 3 writes `005`.
   */
  pad?: number;
  /** `'vi'` (8.673, the default) or `'en'` (8,673). */
  locale?: NumberLocale;
  /** Group thousands (`8.673`); `false` writes `8673`. Default `true`. */
  grouping?: boolean;
  /** The text for `null`. Default `'—'`. */
  nullText?: string;
}

const PadSchema = z
  .number()
  .int({ error: 'expected a whole number of digits to pad to.' })
  .min(1, { error: 'expected padding to at least 1 digit.' })
  .max(3, { error: 'expected padding to at most 3 digits.' });

const FormatCountOptionsSchema = z
  .strictObject({
    pad: PadSchema.optional(),
    locale: LocaleSchema.optional(),
    grouping: z.boolean().optional(),
    nullText: z.string().optional(),
  })
  .optional();
const FormatCountArgsSchema = z.object({ n: CountSchema.nullable(), options: FormatCountOptionsSchema });

/**
 * Writes a count as reports do: zero-padded to two digits (`05`, `07`) and grouped in thousands (`8.673`).
 *
 * @remarks
 * Provincial reports write small counts with a leading zero ("05 hồ sơ trễ hạn", Thái Bình 2020;
 * "07 thủ tục"), hence the default `pad` of 2; larger counts are grouped by thousands in the locale's
 * notation (`8.673`, Lộc Bình 6/2024 dossiers received). A count is a whole number ≥ 0 within
 * `Number.MAX_SAFE_INTEGER`; anything else is rejected rather than rounded, so a rate or an average
 * can never be printed as if it were a count (use {@link formatNumber} for those). `null` gives
 * `nullText`.
 *
 * @param n - a count: a whole number ≥ 0 (number or digit string), or `null`.
 * @param options - `pad` (1–3, default 2), `locale` (default `'vi'`), `grouping` (default `true`),
 *   `nullText` (default `'—'`).
 * @returns the formatted count.
 * @throws {@link CchcError} `INVALID_INPUT` for a value that is not a count: negative, fractional,
 *   beyond `Number.MAX_SAFE_INTEGER`, NaN, or text that is not a whole number in JS notation such
 *   as `"8.673"` (path `['n']`); or for bad options (path `['options', …]`).
 * @example
 * ```ts
 * import { formatCount } from 'cchc-index';
 * formatCount(5); // Thái Bình 2020: late dossiers
 * // => '05'
 * `${formatCount(7)} TTHC`; // Lộc Bình 6/2024: procedures reviewed
 * // => '07 TTHC'
 * formatCount(8673);
 * // => '8.673'
 * formatCount(635593, { locale: 'en' });
 * // => '635,593'
 * formatCount(7, { pad: 1 });
 * // => '7'
 * ```
 * @category Formatting
 */
export function formatCount(n: CountInput | null, options?: FormatCountOptions): string {
  const { n: count, options: opts } = parseWith(FormatCountArgsSchema, { n, options });
  if (count === null) return opts?.nullText ?? DEFAULT_NULL_TEXT;
  const digits = String(count).padStart(opts?.pad ?? 2, '0');
  return (opts?.grouping ?? true) ? groupDigits(digits, opts?.locale ?? 'vi') : digits;
}
