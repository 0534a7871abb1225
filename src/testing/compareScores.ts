import {
  CchcError,
  type DecimalInput,
  type IssuePath,
  type NodeScore,
  type NodeStatus,
  type ScoreReason,
  type ScoreReport,
} from '../index.js';
import {
  type CheckedExpectation,
  checkExpectation,
  checkOptions,
  type ExpectedScores,
} from './ExpectedScores.js';
import { compareExact, type Exact, nearest } from './internal/exact.js';
import { checkReport } from './internal/report.js';
import { renderTable, truncate } from './internal/table.js';

/**
 * Options of {@link compareScores} (and of `assertScores`).
 * @category Testing
 */
export interface CompareScoresOptions {
  /**
   * The largest difference still counted as equal, in points (and percentage points for
   * `percent`): `|actual − expected| ≤ tolerance`, computed exactly. Default `0`: exact.
   */
  readonly tolerance?: DecimalInput;
}

/**
 * One comparison made by {@link compareScores}: a row of the diff table.
 * @category Testing
 */
export interface ScoreCheck {
  /** What was compared: the total points, the rounded index percentage, the band, or a node's points. */
  readonly check: 'total' | 'percent' | 'band' | 'points';
  /** The node id for `points` checks, `null` otherwise. */
  readonly id: string | null;
  /** The node name (or `null`); for other checks, `null`. */
  readonly name: string | null;
  /** The expected value (numbers as the nearest JS number to what was written). */
  readonly expected: number | string | null;
  /** The value in the report. */
  readonly actual: number | string | null;
  /** `actual − expected` for numbers (exact, then the nearest JS number); `null` otherwise. */
  readonly difference: number | null;
  /** Why the node has its points (`points` checks), `null` otherwise. */
  readonly reason: ScoreReason | null;
  /** The node's status (`points`) or the total's status (other checks). */
  readonly status: NodeStatus;
  /** Whether the values are equal (within the tolerance). */
  readonly match: boolean;
}

/**
 * The outcome of {@link compareScores}.
 * @category Testing
 */
export interface ScoreComparison {
  /** `true` when every check matches. */
  readonly ok: boolean;
  /** Every check, in the order total, percent, band, then nodes in report order. */
  readonly checks: readonly ScoreCheck[];
  /** The checks that do not match. */
  readonly mismatches: readonly ScoreCheck[];
  /**
   * A readable summary: one line when everything matches; otherwise a heading, a table of the
   * checks that differ (node, name, expected, actual, difference, reason) and, for differing
   * leaves, the report's explanation of their points.
   */
  readonly message: string;
}

function show(value: number | string | null): string {
  if (value === null) return 'null';
  return typeof value === 'number' ? String(value) : JSON.stringify(value);
}

function signed(value: number | null): string {
  if (value === null) return '';
  return value > 0 ? `+${value}` : String(value);
}

function numberCheck(
  check: 'total' | 'percent' | 'points',
  node: NodeScore | null,
  actual: number | null,
  expected: Exact | null,
  tolerance: Exact,
  status: NodeStatus,
): ScoreCheck {
  const expectedNumber = expected === null ? null : nearest(expected);
  let difference: number | null = null;
  let match = actual === null && expected === null;
  if (actual !== null && expected !== null) {
    const compared = compareExact(actual, expected.toString(), tolerance);
    difference = compared.difference;
    match = compared.match;
  }
  return {
    check,
    id: node?.id ?? null,
    name: node?.name ?? null,
    expected: expectedNumber,
    actual,
    difference,
    reason: node?.reason ?? null,
    status,
    match,
  };
}

function compareChecked(
  report: ScoreReport,
  expectation: CheckedExpectation,
  tolerance: Exact,
  root: IssuePath,
): ScoreCheck[] {
  const checks: ScoreCheck[] = [];
  const status = report.total.status;
  if (expectation.total !== undefined)
    checks.push(numberCheck('total', null, report.total.points, expectation.total, tolerance, status));
  if (expectation.percent !== undefined)
    checks.push(
      numberCheck('percent', null, report.total.roundedPercent, expectation.percent, tolerance, status),
    );
  if (expectation.band !== undefined) {
    const actual = report.band?.label ?? null;
    checks.push({
      check: 'band',
      id: null,
      name: null,
      expected: expectation.band,
      actual,
      difference: null,
      reason: null,
      status,
      match: actual === expectation.band,
    });
  }
  const byId = new Map(report.nodes.map((node, index) => [node.id, { node, index }]));
  const unknown = expectation.points.filter(([id]) => !byId.has(id));
  if (unknown.length > 0) {
    const known = report.nodes.map((node) => node.id);
    const listed = known.length > 30 ? `${known.slice(0, 30).join(', ')}, …` : known.join(', ');
    throw new CchcError(
      'INVALID_INPUT',
      unknown.map(([id]) => ({
        path: [...root, 'points', id],
        message: `unknown node id "${id}": rule set "${report.ruleSet.id}" has no such node (its ids: ${listed}).`,
      })),
      { summary: 'the expected scores name nodes the report does not have.' },
    );
  }
  const nodes = [...expectation.points].sort((a, b) => byId.get(a[0])!.index - byId.get(b[0])!.index);
  for (const [id, points] of nodes) {
    const node = byId.get(id)!.node;
    checks.push(numberCheck('points', node, node.points, points, tolerance, node.status));
  }
  return checks;
}

