import { z } from 'zod';
import { parseWith } from '../errors/fromZod.js';
import { rateOrNull, toDec } from './decimal.js';
import { type DecimalInput, DecimalInputSchema } from './schemas.js';

const RatioArgsSchema = z.object({ part: DecimalInputSchema, whole: DecimalInputSchema });

/**
 * Divides `part` by `whole` exactly and returns the nearest JS number, or `null` when `whole` is
 * zero (a rate that "không phát sinh": nothing to measure).
 *
 * @remarks
 * The division is done in decimal (40 significant digits), so the result is the double nearest to
 * the true quotient, not an accumulation of float errors. Nothing is rounded: round at display
 * time with {@link percent} or {@link formatPercent}.
 *
 * @param part - the numerator: a finite number or JS-notation numeric string.
 * @param whole - the denominator.
 * @returns `part ÷ whole`, or `null` when `whole` is 0.
 * @throws {@link CchcError} `INVALID_INPUT` when either argument is NaN, infinite or not numeric
 *   (path `['part']` or `['whole']`).
 * @example
 * ```ts
 * import { ratio } from 'cchc-index';
 * ratio(8535, 8673); // Lộc Bình, 6 months 2024: online share
 * // => 0.9840885506745071
 * ratio(28.5, 91.5);
 * // => 0.3114754098360656
 * ratio(0, 0);
 * // => null
 * ```
 * @category Numbers
 */
export function ratio(part: DecimalInput, whole: DecimalInput): number | null {
  const args = parseWith(RatioArgsSchema, { part, whole });
  return rateOrNull(toDec(args.part), toDec(args.whole));
}
