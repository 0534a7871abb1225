import { z } from 'zod';
import { parseWith } from '../errors/fromZod.js';
import { roundHalfUp, toDec, toNum } from './decimal.js';
import { type DecimalInput, DecimalInputSchema, DecimalsSchema } from './schemas.js';

/**
 * Options of {@link percent}.
 * @category Numbers
 */
export interface PercentOptions {
  /** Decimal places kept, rounded half-up. Default 2, as PAR INDEX results are published. */
  decimals?: number;
}

const PercentOptionsSchema = z.strictObject({ decimals: DecimalsSchema.optional() }).optional();
const PercentArgsSchema = z.object({ value: DecimalInputSchema.nullable(), options: PercentOptionsSchema });

/**
 * Turns a ratio (0.3114…) into a percentage (31.1), rounded half-up once, exactly in decimal.
 *
 * @remarks
 * Half-up ("làm tròn") means a 5 in the first dropped place rounds away from zero: 0.0125 with one
 * decimal gives 1.3. `null` (a rate with a zero denominator) stays `null`.
 *
 * @param value - a ratio, e.g. from {@link ratio}, or `null`.
 * @param options - `decimals` (default 2).
 * @returns the percentage as a number, or `null`.
 * @throws {@link CchcError} `INVALID_INPUT` for a non-numeric ratio or bad options.
 * @example
 * ```ts
 * import { percent } from 'cchc-index';
 * percent(0.3114754098360656, { decimals: 1 }); // Lộc Bình time reduction
 * // => 31.1
 * percent(19255 / 19944); // Vĩnh Phúc 8/2021
 * // => 96.55
 * percent(0.0125, { decimals: 1 });
 * // => 1.3
 * percent(null);
 * // => null
 * ```
 * @category Numbers
 */
export function percent(value: DecimalInput | null, options?: PercentOptions): number | null {
  const { value: v, options: opts } = parseWith(PercentArgsSchema, { value, options });
  if (v === null) return null;
  return toNum(roundHalfUp(toDec(v).times(100), opts?.decimals ?? 2));
}
