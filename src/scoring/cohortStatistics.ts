import { z } from 'zod';
import { parseWith } from '../errors/fromZod.js';
import { type Dec, rateOrNull, toDec, toNum, ZERO } from '../numeric/decimal.js';
import { checkCohortReports, type ReportShape, ReportShapeSchema } from './rankUnits.js';
import type { ScoreReport } from './ScoreReport.js';

/**
 * Summary statistics of one figure over a cohort; every value is `null` when no unit has the
 * figure (e.g. a field not applicable anywhere).
 * @category Scoring
 */
export interface StatisticsSummary {
  /** Units that have the figure (a `null` percentage is left out). */
  readonly count: number;
  readonly min: number | null;
  /** The 50th percentile (PERCENTILE.INC, see {@link cohortStatistics}). */
  readonly median: number | null;
  /** The 75th percentile (PERCENTILE.INC). */
  readonly p75: number | null;
  readonly max: number | null;
  /** Arithmetic mean, exact decimal, then the nearest JS number. */
  readonly mean: number | null;
}

/**
 * Statistics of the total or of one top-level field (lĩnh vực), on points and on index %.
 * @category Scoring
 */
export interface FigureStatistics {
  /** The node id of the field, or `null` for the total. */
  readonly id: string | null;
  /** The field's name, or `null` (the total, or a field without a name). */
  readonly name: string | null;
  readonly points: StatisticsSummary;
  readonly percent: StatisticsSummary;
}

/**
 * One unit's percentile rank among its same-level peers, for the total and per top-level field:
 * a ratio in [0, 1] (0 = no peer below, 1 = every peer below), or `null` when the unit has no
 * value or no peer.
 * @category Scoring
 */
export interface UnitPercentile {
  readonly unit: { readonly id: string; readonly name: string | null; readonly level: string };
  readonly total: number | null;
  /** By top-level field id. */
  readonly fields: Readonly<Record<string, number | null>>;
}

/**
 * The result of {@link cohortStatistics}.
 * @category Scoring
 */
export interface CohortStatistics {
  /** Units in the cohort. */
  readonly count: number;
  /** The figure percentile ranks are computed on. */
  readonly by: 'points' | 'percent';
  readonly total: FigureStatistics;
  /** Top-level fields of the criteria tree, in rule-set order. */
  readonly fields: readonly FigureStatistics[];
  /** Percentile ranks, in the order of the reports given. */
  readonly units: readonly UnitPercentile[];
}

/**
 * Options of {@link cohortStatistics}.
 * @category Scoring
 */
export interface CohortStatisticsOptions {
  /** Figure the percentile ranks are computed on: `points` (default) or `percent`. */
  by?: 'points' | 'percent';
}

/** PERCENTILE.INC of sorted values at p ∈ [0, 1]: linear interpolation between closest ranks. */
function percentileInc(sorted: readonly Dec[], p: number): Dec {
  const h = toDec(sorted.length - 1).times(p);
  const lo = h.floor().toNumber();
  const frac = h.minus(lo);
  const a = sorted[lo]!;
  const b = sorted[Math.min(lo + 1, sorted.length - 1)]!;
  return a.plus(b.minus(a).times(frac));
}

function summarize(values: readonly (number | null)[]): StatisticsSummary {
  const decs = values.filter((v): v is number => v !== null).map((v) => toDec(v));
  if (decs.length === 0)
    return Object.freeze({ count: 0, min: null, median: null, p75: null, max: null, mean: null });
  const sorted = [...decs].sort((a, b) => a.cmp(b));
  const sum = sorted.reduce((acc, d) => acc.plus(d), ZERO);
  return Object.freeze({
    count: sorted.length,
    min: toNum(sorted[0]!),
    median: toNum(percentileInc(sorted, 0.5)),
    p75: toNum(percentileInc(sorted, 0.75)),
    max: toNum(sorted[sorted.length - 1]!),
    mean: toNum(sum.div(sorted.length)),
  });
}

/** PERCENTRANK.INC without rounding: peers strictly below ÷ (peers with a value − 1). */
function percentRanks(values: readonly (number | null)[], groups: readonly string[]): (number | null)[] {
  const decs = values.map((v) => (v === null ? null : toDec(v)));
  const sorted = new Map<string, Dec[]>();
  decs.forEach((d, i) => {
    if (d === null) return;
    const list = sorted.get(groups[i]!) ?? [];
    list.push(d);
    sorted.set(groups[i]!, list);
  });
  for (const list of sorted.values()) list.sort((a, b) => a.cmp(b));
  return decs.map((d, i) => {
    if (d === null) return null;
    const list = sorted.get(groups[i]!)!;
    // Binary search: the number of values strictly below d.
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (list[mid]!.lt(d)) lo = mid + 1;
      else hi = mid;
    }
    return rateOrNull(toDec(lo), toDec(list.length - 1));
  });
}

/** Top-level criteria fields of a report, in order. */
function topFields(r: ReportShape): ReportShape['nodes'] {
  return r.nodes.filter((n) => n.depth === 1 && n.section === 'criteria');
}

