import { z } from 'zod';
import { type Dec, toDec as toDecImport } from '../../numeric/decimal.js';
import { CountSchema } from '../../numeric/schemas.js';
import type { NextStep } from '../../scoring/ScoreReport.js';
import {
  fmt,
  mkNext as mkNextImport,
  mkPts as mkPtsImport,
  ofMax,
  ptsCmp as ptsCmpImport,
  ZERO_PTS as ZERO_PTSImport,
} from '../text.js';
import {
  belowZero as belowZeroImport,
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
const mkPts = mkPtsImport;
const mkNext = mkNextImport;
const ptsCmp = ptsCmpImport;
const ZERO_PTS = ZERO_PTSImport;
const noNegZero = noNegZeroImport;
const decOrNull = decOrNullImport;
const belowZero = belowZeroImport;

/**
 * A count-tiers rule: the points of the highest tier whose `atLeast` the count reaches, 0 below
 * every tier ("BCĐ họp 4 lần/năm: 20; 3 lần: 15; 2 lần: 10; 1 lần: 5; Còn lại: 0").
 *
 * @remarks
 * Source: district DTI index, par-index.md §5 (H, neighbour index).
 * @example
 * ```ts
 * import { CountTiersRuleSchema } from 'cchc-index';
 * CountTiersRuleSchema.parse({ kind: 'count-tiers', tiers: [{ atLeast: 4, points: 20 }] }).tiers[0]?.atLeast;
 * // => 4
 * ```
 * @category Rules
 */
export const CountTiersRuleSchema = z.strictObject({
  kind: z.literal('count-tiers'),
  ...measureFields,
  tiers: z
    .array(z.strictObject({ atLeast: CountSchema, points: PointsSchema, label: z.string().optional() }))
    .min(1),
});

/**
 * A count-tiers rule, see {@link CountTiersRuleSchema}.
 * @category Rules
 */
export type CountTiersRule = z.output<typeof CountTiersRuleSchema>;

/** @internal */
export interface CompiledCountTiers {
  /** Sorted by `atLeast`, descending. */
  readonly tiers: readonly {
    readonly atLeast: number;
    readonly points: Pts;
    readonly label: string | null;
  }[];
  readonly max: Dec;
}

/** @internal */
export function compileCountTiers(rule: CountTiersRule, leaf: LeafInfo, scale: number): CompiledCountTiers {
  const tiers = rule.tiers
    .map((t) => ({ atLeast: t.atLeast, points: mkPts(toDec(t.points), scale), label: t.label ?? null }))
    .sort((a, b) => b.atLeast - a.atLeast);
  return { tiers, max: leaf.max };
}

/** @internal */
export function checkCountTiersRule(
  rule: Record<string, unknown>,
  max: Dec | null,
  path: Path,
  push: Push,
): void {
  if (!Array.isArray(rule.tiers)) return;
  const seen = new Map<string, number>();
  rule.tiers.forEach((raw, i) => {
    const t = obj(raw);
    if (t === null) return;
    checkPointsWithinMax(t.points, max, [...path, 'tiers', i, 'points'], push, `tier ${i + 1}`);
    const key = String(t.atLeast);
    const prev = seen.get(key);
    if (prev !== undefined)
      push(
        [...path, 'tiers', i, 'atLeast'],
        `tiers ${prev + 1} and ${i + 1} both start at ${key}: expected each count once.`,
      );
    else seen.set(key, i);
  });
}

/** @internal */
export function checkCountValue(value: unknown): string | null {
  // A whole number ≥ 0; `-0` (and "-0") is the count 0.
  if (typeof value === 'number' && Number.isInteger(value) && value >= 0) return null;
  const d = decOrNull(value);
  if (d?.isInteger() && !belowZero(d)) return null;
  return 'expected a whole number ≥ 0 (a count), or null when nothing arose.';
}

/** @internal */
export function evaluateCountTiers(c: CompiledCountTiers, value: number | string, env: Env): Outcome {
  const n = noNegZero(Number(value));
  let idx = -1;
  for (let i = 0; i < c.tiers.length; i++) {
    if (n >= c.tiers[i]!.atLeast) {
      idx = i;
      break;
    }
  }
  const hit = idx < 0 ? null : c.tiers[idx]!;
  const points = hit === null ? ZERO_PTS : hit.points;
  let next: NextStep | undefined;
  for (let i = (idx < 0 ? c.tiers.length : idx) - 1; i >= 0; i--) {
    const t = c.tiers[i]!;
    if (ptsCmp(t.points, points, env.scale) > 0) {
      next = mkNext(t.atLeast, 'at-least', t.points, points, 'number', env);
      break;
    }
  }
  const reason = hit === null ? 'NO_TIER_MATCHED' : 'COUNT_TIER_MATCHED';
  const out: Outcome = next
    ? { points, status: 'scored', reason, measured: n, next }
    : { points, status: 'scored', reason, measured: n };
  if (!env.explain) return out;
  const label = hit?.label ? ` (${hit.label})` : '';
  const explanation =
    hit === null
      ? {
          vi: `Số lượng ${fmt(n, 0, 'vi', true)} chưa đạt mức nào: ${ofMax(points, c.max, env, 'vi')}`,
          en: `Count ${fmt(n, 0, 'en', true)} reaches no tier: ${ofMax(points, c.max, env, 'en')}`,
        }
      : {
          vi: `Số lượng ${fmt(n, 0, 'vi', true)} đạt mức từ ${fmt(hit.atLeast, 0, 'vi', true)} trở lên${label}: ${ofMax(points, c.max, env, 'vi')}`,
          en: `Count ${fmt(n, 0, 'en', true)} reaches the tier of ${fmt(hit.atLeast, 0, 'en', true)} or more${label}: ${ofMax(points, c.max, env, 'en')}`,
        };
  return { ...out, explanation };
}
