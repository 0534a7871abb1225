import { z } from 'zod';
import { CchcError, type CchcIssue } from '../errors/CchcError.js';
import { parseWith } from '../errors/fromZod.js';
import { toDec, toNum } from '../numeric/decimal.js';
import {
  checkCohortReports,
  type RankedUnit,
  type RankMethod,
  type ReportShape,
  ReportShapeSchema,
  rankWith,
} from './rankUnits.js';
import type { Explanation, ScoreReport } from './ScoreReport.js';
import type { CohortResult } from './scoreCohort.js';

/**
 * One side of a comparison: a cohort result from {@link scoreCohort} (its ranking is used), a list
 * of score reports (ranked here), or a single report.
 * @category Scoring
 */
export type ComparisonSide = CohortResult | readonly ScoreReport[] | ScoreReport;

/**
 * Options of {@link compareReports}.
 * @category Scoring
 */
export interface CompareReportsOptions {
  /**
   * How current node ids map to previous ones, `{ currentNodeId: previousNodeId }`; `null` marks a
   * node new in the current rule set. Nodes not listed map to the same id when the previous rule
   * set has it. Needed (and enough) to compare across rule-set ids or versions.
   */
  mapping?: Record<string, string | null>;
  /** Ranking method for sides given as reports (default `dense`); cohort results keep their own. */
  method?: RankMethod;
}

/**
 * A figure in both periods and its change (`current − previous`, exact), `null` where a side
 * lacks it.
 * @category Scoring
 */
export interface Change {
  readonly previous: number | null;
  readonly current: number | null;
  readonly change: number | null;
}

/**
 * The change at one node of the criteria tree.
 * @category Scoring
 */
export interface NodeChange {
  /** The node id in the current rule set. */
  readonly id: string;
  /** The matching node id in the previous rule set, or `null` for a new node. */
  readonly previousId: string | null;
  readonly name: string | null;
  readonly depth: number;
  /** Whether the node is a leaf (its change is a cause, not a sum). */
  readonly leaf: boolean;
  readonly points: Change;
  /** Percentage points of the node's own index. */
  readonly percent: Change;
}

/**
 * The rank in both periods: `moved` > 0 means up (tăng bậc), < 0 down (giảm bậc).
 * @category Scoring
 */
export interface RankChange {
  readonly previous: number | null;
  readonly current: number | null;
  /** `previous − current`, or `null` when a rank is missing. */
  readonly moved: number | null;
  /** "tăng 2 bậc" / "up 2 places", "giảm 1 bậc", "giữ nguyên thứ hạng", or the new/dropped wording. */
  readonly text: Explanation;
}

/**
 * The comparison of one unit between two periods.
 * @category Scoring
 */
export interface UnitComparison {
  readonly unit: { readonly id: string; readonly name: string | null };
  /** In both periods, only in the current one (`new`), or only in the previous one (`dropped`). */
  readonly status: 'both' | 'new' | 'dropped';
  /** Total points. */
  readonly points: Change;
  /** Index % (percentage points). */
  readonly percent: Change;
  readonly rank: RankChange;
  readonly band: { readonly previous: string | null; readonly current: string | null };
  /** Every node of the current tree (pre-order); empty for a dropped unit. */
  readonly nodes: readonly NodeChange[];
  /** Leaves whose points changed, largest change (in absolute value) first, then by id: why the score moved. */
  readonly drivers: readonly NodeChange[];
}

/**
 * The result of {@link compareReports}.
 * @category Scoring
 */
export interface ReportComparison {
  readonly previous: {
    readonly ruleSet: { readonly id: string; readonly version: string };
    readonly period: string;
  };
  readonly current: {
    readonly ruleSet: { readonly id: string; readonly version: string };
    readonly period: string;
  };
  /** Units of the current period in ranking order, then the dropped units. */
  readonly units: readonly UnitComparison[];
  readonly newUnits: readonly string[];
  readonly droppedUnits: readonly string[];
  /** Previous node ids that no current node maps to. */
  readonly droppedNodes: readonly string[];
}

