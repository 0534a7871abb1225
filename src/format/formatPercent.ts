import { z } from 'zod';
import { parseWith } from '../errors/fromZod.js';
import { toDec } from '../numeric/decimal.js';
import { type DecimalInput, DecimalInputSchema, DecimalsSchema } from '../numeric/schemas.js';
import type { NumberLocale } from './formatNumber.js';
import { DEFAULT_NULL_TEXT, LocaleSchema, writeDecimal } from './internal.js';

/**
 * Options of {@link formatPercent}.
 * @category Formatting
 */
export interface FormatPercentOptions {
  /**
   * Decimal places of the percentage (0–20), rounded half-up and padded with zeros. Default 2, as
   * report rates are published ("98,41%").
   */
  decimals?: number;
  /** `'vi'` (31,1%, the default) or `'en'` (31.1%). */
  locale?: NumberLocale;
  /**
   * Put a normal space before `%` (`31,1 %`). Default `false`: Vietnamese reports write `31,1%`.
   * {@link parsePercent} reads both.
   */
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
 * `decimals` places (default 2) and written in the locale's notation like {@link formatNumber}
 * (so 0.01005 is `1,01%`, although 0.01005 × 100 in doubles is 1.00499…). A negative ratio starts
 * with the hyphen-minus `-`; one that rounds to zero has no sign. No space comes before `%` unless
 * `space` is set (reports write "31,1%", DOMAIN.md). `null` (a rate with a zero denominator,
 * "không phát sinh") gives `nullText`, without `%`. Published figures this reproduces: Lộc Bình
 * 6/2024 time reduction 28,5 ÷ 91,5 = "31,1%" and online share 8.535 ÷ 8.673 = "98,41%"; Thái Bình
 * 2020 "83,94%", "16,05%", "0,01%" (for shares that must add up to 100, round them with `apportion`
 * first and format the percentages with {@link formatNumber}).
 *
 * @param ratio - a ratio such as 0.3114754098360656, or `null`.
 * @param options - `decimals` (default 2), `locale` (default `'vi'`), `space`, `trimZeros`, `nullText`.
 * @returns the formatted percentage, e.g. `'31,1%'`.
 * @throws {@link CchcError} `INVALID_INPUT` for a ratio that is not a finite number or JS-notation
 *   numeric string (path `['ratio']`) or bad options
 *   (path `['options', …]`).
 * @example
 * ```ts
 * import { formatPercent } from 'cchc-index';
 * formatPercent(0.3114754098360656, { decimals: 1 }); // Lộc Bình time reduction
 * // => '31,1%'
 * formatPercent(0.3114754098360656, { decimals: 1, locale: 'en' });
 * // => '31.1%'
 * formatPercent(8535 / 8673); // Lộc Bình online share, 2 decimals by default
 * // => '98,41%'
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
  const text = writeDecimal(toDec(r).times(100), {
    locale: opts?.locale ?? 'vi',
    decimals: opts?.decimals ?? 2,
    trimZeros: opts?.trimZeros ?? false,
    grouping: true,
  });
  return `${text}${opts?.space ? ' ' : ''}%`;
}
