import { z } from 'zod';
import {
  Dec,
  roundHalfUp,
  toDec as toDecImport,
  toNum as toNumImport,
  ZERO as ZEROImport,
} from '../../numeric/decimal.js';
import { DecimalInputSchema, NonNegativeDecimalSchema } from '../../numeric/schemas.js';
import {
  exactNumber as exactNumberImport,
  fmtValue,
  intOf as intOfImport,
  type Locale,
  mkNext as mkNextImport,
  mkPts as mkPtsImport,
  ofMax,
  POW10 as POW10Import,
  ptsCmp as ptsCmpImport,
  scaledDecimalsOf as scaledDecimalsOfImport,
  valueWord,
  ZERO_PTS as ZERO_PTSImport,
} from '../text.js';
import {
  decOrNull as decOrNullImport,
  type Env,
  type LeafInfo,
  measureFields,
  noNegZero as noNegZeroImport,
  type Outcome,
  type Path,
  type Pts,
  type Push,
  RoundPointsSchema,
} from './common.js';

// Hot imports bound once (a CommonJS transform reads each imported binding through a getter).
const toDec = toDecImport;
const toNum = toNumImport;
const ZERO = ZEROImport;
const mkPts = mkPtsImport;
const mkNext = mkNextImport;
const ptsCmp = ptsCmpImport;
const ZERO_PTS = ZERO_PTSImport;
const POW10 = POW10Import;
const exactNumber = exactNumberImport;
const intOf = intOfImport;
const scaledDecimalsOf = scaledDecimalsOfImport;
const noNegZero = noNegZeroImport;
const decOrNull = decOrNullImport;

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
  /**
   * The integer path (`null` when it does not apply): points × scale = maxScaled × v × 10^tk ÷
   * (10^vk × tInt) for a value v = vInt / 10^vk and target = tInt / 10^tk; the floor and target
   * as doubles that compare exactly like their decimals; `unit` = scale ÷ 10^round.
   */
  readonly fast: {
    readonly maxScaled: number;
    readonly tInt: number;
    readonly tPow: number;
    readonly targetN: number;
    readonly floorN: number | null;
    readonly unit: number;
  } | null;
  /** The target as `mkNext` takes it: a number when that reads as the same decimal. */
  readonly targetArg: Dec | number;
}

/** @internal */
export function compileProportional(
  rule: ProportionalRule,
  leaf: LeafInfo,
  scale: number,
): CompiledProportional {
  const target = rule.target === undefined ? ONE : toDec(rule.target);
  const floor = rule.floor === undefined ? null : toDec(rule.floor);
  const round = rule.roundPoints ?? null;
  const targetN = exactNumber(target);
  const floorN = floor === null ? null : exactNumber(floor);
  const tk = target.decimalPlaces();
  const tInt = tk <= 15 ? intOf(target.times(POW10[tk]!)) : null;
  const unit = round === null ? 1 : scale / POW10[round]!;
  const fast =
    targetN !== null &&
    (floor === null || floorN !== null) &&
    tInt !== null &&
    leaf.maxScaled !== null &&
    Number.isSafeInteger(unit)
      ? { maxScaled: leaf.maxScaled, tInt, tPow: POW10[tk]!, targetN, floorN, unit }
      : null;
  return {
    target,
    floor,
    floorInc: rule.floorInclusive ?? true,
    round,
    leaf,
    full: mkPts(leaf.max, scale),
    fast,
    targetArg: targetN === null ? target : targetN,
  };
}

/**
 * The points × scale of a value below the target on the integer path, or `null` when the exact
 * quotient is not an integer at the scale (then the Decimal path decides) or a product would not
 * be a safe integer. Rounding, when asked, is half-up on the exact quotient (the Decimal path's 40
 * significant digits cannot move a quotient of safe integers across a rounding boundary).
 */
