import {
  type CchcIssue,
  defineRuleSet,
  formatIssuePath,
  isCchcError,
  type RuleSet,
  validateRuleSet,
} from '../index.js';
import { CchcAssertionError } from './CchcAssertionError.js';
import { checkOptions } from './ExpectedScores.js';

/**
 * Options of {@link assertValidRuleSet}.
 * @category Testing
 */
export interface AssertValidRuleSetOptions {
  /**
   * Fail on warnings too (e.g. "no band starts at 0 %", a leaf worth 0 points). Default `false`:
   * warnings are listed in the message of a failure but do not fail on their own.
   */
  readonly failOnWarnings?: boolean;
}

function lines(issues: readonly CchcIssue[]): string[] {
  return issues.map((issue) => `  ${formatIssuePath(issue.path)}: ${issue.message}`);
}

function nameOf(json: unknown): string {
  if (json === null || typeof json !== 'object') return 'the rule set';
  const { id, version } = json as { id?: unknown; version?: unknown };
  if (typeof id !== 'string') return 'the rule set';
  return typeof version === 'string' ? `rule set "${id}" version "${version}"` : `rule set "${id}"`;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/**
 * Asserts that a rule set (e.g. a province's yearly bộ tiêu chí read from JSON) is valid, and
 * returns it defined (validated, deep-frozen, compiled once) for scoring; otherwise throws with
 * every problem listed, one per line, each with its path.
 *
 * @remarks
 * The checks are those of `validateRuleSet`: schema errors, maxima that do not add up, overlapping
 * or gapped tiers, duplicate ids, unknown measures, bands out of order, and more.
 *
 * @param json - the rule set as JSON data.
 * @param options - `failOnWarnings` (default `false`).
 * @returns the rule set as `defineRuleSet` returns it.
 * @throws {@link CchcAssertionError} listing every problem (`issues`, and one line each in the
 *   message); `actual` is the list of those lines, `expected` is `[]`.
 * @throws `CchcError` `INVALID_OPTIONS` for unknown options.
 * @example
 * ```ts
 * import { assertValidRuleSet, type CchcAssertionError } from 'cchc-index/testing';
 * const ruleSet = assertValidRuleSet({ id: 'x', version: '1', legalBasis: 'illustrative', level: 'xa',
 *   total: 1, children: [{ id: '1', max: 1, assessor: 'self', rule: { kind: 'yes-no' } }] });
 * Object.isFrozen(ruleSet);
 * // => true
 * try {
 *   assertValidRuleSet({ id: 'x', version: '1', legalBasis: 'illustrative', level: 'xa', total: 3,
 *     children: [{ id: '1', max: 2, assessor: 'self', rule: { kind: 'yes-no', yes: 5 } }] });
 * } catch (error) {
 *   (error as CchcAssertionError).message.split('\n')[0];
 *   // => 'rule set "x" version "1" is not valid: 2 problems'
 *   (error as CchcAssertionError).issues.map((issue) => issue.path.join('.'));
 *   // => ['children.0.rule.yes', 'total']
 * }
 * ```
 * @category Testing
 */
export function assertValidRuleSet(json: unknown, options?: AssertValidRuleSetOptions): RuleSet {
  checkOptions(options, ['failOnWarnings']);
  const failOnWarnings = options?.failOnWarnings === true;
  let defined: RuleSet | null = null;
  try {
    defined = defineRuleSet(json);
  } catch (error) {
    if (!isCchcError(error) || error.code !== 'INVALID_RULE_SET') throw error;
  }
  if (defined !== null && !failOnWarnings) return defined;
  const result = validateRuleSet(json);
  const failing = result.ok ? (failOnWarnings ? result.warnings : []) : result.issues;
  if (failing.length > 0) {
    const name = nameOf(json);
    const body = result.ok
      ? [`${name} has ${plural(failing.length, 'warning')} (failOnWarnings):`, ...lines(failing)]
      : [
          `${name} is not valid: ${plural(failing.length, 'problem')}`,
          ...lines(failing),
          ...(result.warnings.length > 0
            ? [
                `${plural(result.warnings.length, 'warning')} (not failing on their own):`,
                ...lines(result.warnings),
              ]
            : []),
        ];
    throw new CchcAssertionError(body.join('\n'), {
      actual: lines(failing).map((line) => line.trim()),
      expected: [],
      operator: 'assertValidRuleSet',
      issues: failing,
    });
  }
  return defined ?? defineRuleSet(json);
}
