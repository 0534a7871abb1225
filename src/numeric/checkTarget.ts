import { z } from 'zod';
import { parseWith } from '../errors/fromZod.js';
import { toDec, toNum } from './decimal.js';
import { type DecimalInput, DecimalInputSchema } from './schemas.js';

/**
 * A target for a measured value: at least `min` (e.g. on-time-or-early ≥ 95 %) and/or at most
 * `max` (e.g. late ≤ 2 %), each bound inclusive unless said otherwise.
 * @category Numbers
 */
export interface Target {
  /** Lowest value that meets the target. */
  min?: DecimalInput;
  /** Highest value that meets the target. */
  max?: DecimalInput;
  /** Whether `min` itself meets the target. Default `true` (≥). */
  minInclusive?: boolean;
  /** Whether `max` itself meets the target. Default `true` (≤). */
  maxInclusive?: boolean;
}

/**
 * The outcome of {@link checkTarget}.
 * @category Numbers
 */
export interface TargetCheckResult {
  /** The value checked, or `null` when it could not be measured. */
  readonly value: number | null;
  /** `true` when the value meets every bound, `false` when not, `null` when the value is `null`. */
  readonly met: boolean | null;
  /** How far below `min` the value is (`min − value`), 0 when met or no `min`; `null` with no value. */
  readonly shortfall: number | null;
  /** How far above `max` the value is (`value − max`), 0 when met or no `max`; `null` with no value. */
  readonly excess: number | null;
  /** The target, as given. */
  readonly target: {
    readonly min?: number | string;
    readonly max?: number | string;
    readonly minInclusive: boolean;
    readonly maxInclusive: boolean;
  };
}

const TargetSchema = z
  .strictObject({
    min: DecimalInputSchema.optional(),
    max: DecimalInputSchema.optional(),
    minInclusive: z.boolean().optional(),
    maxInclusive: z.boolean().optional(),
  })
  .refine((t) => t.min !== undefined || t.max !== undefined, {
    error: 'expected at least one of "min" or "max".',
  })
  .refine((t) => t.min === undefined || t.max === undefined || toDec(t.min).lte(toDec(t.max)), {
    error: 'expected "min" ≤ "max".',
  });

const CheckTargetArgsSchema = z.object({ value: DecimalInputSchema.nullable(), target: TargetSchema });

/**
 * Checks a measured value against a target, exactly, and says by how much it falls short.
 *
 * @remarks
 * Provinces set yearly targets such as "tỷ lệ hồ sơ giải quyết trước hạn, đúng hạn đạt từ 95 %
 * trở lên" (Đắk Song 2023, see DOMAIN.md). Give rates as ratios (0.95), the way {@link timeliness}
 * returns them. A value of `null` (nothing arose) is neither met nor missed: `met` is `null`.
 *
 * @param value - the measured value, or `null`.
 * @param target - bounds `min` and/or `max`, inclusive by default.
 * @returns whether the target is met, and the shortfall or excess.
 * @throws {@link CchcError} `INVALID_INPUT` for a non-numeric value or a target without bounds or
 *   with `min > max`.
 * @example
 * ```ts
 * import { checkTarget } from 'cchc-index';
 * checkTarget(0.975, { min: 0.95 }).met; // Hương Thủy Q1 2024, town level
 * // => true
 * checkTarget(0.9728, { min: 0.98 }).shortfall; // Lâm Đồng 2025 on-time vs ≥ 98 %
 * // => 0.0072
 * checkTarget(null, { min: 0.95 }).met;
 * // => null
 * ```
 * @category Numbers
 */
export function checkTarget(value: DecimalInput | null, target: Target): TargetCheckResult {
  const { value: v, target: t } = parseWith(CheckTargetArgsSchema, { value, target });
  const minInclusive = t.minInclusive ?? true;
  const maxInclusive = t.maxInclusive ?? true;
  const shownTarget = {
    ...(t.min !== undefined ? { min: t.min } : {}),
    ...(t.max !== undefined ? { max: t.max } : {}),
    minInclusive,
    maxInclusive,
  };
  if (v === null) return { value: null, met: null, shortfall: null, excess: null, target: shownTarget };
  const x = toDec(v);
  let met = true;
  let shortfall = 0;
  let excess = 0;
  if (t.min !== undefined) {
    const min = toDec(t.min);
    const ok = minInclusive ? x.gte(min) : x.gt(min);
    if (!ok) {
      met = false;
      shortfall = toNum(min.minus(x));
    }
  }
  if (t.max !== undefined) {
    const max = toDec(t.max);
    const ok = maxInclusive ? x.lte(max) : x.lt(max);
    if (!ok) {
      met = false;
      excess = toNum(x.minus(max));
    }
  }
  return { value: toNum(x), met, shortfall, excess, target: shownTarget };
}
