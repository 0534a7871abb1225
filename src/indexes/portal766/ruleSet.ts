import { z } from 'zod';
import { parseWith } from '../../errors/fromZod.js';
import { builtInRuleSet, defineRuleSet } from '../../rules/defineRuleSet.js';
import type { RuleNodeInput, RuleSet, RuleSetInput, UnitLevel } from '../../rules/RuleSet.js';
import { UnitLevelSchema } from '../../rules/RuleSet.js';
import { PORTAL_766_GROUPS, PORTAL_766_INDICATORS } from './definitions.js';

/**
 * Options of {@link buildPortal766RuleSet}: the unit level scored and, where the sources conflict,
 * which reading the rule set encodes (as {@link Portal766Options}).
 * @category Indexes
 */
export interface Portal766RuleSetOptions {
  /** The unit level the rule set scores (default `'tinh'`: the portal ranks provinces and ministries). */
  level?: UnitLevel;
  /** 4.2: `'linear'` (default, R) or `'threshold-80'` (D). */
  digitisedScoring?: 'linear' | 'threshold-80';
  /** 3.5b's denominator: `'procedures-with-fee'` (default, R) or `'procedures-with-fee-dossiers'`. */
  paymentProceduresDenominator?: 'procedures-with-fee' | 'procedures-with-fee-dossiers';
}

const OptionsSchema = z
  .strictObject({
    level: UnitLevelSchema.optional(),
    digitisedScoring: z.enum(['linear', 'threshold-80']).optional(),
    paymentProceduresDenominator: z.enum(['procedures-with-fee', 'procedures-with-fee-dossiers']).optional(),
  })
  .optional();

/** The rule set as JSON data (trusted core of {@link buildPortal766RuleSet}). @internal */
export function portal766RuleSetJson(o: Portal766RuleSetOptions = {}): RuleSetInput {
  const children: RuleNodeInput[] = PORTAL_766_GROUPS.map((g) => ({
    id: g.id,
    name: g.name,
    max: g.max,
    children: PORTAL_766_INDICATORS.filter((d) => d.group === g.id).map((d): RuleNodeInput => {
      const name = `${d.ref} ${d.name}`;
      if (d.scoring === 'given')
        return { id: d.id, name, description: d.formula, max: d.max, rule: { kind: 'manual' } };
      const target =
        d.id === 'digitisedDossiers' && o.digitisedScoring === 'threshold-80' ? 0.8 : (d.target as number);
      const measure =
        d.id === 'onlinePaymentProcedures' &&
        o.paymentProceduresDenominator === 'procedures-with-fee-dossiers'
          ? 'portal766.onlinePaymentProceduresOfFeeDossiers'
          : `portal766.${d.id}`;
      return {
        id: d.id,
        name,
        description: d.formula,
        max: d.max,
        whenNoValue: 'zero',
        rule: { kind: 'proportional', measure, ...(target === 1 ? {} : { target }) },
      };
    }),
  }));
  return {
    id: 'portal-766',
    version: '2022-dvcqg',
    name: 'Bộ chỉ số chỉ đạo, điều hành và đánh giá chất lượng phục vụ người dân, doanh nghiệp (Bộ chỉ số 766)',
    legalBasis:
      'Quyết định 766/QĐ-TTg ngày 23/6/2022 của Thủ tướng Chính phủ, as the Cổng Dịch vụ công quốc gia computes it (6 groups)',
    level: o.level ?? 'tinh',
    total: 100,
    assessor: 'superior',
    notApplicable: 'keep',
    children,
  };
}

/**
 * Builds the 766 index as a rule set of the engine: 6 groups, 19 leaves, 100 points, measured
 * leaves on the `portal766.*` measures and the two indicators of unknown scoring as manual leaves
 * whose points the caller enters (stage `superior`).
 *
 * @remarks
 * Source: QĐ 766/QĐ-TTg (23/6/2022) as the national portal computes it,
 * shared/reference/dossier-index.md §1.1 (groups, H) and §1.2 (indicators, M). Each leaf is the
 * `proportional` rule (max × ratio ÷ target, full from the target up) on its measure, with
 * `whenNoValue: 'zero'` (a zero denominator scores 0, as the portal does); `notApplicable: 'keep'`
 * so the index is always out of 100. It scores exactly as {@link scorePortal766} with the same
 * options, except `noPetitions: 'split'`, which changes maxima with the data and so is not
 * expressible as a fixed rule set; and measured values reach the engine as doubles, so points can
 * differ from `scorePortal766`'s exact ones in the last binary digits.
 * @param options - the unit level and the conflict options, see {@link Portal766RuleSetOptions}.
 * @returns the validated, deep-frozen rule set (see {@link defineRuleSet}).
 * @throws {@link CchcError} `INVALID_OPTIONS` for bad options.
 * @example
 * ```ts
 * import { buildPortal766RuleSet } from 'cchc-index';
 * const rs = buildPortal766RuleSet({ level: 'bo', digitisedScoring: 'threshold-80' });
 * rs.level;
 * // => 'bo'
 * rs.children.map((g) => g.max);
 * // => [18, 20, 12, 22, 10, 18]
 * rs.children[3]?.children?.[1]?.rule;
 * // => { kind: 'proportional', measure: 'portal766.digitisedDossiers', target: 0.8 }
 * ```
 * @category Indexes
 */
export function buildPortal766RuleSet(options?: Portal766RuleSetOptions): RuleSet {
  const o = parseWith(OptionsSchema, options, 'INVALID_OPTIONS');
  return defineRuleSet(portal766RuleSetJson(o ?? {}));
}

/**
 * The 766 index as a built-in rule set with the portal's defaults (level `tinh`); see
 * {@link buildPortal766RuleSet} for the options.
 *
 * @remarks
 * Source: QĐ 766/QĐ-TTg (23/6/2022), shared/reference/dossier-index.md §1 (groups H, indicators M).
 * Score it with {@link scoreUnit} on an assessment from {@link buildPortal766Assessment}.
 * @example
 * ```ts
 * import { PORTAL_766_RULE_SET, buildPortal766Assessment, scoreUnit } from 'cchc-index';
 * const report = scoreUnit(PORTAL_766_RULE_SET, buildPortal766Assessment(
 *   { processingOnTime: { onTime: 8673, received: 8673 }, fullOnlineDossiers: { points: 9.5 } },
 *   { unit: { id: 'loc-binh' }, period: '2024-H1' }));
 * report.nodes.find((n) => n.id === 'progress')?.points;
 * // => 20
 * report.total.points;
 * // => 29.5
 * ```
 * @category Indexes
 */
export const PORTAL_766_RULE_SET: RuleSet = builtInRuleSet({
  // The defaults `defineRuleSet` fills in, written out (a test proves the value equals its output).
  ...(portal766RuleSetJson() as RuleSet),
  ranking: { ties: 'dense' },
  precision: { points: 2, percent: 2, rounding: 'half-up' },
});
