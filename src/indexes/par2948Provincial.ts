import type { RuleSet } from '../rules/RuleSet.js';
import { buildParRuleSet, type ParField, type ParFieldDefinition, type ParFieldId } from './parFields.js';
import { PAR_NATIONAL_GROUPS } from './parNationalGroups.js';

const SOURCE =
  'QĐ 2948/QĐ-BNV, via https://bonoivu.cls.vn/BoNoiVuTemplate/ChiTietKhoaHoc/22610 (par-index.md §2.1)';
const CONFIDENCE = Object.freeze({ name: 'H', max: 'H', criteria: 'M', subCriteria: 'H' } as const);

function row(id: ParFieldId, name: string, criteria: number, subCriteria: number, max: number): ParField {
  return Object.freeze({ id, name, max, criteria, subCriteria, confidence: CONFIDENCE, source: SOURCE });
}

/**
 * The field table of the national PAR INDEX of provinces (UBND cấp tỉnh) under Quyết định
 * 2948/QĐ-BNV ngày 28/12/2017: 8 fields (lĩnh vực) whose maxima add up to 100 points, with their
 * numbers of criteria (tiêu chí) and sub-criteria (tiêu chí thành phần).
 *
 * @remarks
 * Source: shared/reference/par-index.md §2.1, the MoHA course page bonoivu.cls.vn (**H** for the
 * names, the maxima, which add up to exactly 100, and the sub-criteria, which add up to 81).
 * The per-field criteria counts add up to 39 while the page says 38, so one of them is wrong
 * (**M**). Not known: the sub-criteria themselves, their maxima and rules, and which points are
 * self-assessed and which come from the survey (§2.1, §8): {@link buildPar2948ProvincialRuleSet}
 * takes them from the caller.
 * @example
 * ```ts
 * import { PAR_2948_PROVINCIAL_FIELDS } from 'cchc-index';
 * PAR_2948_PROVINCIAL_FIELDS.map((f) => f.max);
 * // => [10, 10, 14.5, 11, 16, 7, 16, 15.5]
 * PAR_2948_PROVINCIAL_FIELDS[2]?.name;
 * // => 'Cải cách thủ tục hành chính'
 * ```
 * @category Indexes
 */
export const PAR_2948_PROVINCIAL_FIELDS: readonly ParField[] = Object.freeze([
  row('1', 'Công tác chỉ đạo, điều hành CCHC', 6, 6, 10),
  row('2', 'Xây dựng và tổ chức thực hiện VBQPPL tại tỉnh', 4, 6, 10),
  row('3', 'Cải cách thủ tục hành chính', 5, 16, 14.5),
  row('4', 'Cải cách tổ chức bộ máy hành chính', 4, 10, 11),
  row('5', 'Xây dựng và nâng cao chất lượng đội ngũ CCVC', 9, 16, 16),
  row('6', 'Cải cách tài chính công', 3, 6, 7),
  row('7', 'Hiện đại hoá hành chính', 5, 18, 16),
  row('8', 'Tác động của CCHC đến người dân, tổ chức và phát triển KT-XH của tỉnh', 3, 3, 15.5),
]);

/**
 * What the caller supplies to {@link buildPar2948ProvincialRuleSet}: one {@link ParFieldDefinition}
 * per field (`'1'` to `'8'`), optionally a rule-set `id`, `version`, `name`, and a default
 * `assessor` and `appraisalRounds` for every node.
 * @category Indexes
 */
export interface Par2948ProvincialDefinition {
  /** Default `'par-2948-tinh'`. */
  id?: string;
  /** Default `'1'`. */
  version?: string;
  name?: string;
  /** Default assessor of every node. No default: QĐ 2948's survey split is not known. */
  assessor?: 'self' | 'superior' | 'survey';
  appraisalRounds?: number;
  /** The criteria (or a rule) of each field. */
  fields: Readonly<Record<ParFieldId, ParFieldDefinition>>;
}