function fastScaled(
  f: NonNullable<CompiledProportional['fast']>,
  value: number,
  round: number | null,
): number | null {
  const vk = scaledDecimalsOf(value);
  if (vk < 0) return null;
  const num = f.maxScaled * (value * POW10[vk]!) * f.tPow;
  const den = POW10[vk]! * f.tInt;
  if (!Number.isSafeInteger(num) || !Number.isSafeInteger(den)) return null;
  if (round === null) return num % den === 0 ? num / den : null;
  const den2 = den * f.unit;
  if (!Number.isSafeInteger(den2)) return null;
  const rem = num % den2;
  let q = (num - rem) / den2;
  if (2 * rem >= den2) q += 1;
  return q * f.unit;
}

const ONE = new Dec(1);

/**
 * A floor must leave the target reachable: a floor above the target (given, or the default 1)
 * scores 0 on values that reach the target, and a floor on the target that is exclusive scores 0
 * on the target itself. A floor on the target that is inclusive is fine (all or nothing).
 * @internal
 */
export function checkProportionalRule(
  rule: Record<string, unknown>,
  _max: Dec | null,
  path: Path,
  push: Push,
): void {
  const floor = decOrNull(rule.floor);
  if (floor === null) return;
  const given = rule.target === undefined ? null : decOrNull(rule.target);
  if (rule.target !== undefined && given === null) return; // the schema reports the target
  const target = given ?? ONE;
  const which = given === null ? 'the default target 1 (100 %)' : `the target ${target.toString()}`;
  if (floor.gt(target))
    push(
      [...path, 'floor'],
      `the floor ${floor.toString()} is above ${which}: values from the target up to the floor would score 0 instead of full points; expected a floor at or below the target (rates as ratios, e.g. 0.5 for 50 %).`,
    );
  else if (floor.eq(target) && rule.floorInclusive === false)
    push(
      [...path, 'floorInclusive'],
      `the floor ${floor.toString()} is ${which} and exclusive: a value exactly on the target would score 0 instead of full points; expected an inclusive floor or a floor below the target.`,
    );
}

/** @internal */
export function evaluateProportional(c: CompiledProportional, entered: number | string, env: Env): Outcome {
  const value = typeof entered === 'number' ? noNegZero(entered) : entered;
  let points: Pts | null = null;
  let reason: 'BELOW_FLOOR' | 'CAPPED' | 'PROPORTIONAL' = 'PROPORTIONAL';
  const f = c.fast;
  // The integer path: a finite number ≥ 0 (`-0` was made `0`) whose decimal the doubles compare exactly.
  if (f !== null && typeof value === 'number' && value >= 0) {
    if (f.floorN !== null && (c.floorInc ? value < f.floorN : value <= f.floorN)) {
      points = ZERO_PTS;
      reason = 'BELOW_FLOOR';
    } else if (value >= f.targetN) {
      points = c.full;
      reason = 'CAPPED';
    } else {
      const scaled = fastScaled(f, value, c.round);
      if (scaled !== null) points = { scaled, dec: null };
    }
  }
  let v: Dec | null = null;
  if (points === null) {
    v = toDec(value);
    if (c.floor !== null && (c.floorInc ? v.lt(c.floor) : v.lte(c.floor))) {
      points = ZERO_PTS;
      reason = 'BELOW_FLOOR';
    } else if (v.gte(c.target)) {
      points = c.full;
      reason = 'CAPPED';
    } else {
      let p = v.isNegative() ? ZERO : c.leaf.max.times(v).div(c.target);
      if (c.round !== null) p = roundHalfUp(p, c.round);
      points = mkPts(p, env.scale);
      reason = 'PROPORTIONAL';
    }
  }
  const measured = typeof value === 'number' ? value : toNum(v as Dec);
  const d = c.leaf.display;
  const max = c.leaf.max;
  const next =
    reason === 'CAPPED' || ptsCmp(points, c.full, env.scale) >= 0
      ? undefined
      : mkNext(c.targetArg, 'at-least', c.full, points, d, env);
  if (!env.explain) return { points, status: 'scored', reason, measured, next };
  const vd = v ?? toDec(value);
  const pts = points;
  const val = (l: Locale) => `${valueWord(d, l)} ${fmtValue(vd, d, env, l)}`;
  const tgt = (l: Locale) => fmtValue(c.target, d, env, l, true);
  const om = (l: Locale) => ofMax(pts, max, env, l);
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
  return { points, status: 'scored', reason, measured, next, explanation };
}
