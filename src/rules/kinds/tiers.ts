import { z } from 'zod';
import { type Dec, toDec as toDecImport, toNum as toNumImport } from '../../numeric/decimal.js';
import { DecimalInputSchema } from '../../numeric/schemas.js';
import type { NextStep } from '../../scoring/ScoreReport.js';
import {
  exactNumber,
  fmtValue,
  type Locale,
  mkNext as mkNextImport,
  mkPts as mkPtsImport,
  ofMax,
  ptsCmp as ptsCmpImport,
  valueWord,
  ZERO_PTS as ZERO_PTSImport,
} from '../text.js';
import {
  checkPointsWithinMax,
  decOrNull as decOrNullImport,
  type Env,
  type LeafInfo,
  measureFields,
  noNegZero as noNegZeroImport,
  type Outcome,
  obj,
  type Path,
  PointsSchema,
  type Pts,
  type Push,
} from './common.js';

// Hot imports bound once (a CommonJS transform reads each imported binding through a getter).
const toDec = toDecImport;
const toNum = toNumImport;
const mkPts = mkPtsImport;
const mkNext = mkNextImport;
const ptsCmp = ptsCmpImport;
const ZERO_PTS = ZERO_PTSImport;
const noNegZero = noNegZeroImport;
const decOrNull = decOrNullImport;

/**
 * One tier of a {@link TiersRuleSchema} rule: a value range with explicit bounds and its points.
 * `min` is inclusive unless `minInclusive: false` ("trên 90 %"); `max` is exclusive unless
 * `maxInclusive: true` ("từ 70 % đến 90 %"). A missing bound is unbounded.
 * @category Rules
 */
export const TierSchema = z.strictObject({
  min: DecimalInputSchema.optional(),
  minInclusive: z.boolean().optional(),
  max: DecimalInputSchema.optional(),
  maxInclusive: z.boolean().optional(),
  points: PointsSchema,
  label: z.string().optional(),
});

/**
 * A tier, see {@link TierSchema}.
 * @category Rules
 */
export type Tier = z.output<typeof TierSchema>;

/**
 * A threshold-tiers rule on a measured value: "Thực hiện trên 90 % kế hoạch: 2; từ 70 % – 90 %: 1;
 * dưới 70 %: 0". Bounds are explicit so `validateRuleSet` can prove the tiers neither overlap nor
 * leave gaps. Rates are ratios (`0.9`, not `90`).
 *
 * @remarks
 * Source: Cà Mau 1880/QĐ-UBND (2013) 1.1.4, par-index.md §5 (H); the source's "70 % – 90 %"
 * wording overlaps "trên 90 %" only if read loosely, which is why bounds must be explicit.
 * @example
 * ```ts
 * import { TiersRuleSchema } from 'cchc-index';
 * TiersRuleSchema.parse({ kind: 'tiers', measure: 'plan.completionRate', tiers: [
 *   { min: 0.9, minInclusive: false, points: 2 },
 *   { min: 0.7, max: 0.9, maxInclusive: true, points: 1 },
 *   { min: 0, max: 0.7, points: 0 },
 * ] }).tiers.length;
 * // => 3
 * ```
 * @category Rules
 */
export const TiersRuleSchema = z.strictObject({
  kind: z.literal('tiers'),
  ...measureFields,
  tiers: z.array(TierSchema).min(1),
});

/**
 * A threshold-tiers rule, see {@link TiersRuleSchema}.
 * @category Rules
 */
export type TiersRule = z.output<typeof TiersRuleSchema>;

/** @internal */
export interface CompiledTier {
  readonly min: Dec | null;
  readonly minN: number | null;
  readonly minInc: boolean;
  readonly max: Dec | null;
  readonly maxN: number | null;
  readonly maxInc: boolean;
  readonly points: Pts;
  readonly label: string | null;
}

/** @internal */
export interface CompiledTiers {
  readonly tiers: readonly CompiledTier[];
  readonly leaf: LeafInfo;
  /**
   * Whether every bound is exactly a double (reads back as the same decimal), so a number value
   * can be compared as a double; a bound such as `"0.95000000000000000001"` makes every value
   * compare as a Decimal.
   */
  readonly doubleBounds: boolean;
}

/** @internal */
export function compileTiers(rule: TiersRule, leaf: LeafInfo, scale: number): CompiledTiers {
  const tiers = rule.tiers.map((t): CompiledTier => {
    const min = t.min === undefined ? null : toDec(t.min);
    const max = t.max === undefined ? null : toDec(t.max);
    return {
      min,
      minN: min === null ? null : min.toNumber(),
      minInc: t.minInclusive ?? true,
      max,
      maxN: max === null ? null : max.toNumber(),
      maxInc: t.maxInclusive ?? false,
      points: mkPts(toDec(t.points), scale),
      label: t.label ?? null,
    };
  });
  const doubleBounds = tiers.every(
    (t) => (t.min === null || exactNumber(t.min) !== null) && (t.max === null || exactNumber(t.max) !== null),
  );
  return { tiers, leaf, doubleBounds };
}

