import { z } from 'zod';
import { Dec, roundHalfUp, toDec, toNum, ZERO } from '../../numeric/decimal.js';
import { fmtValue, type Locale, mkPts, ofMax, valueWord } from '../text.js';
import {
  type Env,
  type LeafInfo,
  measureFields,
  noNegZero,
  type Outcome,
  type Pts,
  RoundPointsSchema,
} from './common.js';

/**
 * A normalised-to-best rule: points = max × value ÷ the best value in the cohort ("Tỷ lệ chuẩn hóa
 * = giá trị của đơn vị / giá trị lớn nhất; Điểm = Tỷ lệ chuẩn hóa × Điểm tối đa"). With
 * `better: 'lower'`, points = max × best ÷ value. Needs the cohort: without it the leaf is pending
 * (`NEEDS_COHORT`).
 *
 * @remarks
 * Source: IT-application index for ministries, par-index.md §5 (M).
 * @example
 * ```ts
 * import { NormalizedToBestRuleSchema } from 'cchc-index';
 * NormalizedToBestRuleSchema.parse({ kind: 'normalized-to-best' }).kind;
 * // => 'normalized-to-best'
 * ```
 * @category Rules
 */
export const NormalizedToBestRuleSchema = z.strictObject({
  kind: z.literal('normalized-to-best'),
  ...measureFields,
  /** Whether a higher value is better (default) or a lower one. */
  better: z.enum(['higher', 'lower']).optional(),
  roundPoints: RoundPointsSchema.optional(),
});

/**
 * A normalised-to-best rule, see {@link NormalizedToBestRuleSchema}.
 * @category Rules
 */
export type NormalizedToBestRule = z.output<typeof NormalizedToBestRuleSchema>;

/** @internal */
export interface CompiledNormalized {
  readonly lower: boolean;
  readonly round: number | null;
  readonly leaf: LeafInfo;
  readonly full: Pts;
}

/** @internal */
export function compileNormalized(
  rule: NormalizedToBestRule,
  leaf: LeafInfo,
  scale: number,
): CompiledNormalized {
  return {
    lower: rule.better === 'lower',
    round: rule.roundPoints ?? null,
    leaf,
    full: mkPts(leaf.max, scale),
  };
}

/**
 * Evaluates against the cohort's best value; `best` is `undefined` without a cohort context.
 * @internal
 */
export function evaluateNormalized(
  c: CompiledNormalized,
  value: number | string,
  best: number | string | null | undefined,
  env: Env,
): Outcome {
  const v = toDec(value);
  const measured = typeof value === 'number' ? noNegZero(value) : toNum(v);
  const d = c.leaf.display;
  const val = (l: Locale) => `${valueWord(d, l)} ${fmtValue(v, d, env, l)}`;
  if (best === undefined || best === null) {
    return {
      points: null,
      status: 'pending',
      reason: 'NEEDS_COHORT',
      measured,
      ...(env.explain
        ? {
            explanation: {
              vi: `${val('vi')}: chờ giá trị tốt nhất của các đơn vị để chuẩn hóa`,
              en: `${val('en')}: waiting for the best value of the cohort to normalise`,
            },
          }
        : {}),
    };
  }
  const b = toDec(best);
  let ratio: Dec;
  if (c.lower) ratio = v.lte(b) ? ONE : v.isZero() ? ONE : b.div(v);
  else ratio = v.gte(b) ? ONE : b.lte(0) ? ZERO : v.div(b);
  if (ratio.isNegative()) ratio = ZERO;
  let p = c.leaf.max.times(ratio);
  if (c.round !== null) p = roundHalfUp(p, c.round);
  const points = ratio.eq(ONE) ? c.full : mkPts(p, env.scale);
  const out: Outcome = { points, status: 'scored', reason: 'NORMALIZED', measured };
  if (!env.explain) return out;
  const bt = (l: Locale) => fmtValue(b, d, env, l);
  return {
    ...out,
    explanation: {
      vi: `${val('vi')} so với giá trị tốt nhất ${bt('vi')}: ${ofMax(points, c.leaf.max, env, 'vi')}`,
      en: `${val('en')} against the best value ${bt('en')}: ${ofMax(points, c.leaf.max, env, 'en')}`,
    },
  };
}

const ONE = new Dec(1);