const CohortShapeSchema = z.object({
  reports: z.array(ReportShapeSchema).min(1, { error: 'expected at least one report.' }),
  ranking: z.array(
    z.object({
      rank: z.int().min(1, { error: 'expected a rank: a whole number ≥ 1.' }),
      unit: z.object({ id: z.string() }),
    }),
  ),
});

const SideSchema = z.union([
  CohortShapeSchema,
  z.array(ReportShapeSchema).min(1, { error: 'expected at least one report.' }),
  ReportShapeSchema,
]);

const ArgsSchema = z.object({
  previous: SideSchema,
  current: SideSchema,
  options: z
    .strictObject({
      mapping: z.record(z.string(), z.string().nullable()).optional(),
      method: z.enum(['dense', 'competition']).optional(),
    })
    .optional(),
});

interface Side {
  readonly reports: readonly ReportShape[];
  readonly ranks: ReadonlyMap<string, number>;
  readonly order: readonly string[];
}

function sideOf(raw: z.output<typeof SideSchema>, name: string, method: RankMethod): Side {
  let reports: readonly ReportShape[];
  let ranking: readonly { rank: number; unit: { id: string } }[] | null = null;
  if (Array.isArray(raw)) {
    reports = raw;
    checkCohortReports(reports, [name]);
  } else if ('reports' in raw) {
    reports = raw.reports;
    ranking = raw.ranking;
    checkCohortReports(reports, [name, 'reports']);
    checkRanking(reports, ranking, name);
  } else {
    reports = [raw as ReportShape];
    checkCohortReports(reports, [name]);
  }
  const rows: readonly { rank: number; unit: { id: string } }[] =
    ranking ?? (rankWith(reports, { method, by: 'points', tieBreakers: [] }) as readonly RankedUnit[]);
  return {
    reports,
    ranks: new Map(rows.map((r) => [r.unit.id, r.rank])),
    order: rows.map((r) => r.unit.id),
  };
}

/** Checks that a cohort result's ranking lists each of its reports' units exactly once. */
function checkRanking(
  reports: readonly ReportShape[],
  ranking: readonly { rank: number; unit: { id: string } }[],
  name: string,
): void {
  const ids = new Set(reports.map((r) => r.unit.id));
  const ranked = new Set<string>();
  const issues: CchcIssue[] = [];
  ranking.forEach((row, i) => {
    const id = row.unit.id;
    if (!ids.has(id))
      issues.push({
        path: [name, 'ranking', i, 'unit', 'id'],
        message: `unit "${id}" is ranked but has no report in this cohort result: expected the ranking of its reports.`,
      });
    else if (ranked.has(id))
      issues.push({
        path: [name, 'ranking', i, 'unit', 'id'],
        message: `unit "${id}" is ranked twice: expected each unit of the cohort once.`,
      });
    ranked.add(id);
  });
  const unranked = [...ids].filter((id) => !ranked.has(id));
  if (unranked.length > 0)
    issues.push({
      path: [name, 'ranking'],
      message: `the ranking leaves out ${unranked.map((id) => `"${id}"`).join(', ')}: expected every unit with a report in the cohort result.`,
    });
  if (issues.length > 0) throw new CchcError('INVALID_INPUT', issues);
}

function diff(previous: number | null, current: number | null): Change {
  return Object.freeze({
    previous,
    current,
    change: previous === null || current === null ? null : toNum(toDec(current).minus(toDec(previous))),
  });
}

function rankText(previous: number | null, current: number | null): Explanation {
  if (previous === null && current === null) return { vi: 'Không xếp hạng', en: 'Not ranked' };
  if (previous === null) return { vi: `Mới tham gia, xếp thứ ${current}`, en: `New, ranked ${current}` };
  if (current === null)
    return {
      vi: `Không còn trong kỳ này (trước xếp thứ ${previous})`,
      en: `Dropped (was ranked ${previous})`,
    };
  const moved = previous - current;
  if (moved === 0) return { vi: 'Giữ nguyên thứ hạng', en: 'Rank unchanged' };
  const n = Math.abs(moved);
  return moved > 0
    ? { vi: `Tăng ${n} bậc`, en: `Up ${n} place${n === 1 ? '' : 's'}` }
    : { vi: `Giảm ${n} bậc`, en: `Down ${n} place${n === 1 ? '' : 's'}` };
}

