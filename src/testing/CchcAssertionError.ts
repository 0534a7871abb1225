import type { CchcIssue } from '../index.js';

/**
 * The failure thrown by the testing kit's `assert…` helpers: a plain `Error` subclass (no test
 * framework is imported) whose multi-line `message` says what differs, with `actual` and `expected`
 * for frameworks that show a diff (vitest does) and `issues` for programs.
 *
 * @remarks
 * It is not a `CchcError`: a `CchcError` means the library was called with bad input (a
 * malformed assessment, an unknown node id in `expected`), which the kit lets through unchanged,
 * while a `CchcAssertionError` means the rule set or the scores are not what the test expects.
 * Like Node's `assert.AssertionError` it carries `actual`, `expected` and `operator`, so jest,
 * vitest and node:test all report it as an ordinary failed assertion.
 *
 * @example
 * ```ts
 * import { CchcAssertionError, assertValidRuleSet } from 'cchc-index/testing';
 * try {
 *   assertValidRuleSet({ id: 'x', version: '1', legalBasis: 'illustrative', level: 'xa', total: 2,
 *     children: [{ id: '1', max: 1, assessor: 'self', rule: { kind: 'yes-no' } }] });
 * } catch (error) {
 *   error instanceof CchcAssertionError;
 *   // => true
 *   (error as CchcAssertionError).operator;
 *   // => 'assertValidRuleSet'
 *   (error as CchcAssertionError).issues.map((issue) => issue.path.join('.'));
 *   // => ['total']
 * }
 * ```
 * @category Testing
 */
export class CchcAssertionError extends Error {
  /** What was found: the rule set's problems, or the scores that differ (only those). */
  readonly actual: unknown;
  /** What the test expected: no problems, or the expected scores (only those that differ). */
  readonly expected: unknown;
  /** The helper that failed: `'assertValidRuleSet'` or `'assertScores'`. */
  readonly operator: string;
  /** One issue per problem or differing check, with its path (e.g. `['points', '1.1']`). */
  readonly issues: readonly CchcIssue[];

  /**
   * @param message - the full, multi-line message.
   * @param details - `actual`, `expected`, the `operator` (helper name) and the `issues`.
   */
  constructor(
    message: string,
    details: { actual: unknown; expected: unknown; operator: string; issues: readonly CchcIssue[] },
  ) {
    super(message);
    this.name = 'CchcAssertionError';
    this.actual = details.actual;
    this.expected = details.expected;
    this.operator = details.operator;
    this.issues = Object.freeze(
      details.issues.map((issue) =>
        Object.freeze({ path: Object.freeze([...issue.path]), message: issue.message }),
      ),
    );
  }
}
