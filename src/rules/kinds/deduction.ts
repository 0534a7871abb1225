import { z } from 'zod';
import { noun } from '../../format/internal.js';
import { type Dec, toDec as toDecImport } from '../../numeric/decimal.js';
import { NonNegativeDecimalSchema } from '../../numeric/schemas.js';
import type { Explanation } from '../../scoring/ScoreReport.js';
import {
  fmt,
  fmtExactPoints,
  type Locale,
  mkPts as mkPtsImport,
  ofMax,
  pointsWord,
  ZERO_PTS as ZERO_PTSImport,
} from '../text.js';
import {
  decOrNull as decOrNullImport,
  type Env,
  KeySchema,
  type LeafInfo,
  noNegZero as noNegZeroImport,
  type Outcome,
  obj,
  type Path,
  PointsSchema,
  type Pts,
  type Push,
} from './common.js';
import { checkCountValue as checkCountValueImport } from './countTiers.js';

// Hot imports bound once (a CommonJS transform reads each imported binding through a getter).
const toDec = toDecImport;
const mkPts = mkPtsImport;
const ZERO_PTS = ZERO_PTSImport;
const noNegZero = noNegZeroImport;
const decOrNull = decOrNullImport;
const checkCountValue = checkCountValueImport;

/**
 * A deduction rule: start at the maximum and take points off, down to 0. Per occurrence ("trừ
 * 0,25 điểm mỗi …": the value is a count) and/or by grade ("Có vi phạm nhẹ: trừ 50 % điểm; vi phạm
 * nghiêm trọng: 0 điểm": the value is a grade id; a grade takes `deduct` points or `deductPercent`
 * of the maximum).
 *
 * @remarks
 * Source: par-index.md §5, graded qualitative rules (`linhnv87/ChamDiemCCHC`, L, mock data) and
 * per-occurrence deductions of province sets (§5 "Bonus / deduction", M).
 * @example
 * ```ts
 * import { DeductionRuleSchema } from 'cchc-index';
 * DeductionRuleSchema.parse({ kind: 'deduction', perOccurrence: 0.25 }).perOccurrence;
 * // => 0.25
 * ```
 * @category Rules
 */
export const DeductionRuleSchema = z.strictObject({
  kind: z.literal('deduction'),
  perOccurrence: NonNegativeDecimalSchema.optional(),
  grades: z
    .array(
      z.strictObject({
        id: KeySchema,
        label: z.string().optional(),
        deduct: PointsSchema.optional(),
        deductPercent: PointsSchema.optional(),
      }),
    )
    .min(1)
    .optional(),
});

/**
 * A deduction rule, see {@link DeductionRuleSchema}.
 * @category Rules
 */
export type DeductionRule = z.output<typeof DeductionRuleSchema>;

/** @internal */
export interface CompiledDeduction {
  readonly per: Dec | null;
  readonly grades: ReadonlyMap<
    string,
    { readonly deduct: Dec; readonly label: string | null; readonly deductScaled: number | null }
  > | null;
  readonly max: Dec;
  readonly full: Pts;
  /** Points off per occurrence × scale, for the integer path (`null` when not whole). */
  readonly perScaled: number | null;
}

/** @internal */
export function compileDeduction(rule: DeductionRule, leaf: LeafInfo, scale: number): CompiledDeduction {
  const per = rule.perOccurrence === undefined ? null : toDec(rule.perOccurrence);
  return {
    per,
    grades: rule.grades
      ? new Map(
          rule.grades.map((g) => {
            const deduct =
              g.deduct !== undefined
                ? toDec(g.deduct)
                : // validateRuleSet ensures exactly one of `deduct` and `deductPercent`.
                  leaf.max.times(toDec(g.deductPercent!)).div(100);
            return [
              g.id,
              { deduct, label: g.label ?? null, deductScaled: mkPts(deduct, scale).scaled },
            ] as const;
          }),
        )
      : null,
    max: leaf.max,
    full: mkPts(leaf.max, scale),
    perScaled: per === null ? null : mkPts(per, scale).scaled,
  };
}

