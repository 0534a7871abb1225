import { z } from 'zod';
import { CchcError, type CchcIssue, isCchcError } from '../errors/CchcError.js';
import { issueFromZod, parseWith, safeParse } from '../errors/fromZod.js';
import { type Dec, toDec, toNum } from '../numeric/decimal.js';
import type { Plan, PlanNode } from '../rules/compile.js';
import { planOf } from '../rules/defineRuleSet.js';
import type { MeasureValues } from '../rules/measures.js';
import type { RuleSet, RuleSetInput } from '../rules/RuleSet.js';
import type { Assessment, AssessmentInput } from './Assessment.js';
import { type CohortStatistics, statisticsOf } from './cohortStatistics.js';
import { checkTieBreakers, type RankBy, type RankedUnit, rankWith } from './rankUnits.js';
import type { ScoreReport } from './ScoreReport.js';
import { prepareAssessment, scoreWithPlan } from './scoreUnit.js';

/**
 * Options of {@link scoreCohort}.
 * @category Scoring
 */
export interface ScoreCohortOptions {
  /** Build the Vietnamese and English sentences (default `true`); `false` for bulk scoring. */
  explanations?: boolean;
  /**
   * How the ranking is made (see {@link RankUnitsOptions}); `method` defaults to the rule set's
   * `ranking.ties`.
   */
  ranking?: { method?: 'dense' | 'competition'; by?: RankBy; tieBreakers?: string[] };
  /** The figure percentile ranks use (see {@link cohortStatistics}); default `points`. */
  statisticsBy?: 'points' | 'percent';
}

/**
 * The result of {@link scoreCohort}: the rule set scored against, the cohort context, one report
 * per unit (in the order given), the ranking and the statistics.
 * @category Scoring
 */
export interface CohortResult {
  readonly ruleSet: {
    readonly id: string;
    readonly version: string;
    readonly name: string | null;
    readonly level: string;
    readonly legalBasis: string;
  };
  /**
   * The best value of each `normalized-to-best` leaf among the units (the highest, or the lowest
   * for `better: 'lower'`), by node id; `null` when no unit has a value for it.
   */
  readonly best: Readonly<Record<string, number | null>>;
  /** One report per assessment, in the order given. */
  readonly reports: readonly ScoreReport[];
  /** Best first. */
  readonly ranking: readonly RankedUnit[];
  readonly statistics: CohortStatistics;
}

const OptionsSchema = z
  .strictObject({
    explanations: z.boolean().optional(),
    ranking: z
      .strictObject({
        method: z.enum(['dense', 'competition']).optional(),
        by: z.enum(['points', 'percent', 'rounded-percent']).optional(),
        tieBreakers: z.array(z.string().min(1)).optional(),
      })
      .optional(),
    statisticsBy: z.enum(['points', 'percent']).optional(),
  })
  .optional();

/** The value a leaf is scored on, as in scoreWithPlan: latest scoring stage, else the measure. */
function effectiveValue(node: PlanNode, a: Assessment, measures: MeasureValues): unknown {
  const stages = a.entries[node.id];
  if (stages !== undefined) {
    for (let k = node.stages.length - 1; k >= 0; k--) {
      const e = stages[node.stages[k]!];
      if (e === undefined) continue;
      if (e.notApplicable === true) return null;
      if (e.value !== undefined) return e.value;
      if (node.measure !== null) break;
    }
  }
  if (node.measure === null) return null;
  return measures.get(`${node.measure}|${node.basis ?? ''}`) ?? null;
}

/**
 * The cohort context: best value of each normalised-to-best leaf, as exact decimal text (for the
 * scorer) and as a number (for the result). @internal
 */
export function cohortBest(
  plan: Plan,
  prepared: readonly { assessment: Assessment; measures: MeasureValues }[],
): { text: Record<string, string | null>; num: Record<string, number | null> } {
  const text: Record<string, string | null> = {};
  const num: Record<string, number | null> = {};
  for (const i of plan.leaves) {
    const node = plan.nodes[i]!;
    const r = node.rule;
    if (r === null || r.kind !== 'normalized-to-best') continue;
    let best: Dec | null = null;
    for (const p of prepared) {
      const v = effectiveValue(node, p.assessment, p.measures);
      if (v === null || (typeof v !== 'number' && typeof v !== 'string')) continue;
      const d = toDec(v);
      if (best === null || (r.c.lower ? d.lt(best) : d.gt(best))) best = d;
    }
    text[node.id] = best === null ? null : best.toString();
    num[node.id] = best === null ? null : toNum(best);
  }
  return { text, num };
}

function prefixed(issues: readonly CchcIssue[], i: number): CchcIssue[] {
  return issues.map((issue) => ({ path: ['assessments', i, ...issue.path], message: issue.message }));
}

