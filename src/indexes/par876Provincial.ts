import type { Confidence } from '../calendar/ArrangementSchema.js';
import type { RuleSet } from '../rules/RuleSet.js';
import { buildParRuleSet, type ParField, type ParFieldDefinition, type ParFieldId } from './parFields.js';
import { PAR_NATIONAL_GROUPS } from './parNationalGroups.js';

const NAMES_SOURCE =
  'field names as used in PAR 2022+ results: bqlkcn.daknong.gov.vn (PAR 2022 Đắk Nông) and a Huế page (par-index.md §2.3)';
const UNKNOWN = Object.freeze({ name: 'M', max: null, criteria: null, subCriteria: null } as const);

function row(id: ParFieldId, name: string): ParField {
  return Object.freeze({
    id,
    name,
    max: null,
    criteria: null,
    subCriteria: null,
    confidence: UNKNOWN,
    source: NAMES_SOURCE,
  });
}

/**
 * The fields (lĩnh vực) of the national PAR INDEX of provinces under Quyết định 876/QĐ-BNV ngày
 * 10/11/2022, as far as sourced: ids and names only; the maxima and the criteria counts per field
 * are `null` (not known).
 *
 * @remarks
 * Source: shared/reference/par-index.md §2.3: the names used in PAR 2022+ results (Đắk Nông article,
 * Huế page), **M** (secondary, possibly shortened; field 8's full title is not known, the sources
 * describe it as the impact of CCHC on the satisfaction of citizens and organisations and on
 * socio-economic development). **Per-field maximum points under 876 were not found** (§2.3, §8), nor
 * the per-field criteria counts: {@link buildPar876ProvincialRuleSet} takes the maxima from the
 * caller. The whole-index facts are in {@link PAR_876_PROVINCIAL_STRUCTURE}.
 * @example
 * ```ts
 * import { PAR_876_PROVINCIAL_FIELDS } from 'cchc-index';
 * PAR_876_PROVINCIAL_FIELDS.length;
 * // => 8
 * PAR_876_PROVINCIAL_FIELDS.map((f) => f.max);
 * // => [null, null, null, null, null, null, null, null]
 * PAR_876_PROVINCIAL_FIELDS[1]?.name;
 * // => 'Cải cách thể chế'
 * ```
 * @category Indexes
 */
export const PAR_876_PROVINCIAL_FIELDS: readonly ParField[] = Object.freeze([
  row('1', 'Công tác chỉ đạo, điều hành CCHC'),
  row('2', 'Cải cách thể chế'),
  row('3', 'Cải cách TTHC'),
  row('4', 'Cải cách tổ chức bộ máy hành chính nhà nước'),
  row('5', 'Cải cách chế độ công vụ'),
  row('6', 'Cải cách tài chính công'),
  row('7', 'Xây dựng và phát triển chính quyền điện tử, chính quyền số'),
  row('8', 'Tác động của CCHC'),
]);

/**
 * A part of a field whose maximum is known although the field's is not.
 * @category Indexes
 */
export interface ParKnownPart {
  readonly field: ParFieldId;
  readonly name: string;
  readonly max: number;
  readonly confidence: Confidence;
  readonly source: string;
}

/**
 * The whole-index facts of a national PAR INDEX, each with its confidence.
 * @category Indexes
 */
export interface ParStructure {
  readonly legalBasis: string;
  readonly level: 'tinh';
  /** Number of fields (lĩnh vực). */
  readonly fields: number;
  /** Number of criteria (tiêu chí). */
  readonly criteria: number;
  /** Number of sub-criteria (tiêu chí thành phần). */
  readonly subCriteria: number;
  /** Maximum points of the index. */
  readonly total: number;
  /** Points assessed through the sociological survey (điều tra xã hội học). */
  readonly surveyPoints: number;
  /** Points self-assessed by the province and appraised by MoHA: `total − surveyPoints`. */
  readonly appraisedPoints: number;
  readonly confidence: {
    readonly structure: Confidence;
    readonly total: Confidence;
    readonly surveyPoints: Confidence;
    readonly appraisedPoints: Confidence;
  };
  /** Parts of fields with a known maximum. */
  readonly knownParts: readonly ParKnownPart[];
  /** Where the facts come from. */
  readonly sources: readonly string[];
}

