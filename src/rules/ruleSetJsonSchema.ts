import { z } from 'zod';
import { RuleSetSchema } from './RuleSet.js';

/**
 * A JSON Schema document (draft 2020-12), as returned by {@link ruleSetJsonSchema}.
 * @category Rules
 */
export interface RuleSetJsonSchema {
  readonly [key: string]: unknown;
  readonly type: string;
  readonly required: readonly string[];
  readonly properties: Readonly<Record<string, unknown>>;
}

/**
 * The JSON Schema (draft 2020-12) of a rule set as written in JSON, for editors to autocomplete
 * and check rule-set files (published as `cchc-index/rule-set.schema.json`).
 *
 * @remarks
 * Generated from {@link RuleSetSchema} with zod's `toJSONSchema` on the input side, so optional
 * fields with defaults are optional and decimal fields accept numbers or numeric strings. The
 * JSON Schema checks shapes only: sums of maxima, tier overlaps and the other cross-field checks
 * are {@link validateRuleSet}'s.
 *
 * @returns a fresh JSON-safe object each call.
 * @example
 * ```ts
 * import { ruleSetJsonSchema } from 'cchc-index';
 * const schema = ruleSetJsonSchema();
 * schema.type;
 * // => 'object'
 * schema.required.includes('legalBasis');
 * // => true
 * ```
 * @category Rules
 */
export function ruleSetJsonSchema(): RuleSetJsonSchema {
  const schema = z.toJSONSchema(RuleSetSchema, { io: 'input', unrepresentable: 'any' }) as Record<
    string,
    unknown
  >;
  return {
    ...schema,
    $id: 'https://unpkg.com/cchc-index/rule-set.schema.json',
    title: 'cchc-index rule set (bộ tiêu chí Chỉ số CCHC)',
  } as unknown as RuleSetJsonSchema;
}