/**
 * Compares two periods (kỳ trước, kỳ này) unit by unit: the change of points and index % at every
 * node and in total, the leaves that drove it (largest first), the band in both periods, the rank
 * moved ("tăng 2 bậc", "giảm 1 bậc"), and the units that are new or dropped.
 *
 * @remarks
 * - Results of different rule sets or versions are refused: their nodes need not mean the same
 *   thing (e.g. QĐ 2948/QĐ-BNV of 2017 and QĐ 876/QĐ-BNV of 2022 restructure the fields,
 *   par-index.md §1–§2, H). A `mapping` from current to previous node ids states how they
 *   correspond and lets the comparison proceed.
 * - Changes are exact decimal differences of the report figures; percent changes are in
 *   percentage points.
 * - Ranks come from a cohort result's ranking, or are computed here (dense by default, as in §5,
 *   M) for sides given as reports.
 * @param previous - the earlier period: a cohort result, a list of reports or one report.
 * @param current - the later period, in the same forms.
 * @param options - `mapping` of node ids, `method` for ranking reports.
 * @returns the comparison, plain and JSON-safe.
 * @throws {@link CchcError} `INCOMPATIBLE_RESULTS` when the two sides are of different rule-set
 *   ids or versions and no mapping is given (path `['current', 'ruleSet']`), or when one side
 *   mixes rule sets or periods; `INVALID_INPUT` for something that is not a report or cohort
 *   result; `INVALID_OPTIONS` for a mapping naming unknown nodes (path `['options', 'mapping',
 *   id]`).
 * @example
 * ```ts
 * import { compareReports, defineRuleSet, scoreUnit } from 'cchc-index';
 * const ruleSet = defineRuleSet({ id: 'demo', version: '1', legalBasis: 'illustrative', level: 'huyen', total: 10,
 *   children: [
 *     { id: '1', max: 6, assessor: 'self', rule: { kind: 'manual', step: 0.25 } },
 *     { id: '2', max: 4, assessor: 'superior', rule: { kind: 'manual', step: 0.25 } },
 *   ] });
 * const report = (id: string, period: string, a: number, b: number) => scoreUnit(ruleSet, { unit: { id }, period,
 *   entries: { '1': { self: { value: a } }, '2': { superior: { value: b } } } });
 * const result = compareReports(
 *   [report('a', '2024', 5, 3), report('b', '2024', 4, 3.5)],
 *   [report('a', '2025', 4.5, 3), report('b', '2025', 5.5, 3.75)]);
 * const b = result.units[0];
 * b?.unit.id;
 * // => 'b'
 * b?.points;
 * // => { previous: 7.5, current: 9.25, change: 1.75 }
 * b?.rank.text.vi;
 * // => 'Tăng 1 bậc'
 * b?.drivers.map((d) => [d.id, d.points.change]);
 * // => [['1', 1.5], ['2', 0.25]]
 * ```
 * @category Scoring
 */
