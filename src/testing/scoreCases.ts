import {
  CchcError,
  type CchcIssue,
  type DecimalInput,
  type ScoreReport,
  type ScoreUnitOptions,
} from '../index.js';
import { assertChecked } from './assertScores.js';
import { assertValidRuleSet } from './assertValidRuleSet.js';
import { checkExpectation, checkOptions, type ExpectedScores, isRecord } from './ExpectedScores.js';

/**
 * One case of a score table: an assessment and the scores expected of it.
 * @category Testing
 */
export interface ScoreCaseInput {
  /** The test name; default `"<unit id> <period>"`. */
  readonly name?: string;
  /** The unit's assessment (an `AssessmentInput`, e.g. read from JSON). */
  readonly assessment: unknown;
  /** The expected scores, see {@link ExpectedScores}. */
  readonly expected: ExpectedScores;
  /** Tolerance of this case (overrides the table's). */
  readonly tolerance?: DecimalInput;
  /** Cohort context for `normalized-to-best` leaves, passed to `scoreUnit`. */
  readonly cohort?: ScoreUnitOptions['cohort'];
}

/**
 * Options of {@link scoreCases}.
 * @category Testing
 */
export interface ScoreCasesOptions {
  /** Tolerance of every case (default 0: exact), see `compareScores`. */
  readonly tolerance?: DecimalInput;
}

/**
 * A case ready to run: its name and inputs, and `assert()`, which scores it and throws a
 * `CchcAssertionError` when a check differs.
 * @category Testing
 */
export interface ScoreCase {
  /** The test name (unique within the table: a repeated name gets ` (2)`, ` (3)` …). */
  readonly name: string;
  readonly assessment: unknown;
  readonly expected: ExpectedScores;
  /** Scores the case and compares; returns the report, throws on a difference. */
  assert(): ScoreReport;
}

function defaultName(assessment: unknown, index: number): string {
  if (
    isRecord(assessment) &&
    isRecord(assessment.unit) &&
    typeof assessment.unit.id === 'string' &&
    assessment.unit.id !== ''
  )
    return typeof assessment.period === 'string'
      ? `${assessment.unit.id} ${assessment.period}`
      : assessment.unit.id;
  return `case ${index + 1}`;
}

/**
 * Turns a table of cases into test cases for any framework's table-driven tests: the rule set is
 * asserted valid once, each case's expected scores are checked up front (so a malformed table
 * fails at once), and each case scores itself only when its test runs.
 *
 * @remarks
 * vitest and jest: `it.each(scoreCases(ruleSet, cases))('$name', (c) => { c.assert(); })`;
 * node:test: `for (const c of scoreCases(ruleSet, cases)) test(c.name, () => { c.assert(); })`.
 * The table is an array of cases, or an object whose keys are the case names (handy for a JSON
 * file of golden cases).
 *
 * @param ruleSet - the rule set as JSON (asserted valid) or from `defineRuleSet`.
 * @param cases - an array of {@link ScoreCaseInput}, or an object of them by name.
 * @param options - `tolerance` of every case (default 0).
 * @returns the cases, in table order.
 * @throws {@link CchcAssertionError} when the rule set is not valid (every problem listed).
 * @throws `CchcError` `INVALID_INPUT` when the table is malformed (every problem listed,
 *   with paths such as `cases[2].expected.total`), `INVALID_OPTIONS`.
 * @example
 * ```ts
 * import { scoreCases } from 'cchc-index/testing';
 * const ruleSet = { id: 'x', version: '1', legalBasis: 'illustrative', level: 'xa', total: 1,
 *   children: [{ id: '1', max: 1, assessor: 'self', rule: { kind: 'yes-no' } }] };
 * const cases = scoreCases(ruleSet, {
 *   'reported on time': { assessment: { unit: { id: 'a' }, period: '2025', entries: { '1': { self: { value: true } } } },
 *     expected: { total: 1 } },
 *   'not reported': { assessment: { unit: { id: 'b' }, period: '2025', entries: { '1': { self: { value: false } } } },
 *     expected: { total: 0, points: { '1': 0 } } },
 * });
 * cases.map((c) => c.name);
 * // => ['reported on time', 'not reported']
 * cases.map((c) => c.assert().total.points);
 * // => [1, 0]
 * ```
 * @category Testing
 */