/**
 * Builds a valid, deep-frozen rule set of the 2017 national provincial PAR INDEX from the sourced
 * field table ({@link PAR_2948_PROVINCIAL_FIELDS}) and the parts the sources do not give, which the
 * caller must supply for every field: its criteria and sub-criteria with their maxima, rules and
 * assessors (or one rule scoring the field as a leaf).
 *
 * @remarks
 * Set from the sources: the legal basis (Quyết định 2948/QĐ-BNV ngày 28/12/2017), level `tinh`,
 * total 100, the 8 field ids, names and maxima (par-index.md §2.1, **H**), the groups
 * {@link PAR_NATIONAL_GROUPS} as bands (§2.4, **H** for 2015/2022, **M** for 2017; nothing below
 * Nhóm C, so a province under 70 % has no band) and `notApplicable: 'keep'` (the index is points ÷
 * 100, §2.4, **H**). Left to the caller because the reference marks them unknown (§2.1, §8): every
 * sub-criterion and its maximum and rule, and who assesses each leaf (self-assessment versus
 * survey): there is no default assessor, so a leaf without one (on itself, its field or
 * `definition.assessor`) is an error. Rounding: 2 decimals half-up, as published (no normative rule
 * found, **L**).
 *
 * @param definition - the caller's part, see {@link Par2948ProvincialDefinition}.
 * @returns the rule set, as from {@link defineRuleSet}.
 * @throws {@link CchcError} `INVALID_RULE_SET` listing every problem, each with a path from
 * `definition` (e.g. `['definition', 'fields', '3']` for a missing field,
 * `['definition', 'fields', '3', 'children']` for criteria that do not add up to the field's 14.5).
 * @example
 * ```ts
 * import { buildPar2948ProvincialRuleSet, isCchcError, scoreUnit } from 'cchc-index';
 * // Illustrative: each field scored as one leaf with the points entered by hand.
 * const leaf = { rule: { kind: 'manual', step: 0.25 } } as const;
 * const ruleSet = buildPar2948ProvincialRuleSet({ assessor: 'self',
 *   fields: { '1': leaf, '2': leaf, '3': leaf, '4': leaf, '5': leaf, '6': leaf, '7': leaf, '8': leaf } });
 * const points = { '1': 9, '2': 8.5, '3': 12, '4': 9.5, '5': 13.5, '6': 6, '7': 13, '8': 13 };
 * const report = scoreUnit(ruleSet, { unit: { id: 'tinh-x' }, period: '2017',
 *   entries: Object.fromEntries(Object.entries(points).map(([id, value]) => [id, { self: { value } }])) });
 * report.total.points;
 * // => 84.5
 * report.band?.label;
 * // => 'Nhóm B'
 * let caught: unknown;
 * try { buildPar2948ProvincialRuleSet({ assessor: 'self', fields: { '1': leaf } } as never); } catch (e) { caught = e; }
 * isCchcError(caught) ? caught.issues[0]?.path : null;
 * // => ['definition', 'fields', '2']
 * ```
 * @category Indexes
 */
export function buildPar2948ProvincialRuleSet(definition: Par2948ProvincialDefinition): RuleSet {
  return buildParRuleSet(
    {
      decision: 'QĐ 2948/QĐ-BNV',
      id: 'par-2948-tinh',
      name: 'Chỉ số CCHC của UBND cấp tỉnh (QĐ 2948/QĐ-BNV)',
      legalBasis: 'Quyết định 2948/QĐ-BNV ngày 28/12/2017 của Bộ Nội vụ',
      fields: PAR_2948_PROVINCIAL_FIELDS,
      groups: PAR_NATIONAL_GROUPS,
      maxFromCaller: false,
      summary: 'the definition of the QĐ 2948/QĐ-BNV provincial rule set is not valid.',
    },
    definition,
  );
}
