import { z } from 'zod';
import { CchcError, type CchcIssue } from '../errors/CchcError.js';
import { parseWith } from '../errors/fromZod.js';
import { type Dec, toDec } from '../numeric/decimal.js';
import { planOf } from '../rules/defineRuleSet.js';
import type { RuleSet, RuleSetInput } from '../rules/RuleSet.js';
import type { ScoreReport } from './ScoreReport.js';

/**
 * How equal values share ranks: `dense` (1, 2, 2, 3) or `competition` (1, 2, 2, 4).
 * @category Scoring
 */
export type RankMethod = 'dense' | 'competition';

/**
 * What units are ordered by: total points (`points`, default), the unrounded index %
 * (`percent`) or the index % rounded as the rule set publishes it (`rounded-percent`, so 84,664 %
 * and 84,655 % both shown as 84,66 % tie).
 * @category Scoring
 */
export type RankBy = 'points' | 'percent' | 'rounded-percent';

/**
 * Options of {@link rankUnits}.
 * @category Scoring
 */
export interface RankUnitsOptions {
  /** `dense` or `competition`; default: the rule set's `ranking.ties` when `ruleSet` is given, else `dense`. */
  method?: RankMethod;
  /** What to order by (default `points`). */
  by?: RankBy;
  /**
   * Node ids whose points break ties, in order (more points ranks higher), e.g. `['9']` to let the
   * province's own assessment decide. Units still equal after them share the rank.
   */
  tieBreakers?: string[];
  /**
   * The rule set the reports were scored against: its tie rule (`ranking.ties`) becomes the
   * default `method`, and every report must come from it.
   */
  ruleSet?: RuleSet | RuleSetInput;
}

/**
 * One row of a ranking (bảng xếp hạng).
 * @category Scoring
 */
export interface RankedUnit {
  /** 1 for the best unit; equal units share a rank. */
  readonly rank: number;
  readonly unit: { readonly id: string; readonly name: string | null };
  /** Total points (unrounded). */
  readonly points: number;
  /** Index % (unrounded), or `null` when nothing applicable was scored. */
  readonly percent: number | null;
  /** Index % rounded by the rule set's precision, or `null`. */
  readonly roundedPercent: number | null;
  /** The band label reached (xếp loại), or `null`. */
  readonly band: string | null;
  /** `true` when another unit shares this rank. */
  readonly tied: boolean;
}

const finite = z.number().refine(Number.isFinite, { error: 'expected a finite number.' });

/** The parts of a score report the cohort functions read. @internal */
export const ReportShapeSchema = z.object({
  ruleSet: z.object({ id: z.string(), version: z.string(), level: z.string() }),
  unit: z.object({ id: z.string().min(1), name: z.string().nullable(), level: z.string().nullable() }),
  period: z.string(),
  total: z.object({
    points: finite,
    max: finite,
    percent: finite.nullable(),
    roundedPercent: finite.nullable(),
  }),
  band: z.object({ label: z.string() }).nullable(),
  nodes: z.array(
    z.object({
      id: z.string(),
      name: z.string().nullable(),
      childIds: z.array(z.string()),
      depth: z.number(),
      section: z.string(),
      points: finite,
      max: finite,
      percent: finite.nullable(),
    }),
  ),
});

/** The parts of a score report the cohort functions read, see {@link ReportShapeSchema}. @internal */
export interface ReportShape {
  readonly ruleSet: { readonly id: string; readonly version: string; readonly level: string };
  readonly unit: { readonly id: string; readonly name: string | null; readonly level: string | null };
  readonly period: string;
  readonly total: {
    readonly points: number;
    readonly max: number;
    readonly percent: number | null;
    readonly roundedPercent: number | null;
  };
  readonly band: { readonly label: string } | null;
  readonly nodes: readonly {
    readonly id: string;
    readonly name: string | null;
    readonly childIds: readonly string[];
    readonly depth: number;
    readonly section: string;
    readonly points: number;
    readonly max: number;
    readonly percent: number | null;
  }[];
}

/** Trusted options of {@link rankWith}. @internal */
export interface RankCoreOptions {
  readonly method: RankMethod;
  readonly by: RankBy;
  readonly tieBreakers: readonly string[];
}

/**
 * Checks that reports come from one rule set (id and version) and one period, and that unit ids
 * are unique; pushes INCOMPATIBLE_RESULTS issues and INVALID_INPUT issues separately. @internal
 */
