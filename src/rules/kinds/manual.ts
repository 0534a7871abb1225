import { z } from 'zod';
import { type Dec, toDec as toDecImport, toNum as toNumImport } from '../../numeric/decimal.js';
import { NonNegativeDecimalSchema } from '../../numeric/schemas.js';
import { mkPts as mkPtsImport, ofMax } from '../text.js';
import {
  belowZero as belowZeroImport,
  decOrNull as decOrNullImport,
  type Env,
  type LeafInfo,
  noNegZero as noNegZeroImport,
  type Outcome,
  type Path,
  type Pts,
  type Push,
} from './common.js';

// Hot imports bound once (a CommonJS transform reads each imported binding through a getter).
const toDec = toDecImport;
const toNum = toNumImport;
const mkPts = mkPtsImport;
const noNegZero = noNegZeroImport;
const decOrNull = decOrNullImport;
const belowZero = belowZeroImport;

/**
 * A manual rule: the assessor enters the points, within [0, max], optionally on a step
 * (e.g. 0.25, "chấm theo bước 0,25 điểm").
 *
 * @remarks
 * Source: par-index.md §4 (points given by the superior, e.g. Huế "10 điểm đánh giá của lãnh đạo
 * UBND tỉnh", H) and §7 (0.25/0.5 steps occur, H).
 * @example
 * ```ts
 * import { ManualRuleSchema } from 'cchc-index';
 * ManualRuleSchema.parse({ kind: 'manual', step: 0.25 }).step;
 * // => 0.25
 * ```
 * @category Rules
 */
export const ManualRuleSchema = z.strictObject({
  kind: z.literal('manual'),
  /** Points must be a whole multiple of this step (e.g. `0.25`). */
  step: NonNegativeDecimalSchema.optional(),
});

/**
 * A manual rule, see {@link ManualRuleSchema}.
 * @category Rules
 */
export type ManualRule = z.output<typeof ManualRuleSchema>;

/** @internal */
export interface CompiledManual {
  readonly step: Dec | null;
  readonly max: Dec;
  /** The rule set's scale, and max and step × scale when whole (else `null`): the fast check. */
  readonly scale: number;
  readonly maxScaled: number | null;
  readonly stepScaled: number | null;
}

/** @internal */
export function compileManual(rule: ManualRule, leaf: LeafInfo, scale = 1): CompiledManual {
  const step = rule.step === undefined ? null : toDec(rule.step);
  return {
    step,
    max: leaf.max,
    scale,
    maxScaled: mkPts(leaf.max, scale).scaled,
    stepScaled: step === null ? null : step.isZero() ? null : mkPts(step, scale).scaled,
  };
}

/** 2^49: up to it, two decimals one scaled unit apart are more than two ulps apart. */
const SCALED_LIMIT = 562_949_953_421_312;

/**
 * The exact scaled integer of a number, or `null`. When `value × scale` is a whole number `k`
 * of at most 2^49 in size that divides back to `value`, the decimal `k / scale` is the only one
 * with that many decimals whose nearest double is `value` (doubles there are spaced at most an
 * eighth of a scaled unit apart), so it is the number's shortest decimal, the value the Decimal
 * path reads. `-0` gives `0`: it is the number 0.
 * @internal
 */
export function scaledOf(value: number, scale: number): number | null {
  const k = value * scale;
  if (!Number.isInteger(k) || k > SCALED_LIMIT || k < -SCALED_LIMIT || k / scale !== value) return null;
  return k === 0 ? 0 : k;
}

/** @internal */
export function checkManualRule(
  rule: Record<string, unknown>,
  max: Dec | null,
  path: Path,
  push: Push,
): void {
  const step = decOrNull(rule.step);
  if (step === null) return;
  if (step.isZero()) push([...path, 'step'], 'expected a step > 0, such as 0.25.');
  else if (max !== null && !max.mod(step).isZero())
    push(
      [...path, 'step'],
      `the step ${step.toString()} does not divide the maximum ${max.toString()}: expected a step such that max is a whole number of steps.`,
    );
}

/** @internal */
export function checkManualValue(value: unknown, c: CompiledManual): string | null {
  if (typeof value === 'number' && c.maxScaled !== null && (c.step === null || c.stepScaled !== null)) {
    const k = scaledOf(value, c.scale);
    if (k !== null && k >= 0 && k <= c.maxScaled && (c.stepScaled === null || k % c.stepScaled === 0))
      return null;
  }
  const v = decOrNull(value);
  if (v === null) return 'expected the points given, as a number (or a JS-notation numeric string).';
  if (belowZero(v) || v.gt(c.max))
    return `expected points from 0 to ${c.max.toString()}, received ${v.toString()}.`;
  if (c.step !== null && !c.step.isZero() && !v.mod(c.step).isZero())
    return `expected points in steps of ${c.step.toString()}, received ${v.toString()}.`;
  return null;
}

/** @internal */
export function evaluateManual(c: CompiledManual, value: number | string, env: Env): Outcome {
  let points: Pts;
  const fast = typeof value === 'number' ? value * env.scale : Number.NaN;
  // A number whose scaled value is a whole number that divides back to it is exact at the scale.
  if (Number.isSafeInteger(fast) && fast / env.scale === value) points = { scaled: fast || 0, dec: null };
  else points = mkPts(toDec(value), env.scale);
  return {
    points,
    status: 'scored',
    reason: 'MANUAL',
    measured: typeof value === 'number' ? noNegZero(value) : toNum(toDec(value)),
    ...(env.explain
      ? {
          explanation: {
            vi: `Điểm chấm: ${ofMax(points, c.max, env, 'vi')}`,
            en: `Points given: ${ofMax(points, c.max, env, 'en')}`,
          },
        }
      : {}),
  };
}
