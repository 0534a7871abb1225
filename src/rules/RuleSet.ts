import { z } from 'zod';
import { DecimalsSchema, NonNegativeDecimalSchema } from '../numeric/schemas.js';
import { RuleSchema } from './Rule.js';

/**
 * The unit levels a rule set can score: `bo` (bộ, cơ quan ngang bộ), `tinh` (UBND cấp tỉnh),
 * `so` (sở, ban, ngành), `huyen` (UBND cấp huyện), `xa` (UBND cấp xã, phường, đặc khu) and
 * `phong` (phòng chuyên môn thuộc UBND quận/huyện).
 *
 * @remarks
 * Sources: par-index.md §2–§3 (national indexes for tỉnh and bộ, QĐ 876/QĐ-BNV, H) and §4 (province
 * sets for sở, huyện, xã: Hà Tĩnh 3396/QĐ-UBND, H; Hà Nội's framework for phòng, H; after 1/7/2025
 * new sets target sở + xã/phường/đặc khu only, H).
 * @example
 * ```ts
 * import { UnitLevelSchema } from 'cchc-index';
 * UnitLevelSchema.options;
 * // => ['bo', 'tinh', 'so', 'huyen', 'xa', 'phong']
 * ```
 * @category Rules
 */
export const UnitLevelSchema = z.enum(['bo', 'tinh', 'so', 'huyen', 'xa', 'phong']);

/**
 * A unit level, see {@link UnitLevelSchema}.
 * @category Rules
 */
export type UnitLevel = z.output<typeof UnitLevelSchema>;

/**
 * Who scores a node: `self` (tự chấm, then appraised), `superior` (the level above scores directly)
 * or `survey` (điều tra xã hội học). See {@link Assessor}.
 * @category Rules
 */
export const AssessorSchema = z.enum(['self', 'superior', 'survey']);

const AppraisalRoundsSchema = z
  .number()
  .int({ error: 'expected a whole number of appraisal rounds.' })
  .min(0, { error: 'expected at least 0 appraisal rounds.' })
  .max(9, { error: 'expected at most 9 appraisal rounds.' });

const IdSchema = z
  .string()
  .min(1, { error: 'expected a non-empty id.' })
  .regex(/^\S+$/, { error: 'expected an id without spaces, such as "1.2.3".' });

/**
 * A node of the criteria tree: a group (lĩnh vực, tiêu chí) with `children`, or a leaf (tiêu chí
 * thành phần) with a `rule` and a `max`. `assessor` and `appraisalRounds` are inherited by the
 * children. A group's `max`, when given, must equal the sum of its children's maxima.
 * @category Rules
 */
export interface RuleNodeInput {
  id: string;
  name?: string;
  description?: string;
  /** Maximum points (điểm tối đa): a number or a JS-notation string such as `"14.50"`. */
  max?: number | string;
  assessor?: 'self' | 'superior' | 'survey';
  appraisalRounds?: number;
  /** What a leaf scores when its measured rate is `null` (nothing arose): not applicable (default) or 0. */
  whenNoValue?: 'not-applicable' | 'zero';
  rule?: z.input<typeof RuleSchema>;
  children?: RuleNodeInput[];
}

/**
 * A node of the criteria tree after validation, see {@link RuleNodeInput}.
 * @category Rules
 */
export interface RuleNode {
  readonly id: string;
  readonly name?: string;
  readonly description?: string;
  readonly max?: number | string;
  readonly assessor?: 'self' | 'superior' | 'survey';
  readonly appraisalRounds?: number;
  readonly whenNoValue?: 'not-applicable' | 'zero';
  readonly rule?: z.output<typeof RuleSchema>;
  readonly children?: readonly RuleNode[];
}

/**
 * A node of the criteria tree, see {@link RuleNodeInput}. Recursive to any depth.
 * @example
 * ```ts
 * import { RuleNodeSchema } from 'cchc-index';
 * RuleNodeSchema.parse({ id: '1', children: [{ id: '1.1', max: 1, rule: { kind: 'yes-no' } }] }).children?.length;
 * // => 1
 * ```
 * @category Rules
 */
export const RuleNodeSchema: z.ZodType<RuleNode, RuleNodeInput> = z.strictObject({
  id: IdSchema,
  name: z.string().optional(),
  description: z.string().optional(),
  max: NonNegativeDecimalSchema.optional(),
  assessor: AssessorSchema.optional(),
  appraisalRounds: AppraisalRoundsSchema.optional(),
  whenNoValue: z.enum(['not-applicable', 'zero']).optional(),
  rule: RuleSchema.optional(),
  get children() {
    return z
      .array(RuleNodeSchema)
      .min(1, { error: 'expected at least one child; drop "children" for a leaf.' })
      .optional();
  },
});