/** @internal */
export function checkDeductionRule(
  rule: Record<string, unknown>,
  _max: Dec | null,
  path: Path,
  push: Push,
): void {
  if (rule.perOccurrence === undefined && rule.grades === undefined)
    push(path, 'expected "perOccurrence" (points off per occurrence) and/or "grades".');
  const per = decOrNull(rule.perOccurrence);
  if (per?.isZero()) push([...path, 'perOccurrence'], 'expected points off per occurrence > 0.');
  if (!Array.isArray(rule.grades)) return;
  const seen = new Set<string>();
  rule.grades.forEach((raw, i) => {
    const g = obj(raw);
    if (g === null) return;
    const p = [...path, 'grades', i];
    if (typeof g.id === 'string') {
      if (seen.has(g.id)) push([...p, 'id'], `duplicate grade id "${g.id}".`);
      seen.add(g.id);
    }
    if ((g.deduct === undefined) === (g.deductPercent === undefined))
      push(p, 'expected exactly one of "deduct" or "deductPercent".');
    const pct = decOrNull(g.deductPercent);
    if (pct?.gt(100))
      push([...p, 'deductPercent'], `expected a percentage from 0 to 100, received ${pct.toString()}.`);
  });
}

/** @internal */
export function checkDeductionValue(value: unknown, c: CompiledDeduction): string | null {
  if (typeof value === 'string' && c.grades !== null && c.grades.has(value)) return null;
  if (c.per !== null && checkCountValue(value) === null) return null;
  const forms = [
    ...(c.per !== null ? ['a number of occurrences'] : []),
    ...(c.grades !== null ? [`a grade id (${[...c.grades.keys()].map((k) => `"${k}"`).join(', ')})`] : []),
  ];
  return `expected ${forms.join(' or ')}, received ${JSON.stringify(value)}.`;
}

/** @internal */
export function evaluateDeduction(c: CompiledDeduction, value: number | string, env: Env): Outcome {
  const grade = typeof value === 'string' && c.grades !== null ? c.grades.get(value) : undefined;
  const n = grade === undefined ? noNegZero(Number(value)) : 0;
  const measured = grade !== undefined ? (value as string) : n;
  const maxScaled = c.full.scaled;
  // The integer path: whole scaled points off and a whole scaled maximum (always, in a rule set
  // that validateRuleSet accepted; a maximum given to compileDeduction directly may not be).
  const offScaled = grade !== undefined ? grade.deductScaled : c.perScaled === null ? null : c.perScaled * n;
  let reason: 'NO_DEDUCTION' | 'FLOORED_AT_ZERO' | 'DEDUCTED';
  let points: Pts;
  let off: Dec | null = null;
  if (offScaled !== null && maxScaled !== null && Number.isSafeInteger(offScaled)) {
    const left = maxScaled - offScaled;
    reason = offScaled === 0 ? 'NO_DEDUCTION' : left <= 0 ? 'FLOORED_AT_ZERO' : 'DEDUCTED';
    points = offScaled === 0 ? c.full : left <= 0 ? ZERO_PTS : { scaled: left, dec: null };
  } else {
    off = grade !== undefined ? grade.deduct : c.per!.times(n);
    const left = c.max.minus(off);
    reason = off.isZero() ? 'NO_DEDUCTION' : left.lte(0) ? 'FLOORED_AT_ZERO' : 'DEDUCTED';
    points = off.isZero() ? c.full : left.lte(0) ? ZERO_PTS : mkPts(left, env.scale);
  }
  if (!env.explain) return { points, status: 'scored', reason, measured };
  const offDec = off ?? (grade !== undefined ? grade.deduct : c.per!.times(n));
  const pts = points;
  const om = (l: Locale) => ofMax(pts, c.max, env, l);
  const floored = (l: Locale) =>
    reason === 'FLOORED_AT_ZERO' ? (l === 'vi' ? ', không dưới 0' : ', not below 0') : '';
  let explanation: Explanation;
  if (grade !== undefined) {
    const off = (l: Locale) => fmtExactPoints(offDec, l);
    explanation = {
      vi: `${grade.label ?? value}: trừ ${off('vi')} điểm: ${om('vi')}`,
      en: `${grade.label ?? value}: ${off('en')} ${pointsWord(off('en'), 'en')} off: ${om('en')}`,
    };
  } else {
    const per = c.per!;
    const count = (l: Locale) => fmt(n, 0, l, true);
    const each = (l: Locale) => fmtExactPoints(per, l);
    explanation = {
      vi: `${count('vi')} lần × trừ ${each('vi')} điểm${floored('vi')}: ${om('vi')}`,
      en: `${count('en')} ${noun(count('en'), 'occurrence', 'occurrences')} × ${each('en')} ${pointsWord(each('en'), 'en')} off${floored('en')}: ${om('en')}`,
    };
  }
  return { points, status: 'scored', reason, measured, explanation };
}
