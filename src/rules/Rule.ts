import { z } from 'zod';
import { CountTiersRuleSchema } from './kinds/countTiers.js';
import { DeductionRuleSchema } from './kinds/deduction.js';
import { ManualRuleSchema } from './kinds/manual.js';
import { NormalizedToBestRuleSchema } from './kinds/normalizedToBest.js';
import { OptionsRuleSchema } from './kinds/options.js';
import { PerItemRuleSchema } from './kinds/perItem.js';
import { ProportionalRuleSchema } from './kinds/proportional.js';
import { SurveyRuleSchema } from './kinds/survey.js';
import { TiersRuleSchema } from './kinds/tiers.js';
import { YesNoRuleSchema } from './kinds/yesNo.js';

/**
 * The rule of a leaf, discriminated by `kind`: `manual`, `yes-no`, `options`, `tiers`,
 * `proportional`, `count-tiers`, `per-item`, `deduction`, `normalized-to-best`, `survey`.
 *
 * @remarks
 * Every rule shape of par-index.md §5 and §7 is data; none is a formula string, and nothing is
 * evaluated with `eval` or `new Function`.
 * @example
 * ```ts
 * import { RuleSchema } from 'cchc-index';
 * RuleSchema.parse({ kind: 'yes-no' }).kind;
 * // => 'yes-no'
 * RuleSchema.safeParse({ kind: 'formula', text: 'a/b' }).success;
 * // => false
 * ```
 * @category Rules
 */
export const RuleSchema = z.discriminatedUnion('kind', [
  ManualRuleSchema,
  YesNoRuleSchema,
  OptionsRuleSchema,
  TiersRuleSchema,
  ProportionalRuleSchema,
  CountTiersRuleSchema,
  PerItemRuleSchema,
  DeductionRuleSchema,
  NormalizedToBestRuleSchema,
  SurveyRuleSchema,
]);

/**
 * The rule of a leaf, see {@link RuleSchema}.
 * @category Rules
 */
export type Rule = z.output<typeof RuleSchema>;

/**
 * The rule kinds, in documentation order.
 * @category Rules
 */
export type RuleKind = Rule['kind'];