export function scoreCases(
  ruleSet: unknown,
  cases: readonly ScoreCaseInput[] | Readonly<Record<string, ScoreCaseInput>>,
  options?: ScoreCasesOptions,
): readonly ScoreCase[] {
  checkOptions(options, ['tolerance']);
  const defined = assertValidRuleSet(ruleSet);
  const entries: [string | null, unknown][] = Array.isArray(cases)
    ? // Array.from, not map: a hole of a sparse table is a missing case, not nothing.
      Array.from(cases as readonly unknown[], (c) => [null, c] as [null, unknown])
    : isRecord(cases)
      ? Object.entries(cases)
      : [];
  if (!Array.isArray(cases) && !isRecord(cases))
    throw new CchcError('INVALID_INPUT', [
      { path: ['cases'], message: 'expected an array of cases, or an object of cases by name.' },
    ]);
  if (entries.length === 0)
    throw new CchcError('INVALID_INPUT', [
      { path: ['cases'], message: 'the table has no cases: a test that cannot fail is a defect.' },
    ]);
  const issues: CchcIssue[] = [];
  const seen = new Map<string, number>();
  const out: ScoreCase[] = [];
  entries.forEach(([key, raw], index) => {
    const root = ['cases', key ?? index];
    if (!isRecord(raw)) {
      issues.push({
        path: root,
        message: 'expected a case: { name?, assessment, expected, tolerance?, cohort? }.',
      });
      return;
    }
    const unknown = Object.keys(raw).filter(
      (k) => !['name', 'assessment', 'expected', 'tolerance', 'cohort'].includes(k),
    );
    for (const k of unknown)
      issues.push({
        path: [...root, k],
        message: `unknown key "${k}": expected "name", "assessment", "expected", "tolerance" or "cohort".`,
      });
    if (raw.assessment === undefined)
      issues.push({ path: [...root, 'assessment'], message: 'is required: expected an assessment.' });
    if (raw.name !== undefined && typeof raw.name !== 'string')
      issues.push({ path: [...root, 'name'], message: 'expected a string.' });
    else if (raw.name === '' || key === '')
      issues.push({
        path: key === '' ? root : [...root, 'name'],
        message: 'expected a name for the case, not an empty text (the test runner shows it).',
      });
    let checked: ReturnType<typeof checkExpectation>;
    try {
      checked = checkExpectation(
        raw.expected,
        raw.tolerance ?? options?.tolerance,
        [...root, 'expected'],
        raw.tolerance === undefined ? ['options', 'tolerance'] : [...root, 'tolerance'],
      );
    } catch (error) {
      if (!(error instanceof CchcError)) throw error;
      issues.push(...error.issues);
      return;
    }
    const base = key ?? (typeof raw.name === 'string' ? raw.name : defaultName(raw.assessment, index));
    const count = (seen.get(base) ?? 0) + 1;
    seen.set(base, count);
    const name = count === 1 ? base : `${base} (${count})`;
    const c = raw as unknown as ScoreCaseInput;
    out.push({
      name,
      assessment: c.assessment,
      expected: c.expected,
      assert: () =>
        assertChecked(
          defined,
          c.assessment,
          checked.expectation,
          checked.tolerance,
          c.cohort,
          [...root, 'expected'],
          `case "${name}": `,
        ),
    });
  });
  if (issues.length > 0)
    throw new CchcError('INVALID_INPUT', issues, { summary: 'the table of cases is not valid.' });
  return out;
}
