import { z } from 'zod';
import { type Dec, roundHalfUp, toDec, toNum, ZERO } from '../../numeric/decimal.js';
import { fmt, fmtPercent, type Locale, mkPts, ofMax } from '../text.js';
import {
  belowZero,
  decOrNull,
  type Env,
  KeySchema,
  type LeafInfo,
  type Outcome,
  obj,
  type Path,
  PointsSchema,
  type Push,
  RoundPointsSchema,
} from './common.js';
import { checkCountValue } from './countTiers.js';

/**
 * A survey rule: answer options with weights in percent (e.g. A 100, B 60, C 20, D 0); points =
 * max × Σ(count × weight) ÷ (Σ count × 100). The assessment gives the answer counts
 * (`{ counts: { A: 120, B: 30 } }`) or a survey index already computed (`{ index: 0.8394 }`,
 * a ratio).
 *
 * @remarks
 * Source: Yên Bái survey forms "Phiếu số 01–06", par-index.md §5–§6 (L: a software default, not a
 * legal rule); SIPAS indexes are published as percentages (§2.5, H).
 * @example
 * ```ts
 * import { SurveyRuleSchema } from 'cchc-index';
 * SurveyRuleSchema.parse({ kind: 'survey', options: [{ id: 'A', weight: 100 }, { id: 'B', weight: 60 }] }).options?.length;
 * // => 2
 * ```
 * @category Rules
 */
export const SurveyRuleSchema = z.strictObject({
  kind: z.literal('survey'),
  options: z
    .array(z.strictObject({ id: KeySchema, label: z.string().optional(), weight: PointsSchema }))
    .min(1)
    .optional(),
  roundPoints: RoundPointsSchema.optional(),
});

/**
 * A survey rule, see {@link SurveyRuleSchema}.
 * @category Rules
 */
export type SurveyRule = z.output<typeof SurveyRuleSchema>;

/** @internal */
export interface CompiledSurvey {
  readonly weights: ReadonlyMap<string, Dec> | null;
  readonly round: number | null;
  readonly max: Dec;
}

/** @internal */
export function compileSurvey(rule: SurveyRule, leaf: LeafInfo): CompiledSurvey {
  return {
    weights: rule.options ? new Map(rule.options.map((o) => [o.id, toDec(o.weight)])) : null,
    round: rule.roundPoints ?? null,
    max: leaf.max,
  };
}

/** @internal */
export function checkSurveyRule(
  rule: Record<string, unknown>,
  _max: Dec | null,
  path: Path,
  push: Push,
): void {
  if (!Array.isArray(rule.options)) return;
  const seen = new Set<string>();
  rule.options.forEach((raw, i) => {
    const o = obj(raw);
    if (o === null) return;
    if (typeof o.id === 'string') {
      if (seen.has(o.id)) push([...path, 'options', i, 'id'], `duplicate answer option id "${o.id}".`);
      seen.add(o.id);
    }
    const w = decOrNull(o.weight);
    if (w?.gt(100))
      push(
        [...path, 'options', i, 'weight'],
        `expected a weight from 0 to 100 (%), received ${w.toString()}.`,
      );
  });
}

/** @internal */
export function checkSurveyValue(value: unknown, c: CompiledSurvey): string | null {
  const o = obj(value);
  const keys = o === null ? [] : Object.keys(o);
  if (o !== null && keys.length === 1 && keys[0] === 'index') {
    const d = decOrNull(o.index);
    return d !== null && !belowZero(d) && d.lte(1)
      ? null
      : 'expected "index" as a ratio from 0 to 1 (e.g. 0.8394).';
  }
  if (o !== null && keys.length === 1 && keys[0] === 'counts' && c.weights !== null) {
    const counts = obj(o.counts);
    if (counts === null) return 'expected "counts" as an object of answer option id → count.';
    for (const [k, n] of Object.entries(counts)) {
      if (!c.weights.has(k))
        return `unknown answer option "${k}": expected one of ${[...c.weights.keys()].map((x) => `"${x}"`).join(', ')}.`;
      if (checkCountValue(n) !== null) return `expected the count of answer "${k}" as a whole number ≥ 0.`;
    }
    return null;
  }
  return c.weights === null
    ? 'expected { index: <ratio> } (this survey rule lists no answer options).'
    : 'expected { counts: { <option id>: <count> } } or { index: <ratio> }.';
}

/** @internal */
export function evaluateSurvey(c: CompiledSurvey, value: SurveyValue, env: Env): Outcome {
  let index: Dec;
  let answers: Dec | null = null;
  if ('index' in value) index = toDec(value.index);
  else {
    let num = ZERO;
    let den = ZERO;
    for (const [k, n] of Object.entries(value.counts)) {
      const cnt = toDec(n);
      num = num.plus(cnt.times(c.weights!.get(k)!));
      den = den.plus(cnt);
    }
    answers = den;
    if (den.isZero()) {
      return {
        points: null,
        status: 'not-applicable',
        reason: 'NO_VALUE',
        measured: null,
        ...(env.explain
          ? { explanation: { vi: 'Không có phiếu khảo sát nào', en: 'No survey answers' } }
          : {}),
      };
    }
    index = num.div(den.times(100));
  }
  let p = c.max.times(index);
  if (c.round !== null) p = roundHalfUp(p, c.round);
  const points = mkPts(p, env.scale);
  const out: Outcome = {
    points,
    status: 'scored',
    reason: answers === null ? 'SURVEY_INDEX' : 'SURVEY_WEIGHTED',
    measured: toNum(index),
  };
  if (!env.explain) return out;
  const idx = (l: Locale) => fmtPercent(index, env, l, false);
  return {
    ...out,
    explanation:
      answers === null
        ? {
            vi: `Chỉ số khảo sát ${idx('vi')}: ${ofMax(points, c.max, env, 'vi')}`,
            en: `Survey index ${idx('en')}: ${ofMax(points, c.max, env, 'en')}`,
          }
        : {
            vi: `${fmt(answers, 0, 'vi', true)} phiếu, chỉ số hài lòng ${idx('vi')}: ${ofMax(points, c.max, env, 'vi')}`,
            en: `${fmt(answers, 0, 'en', true)} answers, weighted index ${idx('en')}: ${ofMax(points, c.max, env, 'en')}`,
          },
  };
}

/** The value of a survey leaf. @internal */
export type SurveyValue =
  | { readonly index: number | string }
  | { readonly counts: Readonly<Record<string, number | string>> };