export function checkCohortReports(
  reports: readonly ReportShape[],
  path: readonly (string | number)[],
  expected?: { readonly id: string; readonly version: string },
  samePeriod = true,
): void {
  const incompatible: CchcIssue[] = [];
  const invalid: CchcIssue[] = [];
  const first = expected ?? reports[0]?.ruleSet;
  const seen = new Map<string, number>();
  reports.forEach((r, i) => {
    if (first && (r.ruleSet.id !== first.id || r.ruleSet.version !== first.version))
      incompatible.push({
        path: [...path, i, 'ruleSet'],
        message: `this report is for rule set "${r.ruleSet.id}" version "${r.ruleSet.version}", not "${first.id}" version "${first.version}": expected reports of one rule set and version.`,
      });
    if (samePeriod && reports[0] && r.period !== reports[0].period)
      incompatible.push({
        path: [...path, i, 'period'],
        message: `this report is for period "${r.period}", not "${reports[0].period}": expected reports of one period.`,
      });
    const j = seen.get(r.unit.id);
    if (j !== undefined)
      invalid.push({
        path: [...path, i, 'unit', 'id'],
        message: `duplicate unit id "${r.unit.id}" (also report ${j}): expected each unit once.`,
      });
    else seen.set(r.unit.id, i);
  });
  if (incompatible.length > 0)
    throw new CchcError('INCOMPATIBLE_RESULTS', incompatible, {
      summary: 'the reports cannot be ranked together.',
    });
  if (invalid.length > 0) throw new CchcError('INVALID_INPUT', invalid);
}

function primary(r: ReportShape, by: RankBy): number | null {
  if (by === 'points') return r.total.points;
  return by === 'percent' ? r.total.percent : r.total.roundedPercent;
}

/** Compares two values, higher first, `null` last. */
function cmpDesc(a: Dec | null, b: Dec | null): number {
  if (a === null) return b === null ? 0 : 1;
  if (b === null) return -1;
  return b.cmp(a);
}

const decOf = (v: number | null): Dec | null => (v === null ? null : toDec(v));

/**
 * Ranks reports already validated and checked to be compatible: the trusted core of
 * {@link rankUnits}. @internal
 */
export function rankWith(reports: readonly ReportShape[], options: RankCoreOptions): readonly RankedUnit[] {
  const keys = reports.map((r) => {
    const byId = new Map(r.nodes.map((n) => [n.id, n.points]));
    return [primary(r, options.by), ...options.tieBreakers.map((id) => byId.get(id) ?? null)].map(decOf);
  });
  const cmpKeys = (a: number, b: number): number => {
    const ka = keys[a]!;
    const kb = keys[b]!;
    for (let k = 0; k < ka.length; k++) {
      const c = cmpDesc(ka[k]!, kb[k]!);
      if (c !== 0) return c;
    }
    return 0;
  };
  const order = reports.map((_, i) => i);
  order.sort((a, b) => {
    const c = cmpKeys(a, b);
    if (c !== 0) return c;
    const ia = reports[a]!.unit.id;
    const ib = reports[b]!.unit.id;
    return ia < ib ? -1 : ia > ib ? 1 : 0;
  });
  const ranks: number[] = new Array(order.length);
  let dense = 0;
  for (let k = 0; k < order.length; k++) {
    if (k > 0 && cmpKeys(order[k - 1]!, order[k]!) === 0) ranks[k] = ranks[k - 1]!;
    else {
      dense += 1;
      ranks[k] = options.method === 'dense' ? dense : k + 1;
    }
  }
  return Object.freeze(
    order.map((i, k) => {
      const r = reports[i]!;
      const tied =
        (k > 0 && ranks[k - 1] === ranks[k]) || (k + 1 < order.length && ranks[k + 1] === ranks[k]);
      return Object.freeze({
        rank: ranks[k]!,
        unit: Object.freeze({ id: r.unit.id, name: r.unit.name }),
        points: r.total.points,
        percent: r.total.percent,
        roundedPercent: r.total.roundedPercent,
        band: r.band?.label ?? null,
        tied,
      });
    }),
  );
}

