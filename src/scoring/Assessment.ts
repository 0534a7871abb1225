import { z } from 'zod';
import { DecimalInputSchema } from '../numeric/schemas.js';
import { UnitLevelSchema } from '../rules/RuleSet.js';

/**
 * What one stage entered for one leaf: the value (its type depends on the leaf's rule kind), or
 * `notApplicable: true` ("không áp dụng / không phát sinh"), with a note, evidence references
 * (tài liệu kiểm chứng: file names or URLs), whether an explanation (giải trình) was requested, and
 * the explanation given.
 *
 * Values by rule kind: `manual` → points; `yes-no` → `true`/`false`; `options` → an option id;
 * `tiers`, `proportional`, `normalized-to-best` → a number (rates as ratios, `0.975`) or `null`
 * (nothing arose); `count-tiers` → a count; `per-item` → a count, or a list of item ids;
 * `deduction` → a number of occurrences or a grade id; `survey` → `{ counts: { A: 120, … } }` or
 * `{ index: 0.8394 }`. Leave `value` out on a leaf with a measure to use the measured value.
 * @category Scoring
 */
export const StageEntrySchema = z.strictObject({
  value: z
    .union([
      z.number(),
      z.string(),
      z.boolean(),
      z.null(),
      z.array(z.string()),
      z.strictObject({ counts: z.record(z.string(), z.union([z.number(), z.string()])) }),
      z.strictObject({ index: DecimalInputSchema }),
    ])
    .optional(),
  notApplicable: z.boolean().optional(),
  note: z.string().optional(),
  evidence: z.array(z.string()).optional(),
  explanationRequested: z.boolean().optional(),
  explanation: z.string().optional(),
});

/**
 * A stage entry, see {@link StageEntrySchema}.
 * @category Scoring
 */
export type StageEntry = z.output<typeof StageEntrySchema>;

/**
 * A stage name: `self`, `appraisal-1` … `appraisal-9`, `superior`, `survey`.
 * @category Scoring
 */
export const StageSchema = z.string().regex(/^(self|superior|survey|appraisal-[1-9])$/, {
  error: 'expected a stage: "self", "appraisal-1" … "appraisal-9", "superior" or "survey".',
});

/**
 * The assessment of one unit for one period: who it is, its data for measured leaves, and per leaf
 * and per stage what was entered. A scoring app can keep its whole workflow (self-score, appraisal
 * rounds, notes, evidence, giải trình) in it.
 *
 * @remarks
 * Stage order decides the effective score: for a self-assessed leaf the latest appraisal round
 * entered wins, otherwise the self score counts (reported as such, `source: 'self'`). Process:
 * par-index.md §2.4 (self-scoring, then MoHA "công nhận hoặc điều chỉnh", H) and §6
 * (`tinhvan170203/chamdiemv03`: tự chấm, giải trình, thẩm định lần 1, lần 2; M).
 *
 * `data` feeds the measures (see {@link MEASURES}): `dossiers` (dossier statistics), `plan`
 * (`{ done, total }` or a task list), `procedures` (a time-reduction list), and `values` (named
 * numbers for `values.<name>` measures; `null` for "không phát sinh").
 * @example
 * ```ts
 * import { AssessmentSchema } from 'cchc-index';
 * AssessmentSchema.parse({ unit: { id: 'dak-song' }, period: '2023-H1',
 *   entries: { '9': { superior: { value: 8.5 } } } }).entries['9']?.superior?.value;
 * // => 8.5
 * ```
 * @category Scoring
 */
export const AssessmentSchema = z.strictObject({
  unit: z.strictObject({
    id: z.string().min(1),
    name: z.string().optional(),
    level: UnitLevelSchema.optional(),
  }),
  period: z.string().min(1),
  /** When given, must match the rule set scored against. */
  ruleSet: z.strictObject({ id: z.string(), version: z.string() }).optional(),
  data: z
    .strictObject({
      dossiers: z.unknown().optional(),
      plan: z.unknown().optional(),
      procedures: z.unknown().optional(),
      values: z.record(z.string(), DecimalInputSchema.nullable()).optional(),
    })
    .optional(),
  entries: z.record(z.string(), z.record(StageSchema, StageEntrySchema)).default({}),
});

/**
 * A validated assessment, see {@link AssessmentSchema}.
 * @category Scoring
 */
export type Assessment = z.output<typeof AssessmentSchema>;

/**
 * An assessment as written, see {@link AssessmentSchema}.
 * @category Scoring
 */
export type AssessmentInput = z.input<typeof AssessmentSchema>;