/**
 * The known structure of the national PAR INDEX of provinces under Quyết định 876/QĐ-BNV ngày
 * 10/11/2022 (Đề án 2022–2030): 8 fields, 37 criteria, 88 sub-criteria, 100 points of which 32 are
 * assessed through the sociological survey.
 *
 * @remarks
 * Source: shared/reference/par-index.md §2.3: structure 8 / 37 / 88 and 100 points (vietnambiz.vn,
 * vjs.vietnam.vn, **H**); survey 32/100 ("32 điểm là đánh giá thông qua điều tra xã hội học",
 * vietnambiz.vn, **H**); 68 points self-assessed and appraised (thẩm định) = 100 − 32, derived
 * (**M**); the impact on socio-economic development, part of field 8, max 6.5 (Đắk Nông 2022 scored
 * 5.32/6.5, **M**). Not known (§8): the per-field maxima and criteria counts, the sub-criteria and
 * their rules. Whether QĐ 892/QĐ-BNV (05/12/2024) kept this shape is unresolved (§2.3, **L**).
 * @example
 * ```ts
 * import { PAR_876_PROVINCIAL_STRUCTURE } from 'cchc-index';
 * const s = PAR_876_PROVINCIAL_STRUCTURE;
 * [s.fields, s.criteria, s.subCriteria, s.total, s.surveyPoints, s.appraisedPoints];
 * // => [8, 37, 88, 100, 32, 68]
 * ```
 * @category Indexes
 */
export const PAR_876_PROVINCIAL_STRUCTURE: ParStructure = Object.freeze({
  legalBasis: 'Quyết định 876/QĐ-BNV ngày 10/11/2022 của Bộ Nội vụ',
  level: 'tinh',
  fields: 8,
  criteria: 37,
  subCriteria: 88,
  total: 100,
  surveyPoints: 32,
  appraisedPoints: 68,
  confidence: Object.freeze({ structure: 'H', total: 'H', surveyPoints: 'H', appraisedPoints: 'M' } as const),
  knownParts: Object.freeze([
    Object.freeze({
      field: '8',
      name: 'Tác động của CCHC đến phát triển KT-XH',
      max: 6.5,
      confidence: 'M',
      source:
        'https://bqlkcn.daknong.gov.vn/xuat-ban-tin-tuc-cac-khu-cong-nghiep/-/view_content/145716305-chi-so-cai-cach-hanh-chinh-par-index-nam-2022-dak-nong-xep-thu-2-khu-vuc-tay-nguyen.html (par-index.md §2.3)',
    } as const),
  ]),
  sources: Object.freeze([
    'https://vietnambiz.vn/quang-ninh-dung-dau-ca-4-chi-so-ve-cai-cach-hanh-chinh-202341916234832.htm',
    'https://vjs.vietnam.vn/en/tap-trung-thuc-hien-hieu-qua-cac-giai-phap-nang-cao-chi-so-par-index',
    'https://tintuc.thuvienphapluat.com/thong-bao-van-ban-moi/email/43855/tieu-chi-xac-dinh-chi-so-cchc-cap-bo-giai-doan-2022-2030',
  ]),
});

/**
 * What the caller supplies for one field of {@link buildPar876ProvincialRuleSet}: a
 * {@link ParFieldDefinition} plus the field's maximum points, which the sources do not give.
 * @category Indexes
 */
export interface Par876FieldDefinition extends ParFieldDefinition {
  /** The field's maximum points (from the decision's annex): a number or a JS-notation string. */
  max: number | string;
}

/**
 * What the caller supplies to {@link buildPar876ProvincialRuleSet}: one
 * {@link Par876FieldDefinition} per field (`'1'` to `'8'`), optionally a rule-set `id`, `version`,
 * `name`, a default `assessor` (default `'self'`) and `appraisalRounds`.
 * @category Indexes
 */
export interface Par876ProvincialDefinition {
  /** Default `'par-876-tinh'`. */
  id?: string;
  /** Default `'1'`. */
  version?: string;
  name?: string;
  /** Default assessor of every node; default `'self'` (the 68 appraised points). */
  assessor?: 'self' | 'superior' | 'survey';
  appraisalRounds?: number;
  /** The maximum and the criteria (or a rule) of each field. */
  fields: Readonly<Record<ParFieldId, Par876FieldDefinition>>;
}