/**
 * Whether `v` lies in the tier. A number compares as a double, which orders it exactly as its
 * decimal when the tier's bounds are exact doubles ({@link CompiledTiers.doubleBounds}).
 * @internal
 */
export function inTier(t: CompiledTier, v: number | Dec): boolean {
  if (typeof v === 'number') {
    if (t.minN !== null && (t.minInc ? v < t.minN : v <= t.minN)) return false;
    if (t.maxN !== null && (t.maxInc ? v > t.maxN : v >= t.maxN)) return false;
    return true;
  }
  if (t.min !== null && (t.minInc ? v.lt(t.min) : v.lte(t.min))) return false;
  if (t.max !== null && (t.maxInc ? v.gt(t.max) : v.gte(t.max))) return false;
  return true;
}

function bound(raw: Record<string, unknown>, key: 'min' | 'max'): Dec | null {
  return decOrNull(raw[key]);
}

/** Checks bounds, points, overlaps and gaps of tiers (raw input, defensively). @internal */
export function checkTiersRule(rule: Record<string, unknown>, max: Dec | null, path: Path, push: Push): void {
  if (!Array.isArray(rule.tiers)) return;
  const list: { i: number; min: Dec | null; minInc: boolean; max: Dec | null; maxInc: boolean }[] = [];
  rule.tiers.forEach((raw, i) => {
    const t = obj(raw);
    if (t === null) return;
    const p = [...path, 'tiers', i];
    checkPointsWithinMax(t.points, max, [...p, 'points'], push, `tier ${i + 1}`);
    const lo = bound(t, 'min');
    const hi = bound(t, 'max');
    const loInc = t.minInclusive !== false;
    const hiInc = t.maxInclusive === true;
    if ((t.min !== undefined && lo === null) || (t.max !== undefined && hi === null)) return;
    if (lo !== null && hi !== null && (lo.gt(hi) || (lo.eq(hi) && !(loInc && hiInc)))) {
      push(p, `tier ${i + 1} is empty: expected "min" (${lo.toString()}) below "max" (${hi.toString()}).`);
      return;
    }
    list.push({ i, min: lo, minInc: loInc, max: hi, maxInc: hiInc });
  });
  // Sort by lower bound (unbounded first); an inclusive lower bound comes before an exclusive one.
  list.sort((a, b) => {
    if (a.min === null || b.min === null) return a.min === null ? (b.min === null ? 0 : -1) : 1;
    const c = a.min.cmp(b.min);
    return c !== 0 ? c : Number(b.minInc) - Number(a.minInc);
  });
  for (let k = 1; k < list.length; k++) {
    const a = list[k - 1]!;
    const b = list[k]!;
    const where = [...path, 'tiers', b.i];
    const names = `tiers ${a.i + 1} and ${b.i + 1}`;
    if (a.max === null || b.min === null) {
      push(
        where,
        `${names} overlap: expected tier ${a.i + 1} to end ("max") where tier ${b.i + 1} starts ("min").`,
      );
      continue;
    }
    const c = a.max.cmp(b.min);
    if (c > 0 || (c === 0 && a.maxInc && b.minInc))
      push(
        where,
        `${names} overlap at ${c === 0 ? a.max.toString() : `${b.min.toString()}–${a.max.toString()}`}: make one bound exclusive or move it.`,
      );
    else if (c < 0 || (!a.maxInc && !b.minInc))
      push(
        where,
        `${names} leave a gap ${c === 0 ? `at ${a.max.toString()}` : `between ${a.max.toString()} and ${b.min.toString()}`}: expected tier ${b.i + 1} to start where tier ${a.i + 1} ends, with exactly one of the two bounds inclusive.`,
      );
  }
}

/** @internal */
export function rangeText(t: CompiledTier, display: 'percent' | 'number', env: Env, locale: Locale): string {
  const lo = t.min === null ? null : fmtValue(t.min, display, env, locale, true);
  const hi = t.max === null ? null : fmtValue(t.max, display, env, locale, true);
  if (locale === 'vi') {
    if (lo !== null && hi !== null)
      return `${t.minInc ? 'từ' : 'trên'} ${lo} đến ${t.maxInc ? '' : 'dưới '}${hi}`;
    if (lo !== null) return t.minInc ? `từ ${lo} trở lên` : `trên ${lo}`;
    if (hi !== null) return t.maxInc ? `không quá ${hi}` : `dưới ${hi}`;
    return 'mọi giá trị';
  }
  if (lo !== null && hi !== null)
    return `${t.minInc ? 'from' : 'over'} ${lo} to ${t.maxInc ? '' : 'under '}${hi}`;
  if (lo !== null) return t.minInc ? `${lo} or more` : `over ${lo}`;
  if (hi !== null) return t.maxInc ? `at most ${hi}` : `under ${hi}`;
  return 'any value';
}