/** Checks that every tie-breaker id is a node of the reports. @internal */
export function checkTieBreakers(
  reports: readonly ReportShape[],
  tieBreakers: readonly string[],
  path: readonly (string | number)[],
): void {
  const first = reports[0];
  if (first === undefined) return;
  const ids = new Set(first.nodes.map((n) => n.id));
  const issues: CchcIssue[] = [];
  tieBreakers.forEach((id, i) => {
    if (!ids.has(id))
      issues.push({
        path: [...path, i],
        message: `unknown node id "${id}": expected the id of a node of rule set "${first.ruleSet.id}".`,
      });
  });
  if (issues.length > 0) throw new CchcError('INVALID_OPTIONS', issues);
}

const RankUnitsOptionsSchema = z
  .strictObject({
    method: z.enum(['dense', 'competition']).optional(),
    by: z.enum(['points', 'percent', 'rounded-percent']).optional(),
    tieBreakers: z.array(z.string().min(1)).optional(),
    ruleSet: z.unknown().optional(),
  })
  .optional();

const RankUnitsArgsSchema = z.object({
  reports: z.array(ReportShapeSchema),
  options: RankUnitsOptionsSchema,
});

/**
 * Ranks units (xếp hạng) by total points or index %, with dense or competition ranks and optional
 * tie-breakers; equal units share a rank and are listed by unit id so the output is stable.
 *
 * @remarks
 * - Dense ranking (equal totals share a rank, the next rank is +1) is what the scoring software
 *   `tinhvan170203/chamdiemv03` does (par-index.md §5 "Ties in ranking", M, software, not law);
 *   competition ranking (1, 2, 2, 4) is the usual sports convention, offered as an option. The
 *   national PAR ranks provinces by index value with two decimals (§2.4, H): `by:
 *   'rounded-percent'` reproduces that.
 * - Values are compared exactly (decimal comparison of the report figures); a unit with no
 *   percentage (nothing applicable) ranks last when ordering by percent.
 * @param reports - score reports of one rule set (same id and version) and one period.
 * @param options - `method`, `by`, `tieBreakers`, `ruleSet` (see {@link RankUnitsOptions}).
 * @returns the rows, best first.
 * @throws {@link CchcError} `INCOMPATIBLE_RESULTS` for reports of different rule sets, versions or
 *   periods (path `['reports', i, 'ruleSet']`); `INVALID_INPUT` for something that is not a score
 *   report or a duplicate unit id (path `['reports', i, 'unit', 'id']`); `INVALID_OPTIONS` for bad
 *   options or an unknown tie-breaker node (path `['options', 'tieBreakers', i]`);
 *   `INVALID_RULE_SET` for a bad `options.ruleSet`.
 * @example
 * ```ts
 * import { defineRuleSet, rankUnits, scoreUnit } from 'cchc-index';
 * const ruleSet = defineRuleSet({ id: 'demo', version: '1', legalBasis: 'illustrative', level: 'huyen', total: 10,
 *   children: [{ id: '1', max: 10, assessor: 'superior', rule: { kind: 'manual', step: 0.25 } }] });
 * const report = (id: string, value: number) =>
 *   scoreUnit(ruleSet, { unit: { id }, period: '2025', entries: { '1': { superior: { value } } } });
 * const reports = [report('a', 9), report('b', 8), report('c', 8), report('d', 7)];
 * rankUnits(reports).map((row) => row.rank);
 * // => [1, 2, 2, 3]
 * rankUnits(reports, { method: 'competition' }).map((row) => [row.unit.id, row.rank, row.tied]);
 * // => [['a', 1, false], ['b', 2, true], ['c', 2, true], ['d', 4, false]]
 * ```
 * @category Scoring
 */
export function rankUnits(
  reports: readonly ScoreReport[],
  options?: RankUnitsOptions,
): readonly RankedUnit[] {
  const args = parseWith(RankUnitsArgsSchema, { reports, options });
  const opts = args.options;
  let ties: RankMethod | undefined;
  let expected: { id: string; version: string } | undefined;
  if (opts?.ruleSet !== undefined) {
    const rs = planOf(opts.ruleSet).ruleSet;
    ties = rs.ranking.ties;
    expected = { id: rs.id, version: rs.version };
  }
  checkCohortReports(args.reports, ['reports'], expected);
  const tieBreakers = opts?.tieBreakers ?? [];
  checkTieBreakers(args.reports, tieBreakers, ['options', 'tieBreakers']);
  return rankWith(args.reports, {
    method: opts?.method ?? ties ?? 'dense',
    by: opts?.by ?? 'points',
    tieBreakers,
  });
}