/**
 * Computes cohort statistics on validated, compatible reports: the trusted core of
 * {@link cohortStatistics}. @internal
 */
export function statisticsOf(reports: readonly ReportShape[], by: 'points' | 'percent'): CohortStatistics {
  const fields = reports[0] ? topFields(reports[0]) : [];
  const level = (r: ReportShape) => r.unit.level ?? r.ruleSet.level;
  const groups = reports.map(level);
  const nodeOf = reports.map((r) => new Map(r.nodes.map((n) => [n.id, n])));
  const fieldStats = fields.map((f) => {
    const pts = nodeOf.map((m) => m.get(f.id)?.points ?? null);
    const pct = nodeOf.map((m) => m.get(f.id)?.percent ?? null);
    return { f, pts, pct, ranks: percentRanks(by === 'points' ? pts : pct, groups) };
  });
  const totalPts = reports.map((r) => r.total.points);
  const totalPct = reports.map((r) => r.total.percent);
  const totalRanks = percentRanks(by === 'points' ? totalPts : totalPct, groups);
  return Object.freeze({
    count: reports.length,
    by,
    total: Object.freeze({ id: null, name: null, points: summarize(totalPts), percent: summarize(totalPct) }),
    fields: Object.freeze(
      fieldStats.map(({ f, pts, pct }) =>
        Object.freeze({ id: f.id, name: f.name, points: summarize(pts), percent: summarize(pct) }),
      ),
    ),
    units: Object.freeze(
      reports.map((r, i) =>
        Object.freeze({
          unit: Object.freeze({ id: r.unit.id, name: r.unit.name, level: groups[i]! }),
          total: totalRanks[i]!,
          fields: Object.freeze(Object.fromEntries(fieldStats.map((s) => [s.f.id, s.ranks[i]!]))),
        }),
      ),
    ),
  });
}

const ArgsSchema = z.object({
  reports: z.array(ReportShapeSchema),
  options: z.strictObject({ by: z.enum(['points', 'percent']).optional() }).optional(),
});

/**
 * Cohort statistics of score reports: min, median, 75th percentile, max and mean of the total and
 * of every top-level field (on points and on index %), and each unit's percentile rank among its
 * same-level peers.
 *
 * @remarks
 * - Percentiles are Excel's `PERCENTILE.INC` (also NumPy's default `linear`): for n sorted values
 *   x₀ ≤ … ≤ xₙ₋₁ and p ∈ [0, 1], h = (n − 1)·p and the value is x⌊h⌋ + (h − ⌊h⌋)·(x⌊h⌋₊₁ − x⌊h⌋),
 *   computed in exact decimal. The median is p = 0,5, P75 is p = 0,75.
 * - A unit's percentile rank is `PERCENTRANK.INC` unrounded: the peers strictly below it ÷ (the
 *   peers with a value − 1), so the best unit has 1 and the lowest 0; `null` for a unit alone at
 *   its level. Peers are the units of the same level (`unit.level`, else the rule set's level).
 * - A `null` percentage (nothing applicable) is left out of the percent statistics.
 * - No official rule for cohort statistics was found (par-index.md §8): these are the common
 *   spreadsheet definitions, stated so that results can be checked.
 * @param reports - score reports of one rule set and version and one period.
 * @param options - `by`: the figure percentile ranks use (`points` default, or `percent`).
 * @returns the statistics, plain and JSON-safe.
 * @throws {@link CchcError} `INCOMPATIBLE_RESULTS` for reports of different rule sets, versions or
 *   periods (path `['reports', i, 'ruleSet']`); `INVALID_INPUT` for something that is not a score
 *   report or a duplicate unit; `INVALID_INPUT` for bad options (path `['options', …]`).
 * @example
 * ```ts
 * import { cohortStatistics, defineRuleSet, scoreUnit } from 'cchc-index';
 * const ruleSet = defineRuleSet({ id: 'demo', version: '1', legalBasis: 'illustrative', level: 'huyen', total: 10,
 *   children: [{ id: '1', max: 10, assessor: 'superior', rule: { kind: 'manual', step: 0.25 } }] });
 * const report = (id: string, value: number) =>
 *   scoreUnit(ruleSet, { unit: { id }, period: '2025', entries: { '1': { superior: { value } } } });
 * const stats = cohortStatistics([report('a', 9), report('b', 8), report('c', 7.5), report('d', 6)]);
 * stats.total.points;
 * // => { count: 4, min: 6, median: 7.75, p75: 8.25, max: 9, mean: 7.625 }
 * stats.units.map((u) => u.total);
 * // => [1, 0.6666666666666666, 0.3333333333333333, 0]
 * ```
 * @category Scoring
 */
export function cohortStatistics(
  reports: readonly ScoreReport[],
  options?: CohortStatisticsOptions,
): CohortStatistics {
  const args = parseWith(ArgsSchema, { reports, options });
  checkCohortReports(args.reports, ['reports']);
  return statisticsOf(args.reports, args.options?.by ?? 'points');
}
