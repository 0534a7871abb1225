import { z } from 'zod';
import { describeValue } from '../errors/fromZod.js';
import { NonNegativeDecimalSchema } from '../numeric/schemas.js';

/**
 * The level of government that settles a procedure (cấp có thẩm quyền giải quyết TTHC), as the
 * national database of procedures groups them: `'bo'` (cấp bộ, central ministries and agencies),
 * `'tinh'` (cấp tỉnh), `'huyen'` (cấp huyện), `'xa'` (cấp xã).
 *
 * @remarks
 * The literals are those of {@link UnitLevelSchema} for the same levels; `'so'` and `'phong'` are
 * agencies, not levels a procedure is published at, so they are not accepted here. `'huyen'` stays for
 * reviews made before the district level was abolished (two-level local government from 1/7/2025).
 * The list is closed on purpose: a misspelt level is an error, never a silent new level.
 *
 * @example
 * ```ts
 * import { ProcedureLevelSchema } from 'cchc-index';
 * ProcedureLevelSchema.parse('huyen');
 * // => 'huyen'
 * ProcedureLevelSchema.safeParse('district').success;
 * // => false
 * ```
 * @category Procedures
 */
export const ProcedureLevelSchema = z.enum(['bo', 'tinh', 'huyen', 'xa'], {
  error: (iss) =>
    `expected a procedure level 'bo', 'tinh', 'huyen' or 'xa' (cấp bộ, tỉnh, huyện, xã), received ${describeValue(iss.input)}.`,
});

/**
 * A procedure level, see {@link ProcedureLevelSchema}.
 * @category Procedures
 */
export type ProcedureLevel = z.output<typeof ProcedureLevelSchema>;

/**
 * The unit a procedure's processing time is declared in (đơn vị tính thời hạn giải quyết):
 * `'working-days'` (ngày làm việc, the default), `'days'` (ngày, calendar days), `'hours'` (giờ) or
 * `'months'` (tháng).
 *
 * @remarks
 * Processing times are counted in working days unless the procedure says hours, days or months
 * (DOMAIN.md "Deadlines and holidays"; the `DonViTinh` field of the national portal,
 * reference/dossier-index.md §4.3, **M**). Times in different units are never converted into one
 * another: a working day is not a fixed number of calendar days.
 *
 * @example
 * ```ts
 * import { ProcedureTimeUnitSchema } from 'cchc-index';
 * ProcedureTimeUnitSchema.options;
 * // => ['working-days', 'days', 'hours', 'months']
 * ```
 * @category Procedures
 */
export const ProcedureTimeUnitSchema = z.enum(['working-days', 'days', 'hours', 'months'], {
  error: (iss) =>
    `expected a time unit 'working-days', 'days', 'hours' or 'months', received ${describeValue(iss.input)}.`,
});

/**
 * A unit of processing time, see {@link ProcedureTimeUnitSchema}.
 * @category Procedures
 */
export type ProcedureTimeUnit = z.output<typeof ProcedureTimeUnitSchema>;

const OptionalText = (what: string) =>
  z
    .string({ error: (iss) => `expected ${what} as text, received ${describeValue(iss.input)}.` })
    .min(1, { error: `expected ${what} as non-empty text; leave the key out when there is none.` })
    .optional();

/**
 * One reviewed procedure (rà soát, cắt giảm thời gian giải quyết TTHC): its legal processing time
 * before and after the review.
 *
 * @remarks
 * - `before`, `after`: non-negative decimals (numbers or JS-notation strings such as `"7.5"`), in
 *   `unit`. When a time is stated as a range ("10–20 ngày"), reports use the upper bound
 *   (reference/dossier-index.md §4.4, **M**, one example): pass that bound.
 * - `after > before` (a time that grew) is valid: {@link timeReduction} reports a negative reduction.
 * - `unit` defaults to `'working-days'` (ngày làm việc). A list mixing units is rejected by
 *   {@link timeReduction}; nothing is converted.
 * - `code` (mã TTHC on the national database, e.g. `'1.001612'`), `name` and `level` are carried
 *   through to the per-procedure results so a report can list them.
 * - Unknown keys are errors, so a typo (`befor`) never passes silently.
 *
 * @example
 * ```ts
 * import { ProcedureReviewSchema } from 'cchc-index';
 * ProcedureReviewSchema.parse({ before: 20, after: 5 }); // Bắc Ninh, one procedure
 * // => { before: 20, after: 5, unit: 'working-days' }
 * ProcedureReviewSchema.safeParse({ before: 20, after: 5, befor: 3 }).success;
 * // => false
 * ```
 * @category Procedures
 */
export const ProcedureReviewSchema = z.strictObject({
  code: OptionalText('a procedure code (mã TTHC)'),
  name: OptionalText('a procedure name'),
  level: ProcedureLevelSchema.optional(),
  before: NonNegativeDecimalSchema,
  after: NonNegativeDecimalSchema,
  unit: ProcedureTimeUnitSchema.default('working-days'),
});

/**
 * A validated reviewed procedure (`unit` filled in), see {@link ProcedureReviewSchema}.
 * @category Procedures
 */
export type ProcedureReview = z.output<typeof ProcedureReviewSchema>;

/**
 * A reviewed procedure as written, see {@link ProcedureReviewSchema}.
 * @category Procedures
 */
export type ProcedureReviewInput = z.input<typeof ProcedureReviewSchema>;