/**
 * A bonus (điểm thưởng/cộng) or deduction (điểm trừ) section: items scored like leaves, whose sum
 * is capped by `cap`. Total = Σ criteria + bonus (capped) − deductions (capped).
 *
 * @remarks
 * Source: par-index.md §5 "Bonus / deduction": sections "IV. Điểm cộng" (max 5) and "VII. Điểm trừ"
 * (`linhnv87/ChamDiemCCHC`, L) and an engine computing Σ TCTP + điểm thưởng − điểm phạt, each capped
 * per year (`tinhvan170203/chamdiemv03`, M).
 * @category Rules
 */
export const AdjustmentSectionSchema = z.strictObject({
  name: z.string().optional(),
  /** The most this section can add or take off; uncapped when absent. */
  cap: NonNegativeDecimalSchema.optional(),
  children: z.array(RuleNodeSchema).min(1),
});

/**
 * A classification band: the label reached from `minPercent` (inclusive) up to the next band.
 * @category Rules
 */
export const BandSchema = z.strictObject({
  label: z.string().min(1),
  labelEn: z.string().optional(),
  minPercent: z.number().min(0, { error: 'expected a percentage ≥ 0.' }),
});

/**
 * How scores are shown and rounded: decimals for points and percentages, half-up (làm tròn).
 * Rounding happens once, at display (explanations, `roundedPercent`, bands), or at a rule that says
 * so (`roundPoints`).
 *
 * @remarks
 * Published PAR values carry two decimals (par-index.md §2.4, H); no normative rounding rule was
 * found (L), so 2 and half-up are defaults, not law.
 * @category Rules
 */
export const PrecisionSchema = z.strictObject({
  points: DecimalsSchema.default(2),
  percent: DecimalsSchema.default(2),
  rounding: z.literal('half-up').default('half-up'),
});

/**
 * A rule set (bộ tiêu chí) as JSON data: id, version, legal basis, the level it scores, the total,
 * the criteria tree, optional bonus and deduction sections, bands, the tie rule, the precision
 * policy and the "không phát sinh" policy.
 *
 * @remarks
 * - `notApplicable: 'rebase'` (default): a node that did not arise leaves the denominator, as in
 *   Thừa Thiên Huế's bands on "% điểm phát sinh" (par-index.md §4, H) and Hà Nội's rescale to 100
 *   when the optional 30-point survey is not held (§4, H). `'keep'`: the denominator stays the full
 *   maximum (the national PAR index divides by 100, §2.4, H).
 * - `ranking.ties: 'dense'` (default): equal totals share a rank and the next rank is +1
 *   (`tinhvan170203/chamdiemv03`, §5, M); `'competition'`: 1, 1, 3.
 * - Bands are listed from the highest `minPercent` down, e.g. national groups A ≥ 90, B 80–<90,
 *   C 70–<80 (§2.4, H).
 * - `assessor` and `appraisalRounds` at the top are defaults for every node (`appraisalRounds`
 *   default 1).
 * @example
 * ```ts
 * import { RuleSetSchema } from 'cchc-index';
 * const rs = RuleSetSchema.parse({ id: 'x', version: '1', legalBasis: 'illustrative', level: 'xa', total: 1,
 *   children: [{ id: '1', max: 1, assessor: 'self', rule: { kind: 'yes-no' } }] });
 * rs.notApplicable;
 * // => 'rebase'
 * rs.ranking.ties;
 * // => 'dense'
 * ```
 * @category Rules
 */
export const RuleSetSchema = z.strictObject({
  /** Lets JSON files point editors at `rule-set.schema.json`; ignored by the engine. */
  $schema: z.string().optional(),
  id: IdSchema,
  version: z.string().min(1),
  name: z.string().optional(),
  /** The legal basis, e.g. "Quyết định 876/QĐ-BNV ngày 10/11/2022". */
  legalBasis: z
    .string()
    .min(1, { error: 'expected the legal basis, e.g. "Quyết định 876/QĐ-BNV ngày 10/11/2022".' }),
  level: UnitLevelSchema,
  /** The maximum of the whole criteria tree, e.g. 100. */
  total: NonNegativeDecimalSchema,
  assessor: AssessorSchema.optional(),
  appraisalRounds: AppraisalRoundsSchema.optional(),
  children: z.array(RuleNodeSchema).min(1),
  bonus: AdjustmentSectionSchema.optional(),
  deductions: AdjustmentSectionSchema.optional(),
  bands: z.array(BandSchema).optional(),
  ranking: z
    .strictObject({ ties: z.enum(['dense', 'competition']).default('dense') })
    .default({ ties: 'dense' }),
  precision: PrecisionSchema.default({ points: 2, percent: 2, rounding: 'half-up' }),
  notApplicable: z.enum(['rebase', 'keep']).default('rebase'),
});

/**
 * A validated rule set (output of {@link RuleSetSchema}; from {@link defineRuleSet} it is also
 * deep-frozen).
 * @category Rules
 */
export type RuleSet = z.output<typeof RuleSetSchema>;

/**
 * A rule set as written in JSON (input of {@link RuleSetSchema}).
 * @category Rules
 */
export type RuleSetInput = z.input<typeof RuleSetSchema>;
