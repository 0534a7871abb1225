/**
 * `cchc-index/testing`: helpers for a province's own test suite (vitest, jest or node:test) to
 * assert that its rule set (bộ tiêu chí) is valid and scores given assessments to given totals,
 * with a readable diff of which node differs. No test framework is imported.
 *
 * Every public export is named here, explicitly.
 * @packageDocumentation
 * @module cchc-index/testing
 */

export { type AssertScoresOptions, assertScores } from './assertScores.js';
export { type AssertValidRuleSetOptions, assertValidRuleSet } from './assertValidRuleSet.js';
export { CchcAssertionError } from './CchcAssertionError.js';
export {
  type CompareScoresOptions,
  compareScores,
  type ScoreCheck,
  type ScoreComparison,
} from './compareScores.js';
export type { ExpectedScores } from './ExpectedScores.js';
export {
  type ScoreCase,
  type ScoreCaseInput,
  type ScoreCasesOptions,
  scoreCases,
} from './scoreCases.js';
