import { z } from 'zod';
import { parseWith } from '../errors/fromZod.js';
import { toDec } from '../numeric/decimal.js';
import { type DecimalInput, DecimalInputSchema, DecimalsSchema } from '../numeric/schemas.js';
import { DEFAULT_NULL_TEXT, type Locale, LocaleSchema, writeDecimal } from './internal.js';

/**
 * Options of {@link formatNumber}.
 * @category Formatting
 */
export interface FormatNumberOptions {
  /** Decimal places, rounded half-up and padded with zeros (0–20). Default: every digit of the value. */
  decimals?: number;
  /** `'vi'` (8.673 and 91,5, the default) or `'en'` (8,673 and 91.5). */
  locale?: Locale;
  /** Drop trailing zeros of the decimals (`1,50` → `1,5`, `2,00` → `2`). Default `false`. */
  trimZeros?: boolean;
  /** The text for `null`. Default `'—'`. */
  nullText?: string;
}

const FormatNumberOptionsSchema = z
  .strictObject({
    decimals: DecimalsSchema.optional(),
    locale: LocaleSchema.optional(),
    trimZeros: z.boolean().optional(),
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
 * In `vi`, `.` groups thousands and `,` starts the decimals; in `en` the other way round. Rounding is
 * half-up ("làm tròn") on the exact decimal value, never through binary doubles, so 1.005 with two
 * decimals is `1,01`. Without `decimals` every digit of the value is shown (0.1 is `0,1`). A negative
 * value starts with `-`; one that rounds to zero is written without a sign. `null` (e.g. a rate with a
 * zero denominator) gives `nullText`.
 *
 * @param value - a finite number, a numeric string in JS notation (`"91.5"`), or `null`.
 * @param options - `decimals`, `locale` (default `'vi'`), `trimZeros`, `nullText` (default `'—'`).
 * @returns the formatted text.
 * @throws {@link CchcError} `INVALID_INPUT` for a non-numeric value (path `['value']`) or bad options
 *   (path `['options', …]`).
 * @example
 * ```ts
 * import { formatNumber } from 'cchc-index';
 * formatNumber(8673); // Lộc Bình 6/2024 dossiers received
 * // => '8.673'
 * formatNumber(91.5);
 * // => '91,5'
 * formatNumber(1234567.89);
 * // => '1.234.567,89'
 * formatNumber(1234567.89, { locale: 'en' });
 * // => '1,234,567.89'
 * formatNumber(1.005, { decimals: 2 });
 * // => '1,01'
 * formatNumber(2.5, { decimals: 3, trimZeros: true });
 * // => '2,5'
 * formatNumber(null);
 * // => '—'
 * ```
 * @category Formatting
 */
export function formatNumber(value: DecimalInput | null, options?: FormatNumberOptions): string {
  const { value: v, options: opts } = parseWith(FormatNumberArgsSchema, { value, options });
  if (v === null) return opts?.nullText ?? DEFAULT_NULL_TEXT;
  return writeDecimal(toDec(v), opts?.locale ?? 'vi', opts?.decimals, opts?.trimZeros ?? false);
}