/**
 * Scores a cohort of units against one rule set: validates every assessment once (all problems
 * listed together), computes the cohort context that `normalized-to-best` leaves need (the best
 * value among the units), scores each unit, ranks them and computes the cohort statistics.
 *
 * @remarks
 * - Normalised to the best unit: "Tỷ lệ chuẩn hóa = giá trị của đơn vị / giá trị lớn nhất; Điểm =
 *   Tỷ lệ chuẩn hóa × Điểm tối đa" (IT-application index for ministries, par-index.md §5, M). The
 *   value of a unit is the one its leaf is scored on (latest appraisal round, else self score,
 *   else the measure); units without a value (not applicable, nothing arose, pending) take no part.
 * - Ranking uses the rule set's tie rule (`ranking.ties`, dense by default as in the software of
 *   §5, M) unless `options.ranking.method` says otherwise; see {@link rankUnits}.
 * - The order of the assessments changes no unit's report, rank or percentile.
 * @param ruleSet - a rule set from {@link defineRuleSet} or raw JSON (validated now).
 * @param assessments - one assessment per unit, all for the same period.
 * @param options - `explanations`, `ranking` (`method`, `by`, `tieBreakers`), `statisticsBy`.
 * @returns `{ ruleSet, best, reports, ranking, statistics }`, plain and JSON-safe.
 * @throws {@link CchcError} `INVALID_RULE_SET` for a bad rule set; `INVALID_ASSESSMENT` listing
 *   every problem of every assessment (paths such as `['assessments', 3, 'entries', '2.1', 'self',
 *   'value']`), duplicate unit ids (`['assessments', i, 'unit', 'id']`) and different periods
 *   (`['assessments', i, 'period']`); `INVALID_OPTIONS` for bad options or an unknown tie-breaker.
 * @example
 * ```ts
 * import { defineRuleSet, scoreCohort } from 'cchc-index';
 * const ruleSet = defineRuleSet({ id: 'it-index', version: '1', legalBasis: 'illustrative', level: 'so', total: 40,
 *   children: [{ id: '1', name: 'Số dịch vụ công trực tuyến', max: 40, assessor: 'self',
 *     rule: { kind: 'normalized-to-best', measure: 'values.services', display: 'number' } }] });
 * const unit = (id: string, services: number) =>
 *   ({ unit: { id }, period: '2025', data: { values: { services } }, entries: {} });
 * const cohort = scoreCohort(ruleSet, [unit('a', 50), unit('b', 80), unit('c', 20)]);
 * cohort.best;
 * // => { '1': 80 }
 * cohort.reports.map((r) => r.total.points);
 * // => [25, 40, 10]
 * cohort.ranking.map((row) => [row.rank, row.unit.id]);
 * // => [[1, 'b'], [2, 'a'], [3, 'c']]
 * ```
 * @category Scoring
 */
export function scoreCohort(
  ruleSet: RuleSet | RuleSetInput,
  assessments: readonly AssessmentInput[],
  options?: ScoreCohortOptions,
): CohortResult {
  const plan = planOf(ruleSet);
  const opts = parseWith(OptionsSchema, options, 'INVALID_OPTIONS');
  const list = safeParse(z.array(z.unknown()), assessments);
  if (!list.success)
    throw new CchcError(
      'INVALID_ASSESSMENT',
      list.error.issues.map((i) => {
        const issue = issueFromZod(i, assessments);
        return { path: ['assessments', ...issue.path], message: issue.message };
      }),
      { cause: list.error },
    );
  const issues: CchcIssue[] = [];
  const prepared: { assessment: Assessment; measures: MeasureValues }[] = [];
  const seen = new Map<string, number>();
  list.data.forEach((input, i) => {
    try {
      const p = prepareAssessment(plan, input);
      prepared.push(p);
      const id = p.assessment.unit.id;
      const j = seen.get(id);
      if (j !== undefined)
        issues.push({
          path: ['assessments', i, 'unit', 'id'],
          message: `duplicate unit id "${id}" (also assessment ${j}): expected each unit once.`,
        });
      else seen.set(id, i);
      const first = prepared[0]!.assessment.period;
      if (p.assessment.period !== first)
        issues.push({
          path: ['assessments', i, 'period'],
          message: `period "${p.assessment.period}" differs from "${first}" of the first assessment: expected one period per cohort.`,
        });
    } catch (error) {
      if (!isCchcError(error)) throw error;
      issues.push(...prefixed(error.issues, i));
    }
  });
  if (issues.length > 0)
    throw new CchcError('INVALID_ASSESSMENT', issues, { summary: 'the cohort cannot be scored.' });
  const tieBreakers = opts?.ranking?.tieBreakers ?? [];
  const best = cohortBest(plan, prepared);
  const explanations = opts?.explanations ?? true;
  const reports = prepared.map((p) =>
    scoreWithPlan(plan, p.assessment, p.measures, { best: best.text, explanations }),
  );
  checkTieBreakers(reports, tieBreakers, ['options', 'ranking', 'tieBreakers']);
  const rs = plan.ruleSet;
  return Object.freeze({
    ruleSet: Object.freeze({
      id: rs.id,
      version: rs.version,
      name: rs.name ?? null,
      level: rs.level,
      legalBasis: rs.legalBasis,
    }),
    best: Object.freeze(best.num),
    reports: Object.freeze(reports),
    ranking: rankWith(reports, {
      method: opts?.ranking?.method ?? rs.ranking.ties,
      by: opts?.ranking?.by ?? 'points',
      tieBreakers,
    }),
    statistics: statisticsOf(reports, opts?.statisticsBy ?? 'points'),
  });
}
