import { z } from 'zod';
import { parseWith } from '../errors/fromZod.js';
import { toDec } from '../numeric/decimal.js';
import { type DecimalInput, DecimalInputSchema, DecimalsSchema } from '../numeric/schemas.js';
import { DEFAULT_NULL_TEXT, type Locale, LocaleSchema, writeDecimal } from './internal.js';

/**
 * Options of {@link formatPercent}.
 * @category Formatting
 */
export interface FormatPercentOptions {
  /** Decimal places of the percentage, rounded half-up (0–20). Default 2, as PAR INDEX results are published. */
  decimals?: number;
  /** `'vi'` (31,1%, the default) or `'en'` (31.1%). */
  locale?: Locale;
  /** Put a space before `%` (`31,1 %`). Default `false`. */
  space?: boolean;
  /** Drop trailing zeros of the decimals (`100,00%` → `100%`). Default `false`. */
  trimZeros?: boolean;
  /** The text for `null` (no `%` is added). Default `'—'`. */
  nullText?: string;
}

const FormatPercentOptionsSchema = z
  .strictObject({
    decimals: DecimalsSchema.optional(),
    locale: LocaleSchema.optional(),
    space: z.boolean().optional(),
    trimZeros: z.boolean().optional(),
    nullText: z.string().optional(),
  })
  .optional();
const FormatPercentArgsSchema = z.object({
  ratio: DecimalInputSchema.nullable(),
  options: FormatPercentOptionsSchema,
});

/**
 * Writes a ratio (0.3114…) as a percentage (`31,1%`): times 100 exactly in decimal, rounded half-up once.
 *
 * @remarks
 * The ratio is multiplied by 100 as an exact decimal, then rounded half-up ("làm tròn") to
 * `decimals` places (default 2) and written in the locale's notation like {@link formatNumber}.
 * `null` (a rate with a zero denominator, "không phát sinh") gives `nullText`.
 *
 * @param ratio - a ratio such as 0.3114754098360656, or `null`.
 * @param options - `decimals` (default 2), `locale` (default `'vi'`), `space`, `trimZeros`, `nullText`.
 * @returns the formatted percentage, e.g. `'31,1%'`.
 * @throws {@link CchcError} `INVALID_INPUT` for a non-numeric ratio (path `['ratio']`) or bad options
 *   (path `['options', …]`).
 * @example
 * ```ts
 * import { formatPercent } from 'cchc-index';
 * formatPercent(0.3114754098360656, { decimals: 1 }); // Lộc Bình time reduction
 * // => '31,1%'
 * formatPercent(0.3114754098360656, { decimals: 1, locale: 'en' });
 * // => '31.1%'
 * formatPercent(19255 / 19944); // Vĩnh Phúc 8/2021
 * // => '96,55%'
 * formatPercent(1, { trimZeros: true, space: true });
 * // => '100 %'
 * formatPercent(null);
 * // => '—'
 * ```
 * @category Formatting
 */
export function formatPercent(ratio: DecimalInput | null, options?: FormatPercentOptions): string {
  const { ratio: r, options: opts } = parseWith(FormatPercentArgsSchema, { ratio, options });
  if (r === null) return opts?.nullText ?? DEFAULT_NULL_TEXT;
  const text = writeDecimal(
    toDec(r).times(100),
    opts?.locale ?? 'vi',
    opts?.decimals ?? 2,
    opts?.trimZeros ?? false,
  );
  return `${text}${opts?.space ? ' ' : ''}%`;
}