/**
 * Builds a valid, deep-frozen rule set of the national provincial PAR INDEX under QĐ 876/QĐ-BNV
 * from what is sourced ({@link PAR_876_PROVINCIAL_STRUCTURE}, {@link PAR_876_PROVINCIAL_FIELDS})
 * and the parts the sources do not give, which the caller must supply for every field: its maximum,
 * its criteria and sub-criteria with their maxima, rules and assessors (or one rule for the field).
 *
 * @remarks
 * Set and checked from the sources (par-index.md §2.3, §2.4): the legal basis (Quyết định
 * 876/QĐ-BNV ngày 10/11/2022), level `tinh`, the 8 field ids and names (**M**), total 100 (the
 * fields' maxima must add up to it, **H**), the leaves assessed by `survey` must add up to exactly
 * 32 points (**H**), the other 68 default to `self` (self-assessed, then appraised by MoHA:
 * derived, **M**; override with `assessor` on a node), the groups {@link PAR_NATIONAL_GROUPS} as
 * bands (**H**; nothing below Nhóm C is sourced, so a province under 70 % has no band) and
 * `notApplicable: 'keep'` (points ÷ 100, **H**). Left to the caller because the reference marks
 * them unknown (§2.3, §8): every field's maximum, every criterion and sub-criterion with its maximum
 * and rule, and which leaves make up the 32 survey points. Not enforced, because they cannot be
 * located in a caller's tree: the 37 / 88 counts and the 6.5-point socio-economic part of field 8.
 * Rounding: 2 decimals half-up, as published (no normative rule found, **L**).
 *
 * @param definition - the caller's part, see {@link Par876ProvincialDefinition}.
 * @returns the rule set, as from {@link defineRuleSet}.
 * @throws {@link CchcError} `INVALID_RULE_SET` listing every problem, each with a path from
 * `definition`: e.g. `['definition', 'fields', '5', 'max']` for a field without its maximum,
 * `['definition', 'fields']` when the maxima do not add up to 100 or the survey leaves not to 32.
 * @example
 * ```ts
 * import { buildPar876ProvincialRuleSet, scoreUnit } from 'cchc-index';
 * // Illustrative maxima (the real ones are in the decision's annex): 68 self-assessed + 32 survey.
 * const self = (max: number) => ({ max, rule: { kind: 'manual' } }) as const;
 * const ruleSet = buildPar876ProvincialRuleSet({ fields: {
 *   '1': self(9), '2': self(9), '3': self(10), '4': self(8), '5': self(9), '6': self(8), '7': self(9),
 *   '8': { max: 38, children: [
 *     { id: '8.1', max: 6, rule: { kind: 'manual' } },
 *     { id: '8.2', max: 32, assessor: 'survey', rule: { kind: 'manual' } }] } } });
 * const report = scoreUnit(ruleSet, { unit: { id: 'tinh-x' }, period: '2022', entries: {
 *   '1': { self: { value: 8 } }, '2': { self: { value: 8 } }, '3': { self: { value: 9 } },
 *   '4': { self: { value: 7 } }, '5': { self: { value: 8 } }, '6': { self: { value: 7 } },
 *   '7': { self: { value: 8 } }, '8.1': { self: { value: 5.5 } }, '8.2': { survey: { value: 24.5 } } } });
 * report.total.points;
 * // => 85
 * report.byAssessor.map((p) => [p.assessor, p.max]);
 * // => [['self', 68], ['survey', 32]]
 * report.band?.label;
 * // => 'Nhóm B'
 * ```
 * @category Indexes
 */
export function buildPar876ProvincialRuleSet(definition: Par876ProvincialDefinition): RuleSet {
  return buildParRuleSet(
    {
      decision: 'QĐ 876/QĐ-BNV',
      id: 'par-876-tinh',
      name: 'Chỉ số CCHC của UBND cấp tỉnh (QĐ 876/QĐ-BNV)',
      legalBasis: PAR_876_PROVINCIAL_STRUCTURE.legalBasis,
      fields: PAR_876_PROVINCIAL_FIELDS,
      groups: PAR_NATIONAL_GROUPS,
      maxFromCaller: true,
      defaultAssessor: 'self',
      surveyPoints: PAR_876_PROVINCIAL_STRUCTURE.surveyPoints,
      summary: 'the definition of the QĐ 876/QĐ-BNV provincial rule set is not valid.',
    },
    definition,
  );
}
