import { z } from 'zod';
import { CchcError } from '../errors/CchcError.js';
import { parseWith } from '../errors/fromZod.js';
import { toDec } from '../numeric/decimal.js';
import { type DecimalInput, DecimalInputSchema, DecimalsSchema } from '../numeric/schemas.js';
import { DEFAULT_NULL_TEXT, LocaleSchema, MIN_EXACT_EXPONENT, quote, writeDecimal } from './internal.js';

/**
 * The notation figures are written and read in: `'vi'` writes 8.673 and 91,5 (`.` groups thousands,
 * `,` starts the decimals), `'en'` writes 8,673 and 91.5.
 *
 * @category Formatting
 */
export type NumberLocale = 'vi' | 'en';

/**
 * Options of {@link formatNumber}.
 * @category Formatting
 */
export interface FormatNumberOptions {
  /**
   * Decimal places (0–20): the value is rounded half-up to them and padded with zeros
   * (`{ decimals: 2 }` writes 3 as `3,00`). Default: no rounding, every digit of the exact value.
   */
  decimals?: number;
  /** `'vi'` (8.673 and 91,5, the default) or `'en'` (8,673 and 91.5). */
  locale?: NumberLocale;
  /** Drop trailing zeros of the decimals after rounding (`1,50` → `1,5`, `2,00` → `2`). Default `false`. */
  trimZeros?: boolean;
  /** Group thousands (`8.673`); `false` writes `8673`, e.g. for a year or a code. Default `true`. */
  grouping?: boolean;
  /** The text for `null` (a rate whose denominator was 0). Default `'—'` (an em dash). */
  nullText?: string;
}

const FormatNumberOptionsSchema = z
  .strictObject({
    decimals: DecimalsSchema.optional(),
    locale: LocaleSchema.optional(),
    trimZeros: z.boolean().optional(),
    grouping: z.boolean().optional(),
    nullText: z.string().optional(),
  })
  .optional();

const FormatNumberArgsSchema = z.object({
  value: DecimalInputSchema.nullable(),
  options: FormatNumberOptionsSchema,
});

/**
 * Writes a number as reports do: Vietnamese notation by default (`1.234.567,89`), rounded half-up
 * exactly in decimal when `decimals` is given.
 *
 * @remarks
 * In `vi`, `.` groups thousands and `,` starts the decimals; in `en` the other way round
 * (DOMAIN.md: reports write "8.673" and "91,5"). Rounding is half-up ("làm tròn": a 5 goes away
 * from zero) on the exact decimal value, never through binary doubles, `Intl` or
 * `Number#toFixed`, so 1.005 with two decimals is `1,01`, not `1,00`. A number is taken by its
 * shortest round-trip text (0.1 is exactly 0.1), a string by its digits. Without `decimals` every
 * digit of that exact value is shown, never in exponent notation (0.1 is `0,1`, 1e21 is
 * `1.000.000.000.000.000.000.000`).
 *
 * A negative value starts with the plain hyphen-minus `-` (U+002D, what {@link parseNumber} reads),
 * not the typographic minus `−` (U+2212); a value that rounds to zero, and `-0`, are written without
 * a sign. `null` (e.g. a rate with a zero denominator, "không phát sinh") gives `nullText`. The result
 * is never `NaN` or `Infinity`: such inputs are rejected.
 *
 * @param value - a finite number, a numeric string in JS notation (`"91.5"`), or `null`.
 * @param options - `decimals`, `locale` (default `'vi'`), `trimZeros`, `grouping` (default `true`),
 *   `nullText` (default `'—'`).
 * @returns the formatted text.
 * @throws {@link CchcError} `INVALID_INPUT` for a value that is not a finite number or JS-notation
 *   numeric string, such as NaN or `"91,5"`, or a string below 1e-400 without `decimals` (path
 *   `['value']`), or for bad options (path
 *   `['options', …]`, e.g. `['options', 'decimals']`).
 * @example
 * ```ts
 * import { formatNumber } from 'cchc-index';
 * formatNumber(8673); // Lộc Bình 6/2024: dossiers received
 * // => '8.673'
 * formatNumber(91.5); // days before the time reduction
 * // => '91,5'
 * formatNumber(1234567.89);
 * // => '1.234.567,89'
 * formatNumber(1234567.89, { locale: 'en' });
 * // => '1,234,567.89'
 * formatNumber(1.005, { decimals: 2 });
 * // => '1,01'
 * formatNumber(-28.5, { decimals: 0 });
 * // => '-29'
 * formatNumber(2.5, { decimals: 3, trimZeros: true });
 * // => '2,5'
 * formatNumber(2024, { grouping: false });
 * // => '2024'
 * formatNumber(null, { nullText: 'không phát sinh' });
 * // => 'không phát sinh'
 * ```
 * @category Formatting
 */
export function formatNumber(value: DecimalInput | null, options?: FormatNumberOptions): string {
  const { value: v, options: opts } = parseWith(FormatNumberArgsSchema, { value, options });
  if (v === null) return opts?.nullText ?? DEFAULT_NULL_TEXT;
  const exact = toDec(v);
  if (opts?.decimals === undefined && !exact.isZero() && exact.e < MIN_EXACT_EXPONENT) {
    throw new CchcError('INVALID_INPUT', [
      {
        path: ['value'],
        message: `expected a number within the range of a double, received ${quote(String(v))}, which is smaller than 1e${MIN_EXACT_EXPONENT}; pass { decimals } to round it.`,
      },
    ]);
  }
  return writeDecimal(exact, {
    locale: opts?.locale ?? 'vi',
    decimals: opts?.decimals,
    trimZeros: opts?.trimZeros ?? false,
    grouping: opts?.grouping ?? true,
  });
}
