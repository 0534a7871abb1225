import { z } from 'zod';
import { describeValue, parseWith, safeParse } from '../errors/fromZod.js';
import { Dec, rateOrNull, toDec, toNum, ZERO } from '../numeric/decimal.js';
import {
  type ProcedureLevel,
  type ProcedureReview,
  type ProcedureReviewInput,
  ProcedureReviewSchema,
  type ProcedureTimeUnit,
} from './ProcedureReview.js';

/**
 * How {@link timeReduction} combines several procedures into one rate: `'pooled'` (Σreduced ÷
 * Σbefore, the default) or `'mean'` (the mean of the individual rates).
 * @category Procedures
 */
export type TimeReductionMethod = 'pooled' | 'mean';

/**
 * Options of {@link timeReduction}.
 * @category Procedures
 */
export interface TimeReductionOptions {
  /**
   * `'pooled'` (default): Σreduced ÷ Σbefore, every day weighs the same, so long procedures weigh
   * more. `'mean'`: the mean of the individual rates, every procedure weighs the same; procedures
   * with `before = 0` have no rate and are left out (counted in `excludedFromMean`).
   */
  method?: TimeReductionMethod;
}

/**
 * One procedure in a {@link TimeReductionResult}: its times, reduction and rate, with the code,
 * name and level it was given.
 * @category Procedures
 */
export interface TimeReductionItem {
  /** Position in the input list (0 for a single procedure). */
  readonly index: number;
  /** Mã TTHC, when given. */
  readonly code?: string;
  /** Name, when given. */
  readonly name?: string;
  /** Level, when given. */
  readonly level?: ProcedureLevel;
  /** Processing time before the review. */
  readonly before: number;
  /** Processing time after the review. */
  readonly after: number;
  /** `before − after`; negative when the time grew. */
  readonly reduced: number;
  /** `reduced ÷ before`, or `null` when `before` is 0. */
  readonly rate: number | null;
}

/**
 * The outcome of {@link timeReduction}.
 * @category Procedures
 */
export interface TimeReductionResult {
  /** Number of procedures. */
  readonly count: number;
  /** Σ processing times before the review. */
  readonly before: number;
  /** Σ processing times after the review. */
  readonly after: number;
  /** `before − after` (Σ of the individual reductions); negative when times grew overall. */
  readonly reduced: number;
  /** The rate by `method`: `pooledRate` or `meanRate`. */
  readonly rate: number | null;
  /** The method `rate` was computed with. */
  readonly method: TimeReductionMethod;
  /** Σreduced ÷ Σbefore, or `null` when Σbefore is 0. */
  readonly pooledRate: number | null;
  /** Mean of the individual rates of procedures with `before > 0`, or `null` when there is none. */
  readonly meanRate: number | null;
  /** Procedures with `before = 0`: they have no rate of their own and are left out of `meanRate`. */
  readonly excludedFromMean: number;
  /** Procedures whose time grew (`after > before`). */
  readonly increased: number;
  /** The unit of every time in the result (`'working-days'` for an empty list). */
  readonly unit: ProcedureTimeUnit;
  /** One entry per procedure, in input order. */
  readonly items: readonly TimeReductionItem[];
}

/**
 * What {@link timeReduction} accepts: one reviewed procedure or a list of them.
 * @category Procedures
 */
export type TimeReductionInput = ProcedureReviewInput | readonly ProcedureReviewInput[];

// Only ever given an array (TimeReductionInputSchema checks first), so it needs no type message.
const ProcedureReviewListSchema = z.array(ProcedureReviewSchema).superRefine((list, ctx) => {
  const first = list[0];
  if (first === undefined) return;
  list.forEach((review, i) => {
    if (review.unit !== first.unit) {
      ctx.addIssue({
        code: 'custom',
        path: [i, 'unit'],
        message: `expected the same unit as the first procedure ('${first.unit}'), received '${review.unit}': times in different units are never converted, so give them all in one unit (a missing unit means 'working-days').`,
        input: review.unit,
      });
    }
  });
});

/**
 * Validates the input of {@link timeReduction}: one reviewed procedure, or a list of them all in the
 * same unit. Issue paths point into the input (`[3, 'unit']`).
 *
 * @remarks
 * A list is told from a single procedure by `Array.isArray`, so errors point at the offending field
 * rather than at "no form matched". For the scoring engine, which validates an assessment's
 * `data.procedures` with it once and then calls the trusted core.
 *
 * @example
 * ```ts
 * import { TimeReductionInputSchema } from 'cchc-index';
 * TimeReductionInputSchema.safeParse([{ before: 3, after: 2 }, { before: 20, after: 5, unit: 'days' }]).success;
 * // => false
 * ```
 * @category Procedures
 */
export const TimeReductionInputSchema = z
  .custom<TimeReductionInput>(() => true)
  .transform((value, ctx): ProcedureReview | ProcedureReview[] => {
    if (value === null || typeof value !== 'object') {
      ctx.addIssue({
        code: 'custom',
        message: `expected a procedure { before, after } or a list of them, received ${describeValue(value)}.`,
        input: value,
      });
      return z.NEVER;
    }
    const result = Array.isArray(value)
      ? safeParse(ProcedureReviewListSchema, value)
      : safeParse(ProcedureReviewSchema, value);
    if (result.success) return result.data;
    for (const issue of result.error.issues)
      ctx.addIssue(issue as unknown as Parameters<typeof ctx.addIssue>[0]);
    return z.NEVER;
  });

const OptionsSchema = z
  .strictObject({
    method: z
      .enum(['pooled', 'mean'], {
        error: (iss) => `expected the method 'pooled' or 'mean', received ${describeValue(iss.input)}.`,
      })
      .optional(),
  })
  .optional();

