import { CchcError } from '../errors/CchcError.js';
import { compilePlan, type Plan } from './compile.js';
import type { RuleSet } from './RuleSet.js';
import { validateRuleSet } from './validateRuleSet.js';

/** Valid, deep-frozen rule sets → their plan, compiled on first use (`null` until then). */
const PLANS = new WeakMap<object, Plan | null>();

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

/**
 * Validates a rule set and returns it deep-frozen, ready to score many units: the rule set is
 * compiled once, on first use (cached by identity), so {@link scoreUnit} neither re-validates nor re-compiles it.
 *
 * @remarks
 * Checks are those of {@link validateRuleSet}; defaults are filled in (`notApplicable: 'rebase'`,
 * `ranking.ties: 'dense'`, `precision` 2/2 half-up). The input is not mutated: the result is a new
 * object.
 *
 * @param json - the rule set as JSON data.
 * @returns the validated, deep-frozen rule set.
 * @throws {@link CchcError} `INVALID_RULE_SET` listing every problem with its path.
 * @example
 * ```ts
 * import { defineRuleSet } from 'cchc-index';
 * const ruleSet = defineRuleSet({ id: 'x', version: '1', legalBasis: 'illustrative', level: 'xa', total: 1,
 *   children: [{ id: '1', max: 1, assessor: 'self', rule: { kind: 'yes-no' } }] });
 * Object.isFrozen(ruleSet.children[0]);
 * // => true
 * ruleSet.precision.percent;
 * // => 2
 * ```
 * @category Rules
 */
export function defineRuleSet(json: unknown): RuleSet {
  if (json !== null && typeof json === 'object' && PLANS.has(json)) return json as RuleSet;
  const result = validateRuleSet(json);
  if (!result.ok)
    throw new CchcError('INVALID_RULE_SET', result.issues, { summary: 'the rule set is not valid.' });
  return builtInRuleSet(result.ruleSet);
}

/**
 * The compiled plan of a rule set: cached for rule sets from {@link defineRuleSet}, otherwise the
 * raw JSON is validated (throwing `INVALID_RULE_SET`) and compiled for this call only.
 * @internal
 */
export function planOf(ruleSet: unknown): Plan {
  if (ruleSet !== null && typeof ruleSet === 'object') {
    const plan = PLANS.get(ruleSet);
    if (plan) return plan;
    if (plan === null) {
      const compiled = compilePlan(ruleSet as RuleSet);
      PLANS.set(ruleSet, compiled);
      return compiled;
    }
  }
  const result = validateRuleSet(ruleSet);
  if (!result.ok)
    throw new CchcError('INVALID_RULE_SET', result.issues, { summary: 'the rule set is not valid.' });
  return compilePlan(result.ruleSet);
}

/**
 * Deep-freezes a rule set in its validated form (every default filled in) and registers it, so
 * {@link defineRuleSet} and the scoring functions accept it as is; its plan is compiled on first
 * use. `defineRuleSet` ends with it; the library's own rule sets call it directly, so importing
 * the library validates and compiles nothing (each has a test that it equals `defineRuleSet` of
 * its JSON).
 * @internal
 */
export function builtInRuleSet(ruleSet: RuleSet): RuleSet {
  const frozen = deepFreeze(ruleSet);
  PLANS.set(frozen, null);
  return frozen;
}