function describeReport(report: ScoreReport): string {
  const unit = report.unit.name ? `"${report.unit.id}" (${report.unit.name})` : `"${report.unit.id}"`;
  return `unit ${unit}, period "${report.period}", rule set "${report.ruleSet.id}" version "${report.ruleSet.version}"`;
}

function messageOf(report: ScoreReport, checks: readonly ScoreCheck[], tolerance: Exact): string {
  const mismatches = checks.filter((c) => !c.match);
  const how = tolerance.isZero() ? 'exact comparison' : `tolerance ±${tolerance.toString()}`;
  if (mismatches.length === 0)
    return `all ${checks.length} expected score${checks.length === 1 ? '' : 's'} match (${describeReport(report)}; ${how}).`;
  const heading = `${mismatches.length} of ${checks.length} expected score${checks.length === 1 ? '' : 's'} ${mismatches.length === 1 ? 'differs' : 'differ'} (${describeReport(report)}; ${how}):`;
  const table = renderTable(
    [
      { heading: 'node' },
      { heading: 'name' },
      { heading: 'expected', align: 'right' },
      { heading: 'actual', align: 'right' },
      { heading: 'difference', align: 'right' },
      { heading: 'reason' },
    ],
    mismatches.map((c) => [
      c.check === 'points' ? (c.id ?? '') : `(${c.check})`,
      c.check === 'points' ? truncate(c.name ?? '', 40) : '',
      show(c.expected),
      show(c.actual),
      signed(c.difference),
      c.check === 'points' ? (c.reason ?? '') : `status: ${c.status}`,
    ]),
  );
  const byId = new Map(report.nodes.map((node) => [node.id, node]));
  const why = mismatches
    .filter((c) => c.check === 'points')
    .map((c) => byId.get(c.id!)!)
    .filter((node) => node.explanation !== undefined)
    .map((node) => `  ${node.id}: ${node.explanation!.vi} (${node.explanation!.en})`);
  const pending =
    report.total.pendingMax > 0
      ? [`note: ${report.total.pendingMax} of ${report.total.max} points are still pending (not assessed).`]
      : [];
  return [
    heading,
    '',
    table,
    ...(why.length > 0 ? ['', 'why:', ...why] : []),
    ...(pending.length > 0 ? ['', ...pending] : []),
  ].join('\n');
}

/**
 * Compares a score report with the scores a test expects, exactly as decimals (or within a
 * tolerance), and returns every check with a readable message; it never throws on a mismatch, so a
 * test framework's own `expect` can be used on the result.
 *
 * @remarks
 * `total` is compared with `report.total.points`, `percent` with `report.total.roundedPercent` (the
 * rule set's precision policy), `band` with `report.band?.label`, and each entry of `points` with
 * the points of the node of that id. Use `assertScores` to score and throw in one call.
 *
 * @param report - a report from `scoreUnit` (or one unit of `scoreCohort`).
 * @param expected - the expected scores, see {@link ExpectedScores}.
 * @param options - `tolerance` (default 0: exact).
 * @returns `{ ok, checks, mismatches, message }`.
 * @throws `CchcError` `INVALID_INPUT` when the report is not of the shape `scoreUnit` gives (a
 *   report read back from JSON is), when `expected` or the tolerance is malformed, checks
 *   nothing, or names a node id the report does not have (every problem listed).
 * @example
 * ```ts
 * import { defineRuleSet, scoreUnit } from 'cchc-index';
 * import { compareScores } from 'cchc-index/testing';
 * const ruleSet = defineRuleSet({ id: 'x', version: '1', legalBasis: 'illustrative', level: 'xa', total: 3,
 *   children: [{ id: '1', name: 'Báo cáo', max: 1, assessor: 'self', rule: { kind: 'yes-no' } },
 *     { id: '2', name: 'Kiểm tra', max: 2, assessor: 'self', rule: { kind: 'manual', step: 0.25 } }] });
 * const report = scoreUnit(ruleSet, { unit: { id: 'xa-a' }, period: '2025',
 *   entries: { '1': { self: { value: true } }, '2': { self: { value: 1.25 } } } });
 * const comparison = compareScores(report, { total: '2.25', points: { '1': 1, '2': 1.5 } });
 * comparison.ok;
 * // => false
 * comparison.mismatches.map((check) => [check.id, check.expected, check.actual, check.difference]);
 * // => [['2', 1.5, 1.25, -0.25]]
 * compareScores(report, { points: { '2': 1.5 } }, { tolerance: 0.25 }).ok;
 * // => true
 * ```
 * @category Testing
 */
export function compareScores(
  report: ScoreReport,
  expected: ExpectedScores,
  options?: CompareScoresOptions,
): ScoreComparison {
  checkReport(report);
  checkOptions(options, ['tolerance']);
  const { expectation, tolerance } = checkExpectation(expected, options?.tolerance);
  return compareWith(report, expectation, tolerance);
}

/** {@link compareScores} on an already validated expectation. @internal */
export function compareWith(
  report: ScoreReport,
  expectation: CheckedExpectation,
  tolerance: Exact,
  root: IssuePath = ['expected'],
): ScoreComparison {
  const checks = compareChecked(report, expectation, tolerance, root);
  const mismatches = checks.filter((c) => !c.match);
  return { ok: mismatches.length === 0, checks, mismatches, message: messageOf(report, checks, tolerance) };
}
