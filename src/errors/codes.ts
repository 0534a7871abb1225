/**
 * The stable error codes of {@link CchcError}. A code never changes meaning once published; new
 * codes may be added.
 *
 * - `INVALID_INPUT`: an argument does not match its model (wrong type, missing or unknown field,
 *   negative or fractional count, NaN, Infinity, a string that is not a number).
 * - `INVALID_OPTIONS`: an options object does not match what the function accepts.
 * - `INVALID_NUMBER_TEXT`: `parseNumber` was given text that is not a number in the locale, or
 *   whose meaning is ambiguous ("1.234" in `en` when `vi` grouping is suspected, etc.).
 * - `INVALID_RULE_SET`: a rule set fails validation (`defineRuleSet`).
 * - `INVALID_ASSESSMENT`: an assessment does not fit its rule set.
 * - `INCOMPATIBLE_RESULTS`: results that cannot be compared or merged (e.g. different rule-set
 *   versions without a mapping).
 * - `INVALID_CALENDAR`: a date or calendar datum outside what the calendar knows.
 *
 * @category Errors
 */
export const ERROR_CODES = [
  'INVALID_INPUT',
  'INVALID_OPTIONS',
  'INVALID_NUMBER_TEXT',
  'INVALID_RULE_SET',
  'INVALID_ASSESSMENT',
  'INCOMPATIBLE_RESULTS',
  'INVALID_CALENDAR',
] as const;

/**
 * One of {@link ERROR_CODES}.
 *
 * @category Errors
 */
export type CchcErrorCode = (typeof ERROR_CODES)[number];