/**
 * How far `v` is below the start (`up`) or above the end of tier `t`, or `null` when `v` is in it.
 * Numbers compare as doubles, which order exactly like their decimals when the bounds are exact
 * doubles (see {@link inTier}; otherwise the value is a Decimal); a Decimal
 * value (a numeric string, possibly with more digits than a double holds) compares and subtracts
 * as a Decimal, so `"0.94999999999999999999"` is below a tier from 0.95 even though its nearest
 * double is 0.95.
 */
function gapTo(t: CompiledTier, v: number | Dec): { up: boolean; dist: number | Dec } | null {
  if (typeof v === 'number') {
    if (t.minN !== null && (t.minInc ? v < t.minN : v <= t.minN)) return { up: true, dist: t.minN - v };
    if (t.maxN !== null && (t.maxInc ? v > t.maxN : v >= t.maxN)) return { up: false, dist: v - t.maxN };
    return null;
  }
  if (t.min !== null && (t.minInc ? v.lt(t.min) : v.lte(t.min))) return { up: true, dist: t.min.minus(v) };
  if (t.max !== null && (t.maxInc ? v.gt(t.max) : v.gte(t.max))) return { up: false, dist: v.minus(t.max) };
  return null;
}

/**
 * Compares two gaps of the same value `v` to two tiers. Doubles: by their float differences, unless
 * those are close enough that the inputs' rounding to doubles (each within half an ulp of its
 * decimal, so the difference of two gaps within 2ε × (|v| + the larger gap)) could reorder or tie
 * the decimal distances the string path measures; then exactly, as for Decimals.
 */
function gapCmp(
  a: number | Dec,
  b: number | Dec,
  at: CompiledTier,
  bt: CompiledTier,
  v: number | Dec,
): number {
  if (typeof a === 'number' && typeof b === 'number' && typeof v === 'number') {
    const diff = a - b;
    if (Math.abs(diff) > 4 * Number.EPSILON * (Math.abs(v) + Math.max(a, b))) return diff;
    return exactGap(at, v).cmp(exactGap(bt, v));
  }
  return toDec(a).cmp(toDec(b));
}

/** The exact decimal gap from `v` to tier `t`, which `v` is outside of. */
function exactGap(t: CompiledTier, v: number | Dec): Dec {
  const g = gapTo(t, toDec(v))!;
  return g.dist as Dec;
}

/** The nearest tier worth more points than `points`, as a next step; ties go to more points. */
function nextTier(c: CompiledTiers, v: number | Dec, points: Pts, env: Env): NextStep | undefined {
  let best: CompiledTier | null = null;
  let bestDist: number | Dec = 0;
  let bestUp = true;
  for (const t of c.tiers) {
    if (ptsCmp(t.points, points, env.scale) <= 0) continue;
    const g = gapTo(t, v);
    if (g === null) continue;
    let better = best === null;
    if (!better) {
      const k = gapCmp(g.dist, bestDist, t, best!, v);
      better = k < 0 || (k === 0 && ptsCmp(t.points, best!.points, env.scale) > 0);
    }
    if (better) {
      best = t;
      bestDist = g.dist;
      bestUp = g.up;
    }
  }
  if (best === null) return undefined;
  return bestUp
    ? mkNext(best.minN!, best.minInc ? 'at-least' : 'more-than', best.points, points, c.leaf.display, env)
    : mkNext(best.maxN!, best.maxInc ? 'at-most' : 'less-than', best.points, points, c.leaf.display, env);
}

/** @internal */
export function evaluateTiers(c: CompiledTiers, value: number | string, env: Env): Outcome {
  const v: number | Dec =
    typeof value !== 'number' ? toDec(value) : c.doubleBounds ? noNegZero(value) : toDec(noNegZero(value));
  let hit: CompiledTier | null = null;
  for (const t of c.tiers) {
    if (inTier(t, v)) {
      hit = t;
      break;
    }
  }
  const points = hit === null ? ZERO_PTS : hit.points;
  const measured = typeof v === 'number' ? v : toNum(v);
  const next = nextTier(c, v, points, env);
  const reason = hit === null ? 'NO_TIER_MATCHED' : 'TIER_MATCHED';
  const out: Outcome =
    next !== undefined
      ? { points, status: 'scored', reason, measured, next }
      : { points, status: 'scored', reason, measured };
  if (!env.explain) return out;
  const d = c.leaf.display;
  const val = (l: Locale) => `${valueWord(d, l)} ${fmtValue(v, d, env, l)}`;
  const label = hit?.label ? ` (${hit.label})` : '';
  const explanation =
    hit === null
      ? {
          vi: `${val('vi')} không thuộc khoảng nào: ${ofMax(points, c.leaf.max, env, 'vi')}`,
          en: `${val('en')} is in no range: ${ofMax(points, c.leaf.max, env, 'en')}`,
        }
      : {
          vi: `${val('vi')} thuộc khoảng ${rangeText(hit, d, env, 'vi')}${label}: ${ofMax(points, c.leaf.max, env, 'vi')}`,
          en: `${val('en')} is in the range ${rangeText(hit, d, env, 'en')}${label}: ${ofMax(points, c.leaf.max, env, 'en')}`,
        };
  return { ...out, explanation };
}