export function compareReports(
  previous: ComparisonSide,
  current: ComparisonSide,
  options?: CompareReportsOptions,
): ReportComparison {
  const args = parseWith(ArgsSchema, { previous, current, options });
  const method = args.options?.method ?? 'dense';
  const prev = sideOf(args.previous, 'previous', method);
  const cur = sideOf(args.current, 'current', method);
  const p0 = prev.reports[0]!;
  const c0 = cur.reports[0]!;
  const mapping = args.options?.mapping;
  if ((p0.ruleSet.id !== c0.ruleSet.id || p0.ruleSet.version !== c0.ruleSet.version) && mapping === undefined)
    throw new CchcError('INCOMPATIBLE_RESULTS', [
      {
        path: ['current', 'ruleSet'],
        message: `the current results are of rule set "${c0.ruleSet.id}" version "${c0.ruleSet.version}" and the previous ones of "${p0.ruleSet.id}" version "${p0.ruleSet.version}": give options.mapping { currentNodeId: previousNodeId } to compare them.`,
      },
    ]);
  // Node correspondence.
  const prevIds = new Set(p0.nodes.map((n) => n.id));
  const curIds = new Set(c0.nodes.map((n) => n.id));
  const issues: CchcIssue[] = [];
  for (const [key, value] of Object.entries(mapping ?? {})) {
    if (!curIds.has(key))
      issues.push({
        path: ['options', 'mapping', key],
        message: `unknown current node id "${key}": expected a node id of rule set "${c0.ruleSet.id}" version "${c0.ruleSet.version}".`,
      });
    else if (value !== null && !prevIds.has(value))
      issues.push({
        path: ['options', 'mapping', key],
        message: `unknown previous node id "${value}": expected a node id of rule set "${p0.ruleSet.id}" version "${p0.ruleSet.version}", or null for a new node.`,
      });
  }
  if (issues.length > 0) throw new CchcError('INVALID_OPTIONS', issues);
  const previousIdOf = new Map<string, string | null>();
  for (const n of c0.nodes) {
    const m = mapping !== undefined && Object.hasOwn(mapping, n.id) ? mapping[n.id]! : undefined;
    previousIdOf.set(n.id, m !== undefined ? m : prevIds.has(n.id) ? n.id : null);
  }
  const used = new Set([...previousIdOf.values()].filter((v): v is string => v !== null));
  const droppedNodes = p0.nodes.map((n) => n.id).filter((id) => !used.has(id));
  const leafIds = new Set(c0.nodes.filter((n) => n.childIds.length === 0).map((n) => n.id));

  const prevBy = new Map(prev.reports.map((r) => [r.unit.id, r]));
  const curBy = new Map(cur.reports.map((r) => [r.unit.id, r]));
  const compareUnit = (id: string): UnitComparison => {
    const p = prevBy.get(id) ?? null;
    const c = curBy.get(id) ?? null;
    const pNodes = new Map((p?.nodes ?? []).map((n) => [n.id, n]));
    const nodes: NodeChange[] =
      c === null
        ? []
        : c.nodes.map((n) => {
            const previousId = previousIdOf.get(n.id) ?? null;
            const pn = previousId === null ? undefined : pNodes.get(previousId);
            return Object.freeze({
              id: n.id,
              previousId,
              name: n.name,
              depth: n.depth,
              leaf: leafIds.has(n.id),
              points: diff(pn?.points ?? null, n.points),
              percent: diff(pn?.percent ?? null, n.percent),
            });
          });
    const drivers = nodes
      .filter((n) => n.leaf && n.points.change !== null && n.points.change !== 0)
      .sort((a, b) => {
        const c2 = toDec(Math.abs(b.points.change!)).cmp(toDec(Math.abs(a.points.change!)));
        return c2 !== 0 ? c2 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
      });
    const pr = prev.ranks.get(id) ?? null;
    const cr = cur.ranks.get(id) ?? null;
    const base = (c ?? p)!;
    return Object.freeze({
      unit: Object.freeze({ id, name: base.unit.name }),
      status: p !== null && c !== null ? 'both' : c !== null ? 'new' : 'dropped',
      points: diff(p?.total.points ?? null, c?.total.points ?? null),
      percent: diff(p?.total.percent ?? null, c?.total.percent ?? null),
      rank: Object.freeze({
        previous: pr,
        current: cr,
        moved: pr === null || cr === null ? null : pr - cr,
        text: Object.freeze(rankText(pr, cr)),
      }),
      band: Object.freeze({ previous: p?.band?.label ?? null, current: c?.band?.label ?? null }),
      nodes: Object.freeze(nodes),
      drivers: Object.freeze(drivers),
    });
  };
  const newUnits = cur.order.filter((id) => !prevBy.has(id));
  const droppedUnits = prev.order.filter((id) => !curBy.has(id));
  return Object.freeze({
    previous: Object.freeze({
      ruleSet: Object.freeze({ id: p0.ruleSet.id, version: p0.ruleSet.version }),
      period: p0.period,
    }),
    current: Object.freeze({
      ruleSet: Object.freeze({ id: c0.ruleSet.id, version: c0.ruleSet.version }),
      period: c0.period,
    }),
    units: Object.freeze([...cur.order, ...droppedUnits].map(compareUnit)),
    newUnits: Object.freeze(newUnits),
    droppedUnits: Object.freeze(droppedUnits),
    droppedNodes: Object.freeze(droppedNodes),
  });
}
