import { z } from 'zod';
import { parseWith } from '../errors/fromZod.js';
import { Dec as D, type Dec, toDec, toNum, ZERO } from './decimal.js';
import { type DecimalInput, DecimalsSchema, NonNegativeDecimalSchema } from './schemas.js';

/**
 * Options of {@link apportion}.
 * @category Numbers
 */
export interface ApportionOptions {
  /** Decimal places of each percentage. Default 2. */
  decimals?: number;
  /** The total the parts must add up to. Default 100 (percentages). */
  total?: number;
}

const ApportionArgsSchema = z.object({
  values: z.array(NonNegativeDecimalSchema, { error: 'expected an array of non-negative numbers.' }),
  options: z
    .strictObject({ decimals: DecimalsSchema.optional(), total: NonNegativeDecimalSchema.optional() })
    .optional(),
});

/**
 * Splits 100 % among parts in proportion to `values`, rounded to `decimals` places, so that the
 * rounded parts add up to exactly 100 (largest-remainder method, also called Hamilton's method).
 *
 * @remarks
 * Each part first gets its share rounded down to the step (0.01 for two decimals); the steps left
 * over go one each to the parts with the largest remainders (ties: the larger value, then the
 * earlier position). This is how a report shows "83,94% / 16,05% / 0,01%" that add to 100 % where
 * independent rounding could show 99,99 % or 100,01 %. Parts with value 0 get exactly 0.
 *
 * @param values - non-negative counts or quantities.
 * @param options - `decimals` (default 2), `total` (default 100).
 * @returns the parts in input order, or `null` when all values are 0 (nothing to split).
 * @throws {@link CchcError} `INVALID_INPUT` for a negative or non-numeric value (path `['values', i]`).
 * @example
 * ```ts
 * import { apportion } from 'cchc-index';
 * apportion([52006, 9942, 5]); // Thái Bình 2020: early, on time, late
 * // => [83.94, 16.05, 0.01]
 * apportion([1, 1, 1], { decimals: 1 });
 * // => [33.4, 33.3, 33.3]
 * apportion([0, 0]);
 * // => null
 * ```
 * @category Numbers
 */
export function apportion(values: readonly DecimalInput[], options?: ApportionOptions): number[] | null {
  const { values: vals, options: opts } = parseWith(ApportionArgsSchema, { values, options });
  const decimals = opts?.decimals ?? 2;
  const decs = vals.map((v) => toDec(v));
  const sum = decs.reduce((a: Dec, b) => a.plus(b), ZERO);
  if (sum.isZero()) return null;
  const target = toDec(opts?.total ?? 100);
  const step = new D(10).pow(-decimals);
  const totalSteps = target.div(step).floor();
  const exact = decs.map((v) => v.times(target).div(sum).div(step));
  const floors = exact.map((e) => e.floor());
  let left = totalSteps.minus(floors.reduce((a: Dec, b) => a.plus(b), ZERO)).toNumber();
  const order = exact
    .map((e, i) => ({ i, rem: e.minus(floors[i]!), value: decs[i]! }))
    .filter((entry) => !entry.value.isZero())
    .sort((a, b) => b.rem.comparedTo(a.rem) || b.value.comparedTo(a.value) || a.i - b.i);
  for (const entry of order) {
    if (left <= 0) break;
    floors[entry.i] = floors[entry.i]!.plus(1);
    left -= 1;
  }
  return floors.map((f) => toNum(f.times(step)));
}
