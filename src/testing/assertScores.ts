import {
  type AssessmentInput,
  type CchcIssue,
  type IssuePath,
  type RuleSet,
  type ScoreReport,
  type ScoreUnitOptions,
  scoreUnit,
} from '../index.js';
import { assertValidRuleSet } from './assertValidRuleSet.js';
import { CchcAssertionError } from './CchcAssertionError.js';
import { type CompareScoresOptions, compareWith, type ScoreComparison } from './compareScores.js';
import {
  type CheckedExpectation,
  checkExpectation,
  checkOptions,
  type ExpectedScores,
} from './ExpectedScores.js';
import type { Exact } from './internal/exact.js';

/**
 * Options of {@link assertScores}.
 * @category Testing
 */
export interface AssertScoresOptions extends CompareScoresOptions {
  /** The cohort context for `normalized-to-best` leaves, passed to `scoreUnit`. */
  readonly cohort?: ScoreUnitOptions['cohort'];
}

function issuesOf(comparison: ScoreComparison): CchcIssue[] {
  return comparison.mismatches.map((c) => ({
    path: c.check === 'points' ? ['points', c.id!] : [c.check],
    message:
      c.difference === null
        ? `expected ${JSON.stringify(c.expected)}, received ${JSON.stringify(c.actual)}.`
        : `expected ${c.expected}, received ${c.actual} (difference ${c.difference > 0 ? '+' : ''}${c.difference}${c.reason ? `, ${c.reason}` : ''}).`,
  }));
}

/** Only the checks that differ, shaped like {@link ExpectedScores}, for a framework's diff view. */
function sides(comparison: ScoreComparison): {
  actual: Record<string, unknown>;
  expected: Record<string, unknown>;
} {
  const actual: Record<string, unknown> = {};
  const expected: Record<string, unknown> = {};
  const actualPoints: Record<string, unknown> = {};
  const expectedPoints: Record<string, unknown> = {};
  for (const c of comparison.mismatches) {
    if (c.check === 'points') {
      actual.points = actualPoints;
      expected.points = expectedPoints;
      actualPoints[c.id!] = c.actual;
      expectedPoints[c.id!] = c.expected;
    } else {
      actual[c.check] = c.actual;
      expected[c.check] = c.expected;
    }
  }
  return { actual, expected };
}

/**
 * Throws a {@link CchcAssertionError} for a failed comparison.
 * @internal
 */
export function throwIfDifferent(comparison: ScoreComparison, prefix = ''): void {
  if (comparison.ok) return;
  throw new CchcAssertionError(`${prefix}${comparison.message}`, {
    ...sides(comparison),
    operator: 'assertScores',
    issues: issuesOf(comparison),
  });
}

/** {@link assertScores} on an already validated expectation. @internal */
export function assertChecked(
  ruleSet: RuleSet,
  assessment: unknown,
  expectation: CheckedExpectation,
  tolerance: Exact,
  cohort: ScoreUnitOptions['cohort'] | undefined,
  root: IssuePath,
  prefix = '',
): ScoreReport {
  const report = scoreUnit(
    ruleSet,
    assessment as AssessmentInput,
    cohort === undefined ? undefined : { cohort },
  );
  throwIfDifferent(compareWith(report, expectation, tolerance, root), prefix);
  return report;
}

/**
 * Scores an assessment against a rule set and throws, with a readable diff table, when the total,
 * the percentage, the band or the points of a named node differ from what the test expects.
 *
 * @remarks
 * Works in any test framework (vitest, jest, node:test): it imports none, and throws a plain
 * `Error` subclass. The message lists only the checks that differ, one row each: node id, name,
 * expected, actual, difference (actual − expected) and the reason code, followed by the report's
 * explanation of each differing leaf ("why"). Comparison is exact, as decimals, unless
 * `options.tolerance` is given. What is compared is described in {@link compareScores}.
 *
 * @param ruleSet - the rule set: from `defineRuleSet`, or JSON (e.g. a province's file), asserted
 *   valid here with {@link assertValidRuleSet}.
 * @param assessment - the unit's assessment (an `AssessmentInput`, e.g. read from JSON).
 * @param expected - the expected scores, see {@link ExpectedScores}.
 * @param options - `tolerance` (default 0) and `cohort` (for `normalized-to-best` leaves).
 * @returns the score report, for further checks.
 * @throws {@link CchcAssertionError} when a check differs, or the rule set is not valid.
 * @throws `CchcError` `INVALID_ASSESSMENT` (from `scoreUnit`),
 *   `INVALID_INPUT` (malformed `expected`, or an unknown node id in it), `INVALID_OPTIONS`.
 * @example
 * ```ts
 * import { assertScores, type CchcAssertionError } from 'cchc-index/testing';
 * const ruleSet = { id: 'x', version: '1', legalBasis: 'illustrative', level: 'xa', total: 3,
 *   bands: [{ label: 'Tốt', minPercent: 80 }, { label: 'Khá', minPercent: 0 }],
 *   children: [{ id: '1', name: 'Báo cáo', max: 1, assessor: 'self', rule: { kind: 'yes-no' } },
 *     { id: '2', name: 'Kiểm tra', max: 2, assessor: 'self', rule: { kind: 'manual', step: 0.25 } }] };
 * const assessment = { unit: { id: 'xa-a' }, period: '2025',
 *   entries: { '1': { self: { value: true } }, '2': { self: { value: 1.25 } } } };
 * assertScores(ruleSet, assessment, { total: 2.25, percent: 75, band: 'Khá' }).total.points;
 * // => 2.25
 * try {
 *   assertScores(ruleSet, assessment, { total: 2.5, points: { '2': 1.5 } });
 * } catch (error) {
 *   (error as CchcAssertionError).issues.map((issue) => issue.message);
 *   // => ['expected 2.5, received 2.25 (difference -0.25).', 'expected 1.5, received 1.25 (difference -0.25, MANUAL).']
 *   (error as CchcAssertionError).expected;
 *   // => { total: 2.5, points: { '2': 1.5 } }
 * }
 * ```
 * @category Testing
 */
export function assertScores(
  ruleSet: unknown,
  assessment: unknown,
  expected: ExpectedScores,
  options?: AssertScoresOptions,
): ScoreReport {
  checkOptions(options, ['tolerance', 'cohort']);
  const { expectation, tolerance } = checkExpectation(expected, options?.tolerance);
  const defined = assertValidRuleSet(ruleSet);
  return assertChecked(defined, assessment, expectation, tolerance, options?.cohort, ['expected']);
}
