import { z } from 'zod';
import { Dec, roundHalfUp, toDec, toNum, ZERO } from '../../numeric/decimal.js';
import { DecimalInputSchema, NonNegativeDecimalSchema } from '../../numeric/schemas.js';
import { fmtValue, type Locale, mkNext, mkPts, ofMax, ptsCmp, valueWord, ZERO_PTS } from '../text.js';
import {
  decOrNull,
  type Env,
  type LeafInfo,
  measureFields,
  type Outcome,
  type Path,
  type Pts,
  type Push,
  RoundPointsSchema,
} from './common.js';

/**
 * A proportional rule: points = max × value ÷ target, capped at max; below an optional floor, 0.
 * Covers "Điểm = Tỷ lệ × Điểm tối đa" (target 1, the default) and the 766 style "≥ 80 % full,
 * else rate × max ÷ 80 %" (target 0.8). `roundPoints` rounds the points half-up when the rule text
 * says so.
 *
 * @remarks
 * Sources: district DTI index, par-index.md §5 (H, neighbour index); QĐ 766/QĐ-TTg indicators,
 * reference/dossier-index.md §1 (M).
 * @example
 * ```ts
 * import { ProportionalRuleSchema } from 'cchc-index';
 * ProportionalRuleSchema.parse({ kind: 'proportional', measure: 'channels.onlineShare', target: 0.8 }).target;
 * // => 0.8
 * ```
 * @category Rules
 */
export const ProportionalRuleSchema = z.strictObject({
  kind: z.literal('proportional'),
  ...measureFields,
  /** The value that earns full points (default 1, i.e. 100 %). */
  target: NonNegativeDecimalSchema.optional(),
  /** Below this value the points are 0. */
  floor: DecimalInputSchema.optional(),
  /** Whether a value equal to `floor` still scores (default `true`). */
  floorInclusive: z.boolean().optional(),
  /** Round the points half-up to this many decimals. */
  roundPoints: RoundPointsSchema.optional(),
});

/**
 * A proportional rule, see {@link ProportionalRuleSchema}.
 * @category Rules
 */
export type ProportionalRule = z.output<typeof ProportionalRuleSchema>;

/** @internal */
export interface CompiledProportional {
  readonly target: Dec;
  readonly floor: Dec | null;
  readonly floorInc: boolean;
  readonly round: number | null;
  readonly leaf: LeafInfo;
  readonly full: Pts;
}

/** @internal */
export function compileProportional(
  rule: ProportionalRule,
  leaf: LeafInfo,
  scale: number,
): CompiledProportional {
  return {
    target: rule.target === undefined ? ONE : toDec(rule.target),
    floor: rule.floor === undefined ? null : toDec(rule.floor),
    floorInc: rule.floorInclusive ?? true,
    round: rule.roundPoints ?? null,
    leaf,
    full: mkPts(leaf.max, scale),
  };
}

const ONE = new Dec(1);

/** @internal */
export function checkProportionalRule(
  rule: Record<string, unknown>,
  _max: Dec | null,
  path: Path,
  push: Push,
): void {
  const target = decOrNull(rule.target);
  const floor = decOrNull(rule.floor);
  if (target && floor?.gt(target))
    push(
      [...path, 'floor'],
      `the floor ${floor.toString()} is above the target ${target.toString()}: no value would score between them.`,
    );
}

/** @internal */
export function evaluateProportional(c: CompiledProportional, value: number | string, env: Env): Outcome {
  const v = toDec(value);
  const measured = typeof value === 'number' ? value : toNum(v);
  const d = c.leaf.display;
  const max = c.leaf.max;
  let points: Pts;
  let reason: 'BELOW_FLOOR' | 'CAPPED' | 'PROPORTIONAL';
  if (c.floor !== null && (c.floorInc ? v.lt(c.floor) : v.lte(c.floor))) {
    points = ZERO_PTS;
    reason = 'BELOW_FLOOR';
  } else if (v.gte(c.target)) {
    points = c.full;
    reason = 'CAPPED';
  } else {
    let p = v.isNegative() ? ZERO : max.times(v).div(c.target);
    if (c.round !== null) p = roundHalfUp(p, c.round);
    points = mkPts(p, env.scale);
    reason = 'PROPORTIONAL';
  }
  const next =
    reason === 'CAPPED' || ptsCmp(points, c.full, env.scale) >= 0
      ? undefined
      : mkNext(c.target, 'at-least', c.full, points, d, env);
  const out: Outcome = { points, status: 'scored', reason, measured, ...(next ? { next } : {}) };
  if (!env.explain) return out;
  const val = (l: Locale) => `${valueWord(d, l)} ${fmtValue(v, d, env, l)}`;
  const tgt = (l: Locale) => fmtValue(c.target, d, env, l, true);
  const om = (l: Locale) => ofMax(points, max, env, l);
  const explanation =
    reason === 'BELOW_FLOOR'
      ? {
          vi: `${val('vi')} ${c.floorInc ? 'dưới' : 'không vượt'} mức sàn ${fmtValue(c.floor!, d, env, 'vi', true)}: ${om('vi')}`,
          en: `${val('en')} is ${c.floorInc ? 'below' : 'not above'} the floor ${fmtValue(c.floor!, d, env, 'en', true)}: ${om('en')}`,
        }
      : reason === 'CAPPED'
        ? {
            vi: `${val('vi')} đạt mức ${tgt('vi')}: ${om('vi')} (tối đa)`,
            en: `${val('en')} reaches ${tgt('en')}: ${om('en')} (full points)`,
          }
        : {
            vi: `${val('vi')} so với mức ${tgt('vi')} (điểm tối đa × tỷ lệ ÷ mức)${c.round !== null ? `, làm tròn ${c.round} chữ số` : ''}: ${om('vi')}`,
            en: `${val('en')} against ${tgt('en')} (max × value ÷ target)${c.round !== null ? `, rounded to ${c.round} decimals` : ''}: ${om('en')}`,
          };
  return { ...out, explanation };
}