/**
 * Trusted core of {@link timeReduction}, for callers that already validated with
 * {@link TimeReductionInputSchema} (the scoring engine). Never re-validates.
 * @internal
 */
export function timeReductionOf(
  input: ProcedureReview | readonly ProcedureReview[],
  options: { method?: TimeReductionMethod } = {},
): TimeReductionResult {
  const list: readonly ProcedureReview[] = Array.isArray(input) ? input : [input as ProcedureReview];
  const method = options.method ?? 'pooled';
  let before = ZERO;
  let after = ZERO;
  let rateSum = ZERO;
  let rated = 0;
  let increased = 0;
  const items: TimeReductionItem[] = list.map((review, index) => {
    const b = toDec(review.before);
    const a = toDec(review.after);
    const reduced = b.minus(a);
    before = before.plus(b);
    after = after.plus(a);
    if (a.gt(b)) increased += 1;
    let rate: number | null = null;
    if (!b.isZero()) {
      const exact = reduced.div(b);
      rateSum = rateSum.plus(exact);
      rated += 1;
      rate = toNum(exact);
    }
    return {
      index,
      ...(review.code !== undefined ? { code: review.code } : {}),
      ...(review.name !== undefined ? { name: review.name } : {}),
      ...(review.level !== undefined ? { level: review.level } : {}),
      before: toNum(b),
      after: toNum(a),
      reduced: toNum(reduced),
      rate,
    };
  });
  const reduced = before.minus(after);
  const pooledRate = rateOrNull(reduced, before);
  const meanRate = rated === 0 ? null : toNum(rateSum.div(new Dec(rated)));
  return {
    count: list.length,
    before: toNum(before),
    after: toNum(after),
    reduced: toNum(reduced),
    rate: method === 'mean' ? meanRate : pooledRate,
    method,
    pooledRate,
    meanRate,
    excludedFromMean: list.length - rated,
    increased,
    unit: list[0]?.unit ?? 'working-days',
    items,
  };
}

/**
 * Measures how much the review of procedures cut their processing time (rà soát, cắt giảm thời gian
 * giải quyết TTHC): days saved and the reduction rate, per procedure and over the list.
 *
 * @remarks
 * Formula (reference/dossier-index.md §4.4, **H**; DOMAIN.md "Formulas"): reduced = before − after,
 * rate = reduced ÷ before, as a ratio (0.75, not 75), the double nearest to the exact decimal
 * quotient, `null` when before is 0.
 *
 * Over a list, `rate` is by default pooled, Σreduced ÷ Σbefore; `method: 'mean'` gives the mean of
 * the individual rates instead. Both are always returned (`pooledRate`, `meanRate`). The source does
 * not say which one reports use (§4.4: "make it an option"). Procedures with `before = 0` have no
 * rate: the mean leaves them out and `excludedFromMean` counts them; the pooled figures keep their
 * times. A time that grew (`after > before`) gives a negative reduction and rate, not an error, and
 * is counted in `increased`. An empty list gives zeros and `null` rates ("không phát sinh").
 *
 * Worked figures: Lộc Bình (Lạng Sơn), 6 months 2024: 07 procedures, 91,5 → 63 days: reduced 28,5,
 * rate 31,1 % (DOMAIN.md). Bắc Ninh: 20 → 5 days = 75 %, 3 → 2 days = 33 % (§4.4, **H**); the
 * source's "average 53 %" is not the mean of these two (54,17 %, or 54 % from the rounded 75 and
 * 33) nor their pooled rate (69,57 %); it most likely averages all 109 procedures of the article,
 * which the notes do not list (unverified).
 *
 * Times are added in decimal, never converted between units: a list mixing units is an error.
 *
 * @param input - one reviewed procedure `{ before, after, unit?, code?, name?, level? }` or a list
 *   of them (see {@link ProcedureReviewSchema}).
 * @param options - `method`: `'pooled'` (default) or `'mean'`.
 * @returns totals, both rates, the chosen `rate`, and one item per procedure; see
 *   {@link TimeReductionResult}.
 * @throws {@link CchcError} `INVALID_INPUT` for a negative, NaN or non-numeric time, an unknown key,
 *   an unknown unit or level, or a list mixing units (path e.g. `['input', 3, 'unit']`);
 *   `INVALID_OPTIONS` for an unknown method (path `['options', 'method']`).
 * @example
 * ```ts
 * import { percent, timeReduction } from 'cchc-index';
 * const locBinh = timeReduction({ before: 91.5, after: 63 }); // Lộc Bình, 6 months 2024, 07 TTHC
 * locBinh.reduced;
 * // => 28.5
 * locBinh.rate;
 * // => 0.3114754098360656
 * percent(locBinh.rate, { decimals: 1 });
 * // => 31.1
 * const bacNinh = [{ code: 'A', before: 20, after: 5 }, { code: 'B', before: 3, after: 2 }];
 * timeReduction(bacNinh).items.map((item) => item.rate);
 * // => [0.75, 0.3333333333333333]
 * percent(timeReduction(bacNinh, { method: 'mean' }).rate, { decimals: 0 });
 * // => 54
 * timeReduction({ before: 0, after: 0 }).rate;
 * // => null
 * timeReduction({ before: 5, after: 6 }).reduced; // the time grew
 * // => -1
 * ```
 * @category Procedures
 */
export function timeReduction(
  input: TimeReductionInput,
  options?: TimeReductionOptions,
): TimeReductionResult {
  const parsed = parseWith(z.object({ input: TimeReductionInputSchema }), { input }).input;
  const opts = parseWith(z.object({ options: OptionsSchema }), { options }, 'INVALID_OPTIONS').options;
  return timeReductionOf(parsed, opts ?? {});
}
