import { z } from 'zod';
import { IsoDateSchema } from './dates.js';

/**
 * How sure a source note is: **H** high, **M** medium, **L** low (as in
 * `shared/reference/dossier-index.md`).
 *
 * @category Calendar
 */
export const ConfidenceSchema = z.enum(['H', 'M', 'L'], {
  error: (iss) =>
    iss.input === undefined
      ? `is required: expected a confidence 'H', 'M' or 'L'.`
      : `expected a confidence 'H', 'M' or 'L', received ${JSON.stringify(iss.input)}.`,
});

/**
 * A confidence note: `'H' | 'M' | 'L'`.
 * @category Calendar
 */
export type Confidence = z.output<typeof ConfidenceSchema>;

const Source = {
  /** Where the arrangement comes from: the notice (công văn, thông báo) or a secondary source. */
  source: z
    .string()
    .min(1, { error: 'expected a source note (the notice or where the arrangement was reported).' }),
  confidence: ConfidenceSchema,
};

/** A name in Vietnamese and English. @internal */
export const NameSchema = z.strictObject({
  vi: z.string().min(1, { error: 'expected a Vietnamese name.' }),
  en: z.string().min(1, { error: 'expected an English name.' }),
});

const TetSpanSchema = z
  .strictObject({ kind: z.literal('tet-span'), from: IsoDateSchema, to: IsoDateSchema, ...Source })
  .superRefine((span, ctx) => {
    if (span.from.slice(0, 4) !== span.to.slice(0, 4)) {
      ctx.addIssue({
        code: 'custom',
        path: ['to'],
        message: `expected 'to' in the same year as 'from' (${span.from}), received ${span.to}.`,
      });
    } else if (span.to < span.from) {
      ctx.addIssue({
        code: 'custom',
        path: ['to'],
        message: `expected 'to' on or after 'from' (${span.from}), received ${span.to}.`,
      });
    }
  });

const SwapSchema = z
  .strictObject({ kind: z.literal('swap'), dayOff: IsoDateSchema, workedOn: IsoDateSchema, ...Source })
  .refine((swap) => swap.dayOff !== swap.workedOn, {
    path: ['workedOn'],
    error: 'expected the worked day to differ from the day off.',
  });

const DayOffSchema = z.strictObject({
  kind: z.literal('day-off'),
  date: IsoDateSchema,
  name: NameSchema.optional(),
  ...Source,
});

const WorkingDaySchema = z.strictObject({ kind: z.literal('working-day'), date: IsoDateSchema, ...Source });

/**
 * One official arrangement of days off and worked days, kept as data because it is announced year by
 * year (Labour Code 2019 Art. 112(3): the Prime Minister fixes the Tết days and the extra National Day
 * day; swap days come by notice of VPCP, MOLISA or, from 2025, Bộ Nội vụ).
 *
 * - `tet-span`: the Tết days off of one year, `from`–`to` inclusive (weekends inside included). It
 *   replaces the Tết days the general rule gives for the year of `from`.
 * - `swap`: a day off (`dayOff`, a weekday) worked back on another day (`workedOn`, usually a
 *   Saturday) — e.g. off Mon 29/4/2024, worked Sat 4/5/2024.
 * - `day-off`: one extra day off, with an optional name.
 * - `working-day`: a day that is worked, whatever the rules say (it also cancels a holiday there).
 *
 * Each carries `source` (the notice or where it was reported) and `confidence`.
 *
 * @example
 * ```ts
 * import { ArrangementSchema } from 'cchc-index';
 * const swap2024 = { kind: 'swap', dayOff: '2024-04-29', workedOn: '2024-05-04', source: 'Công văn 2450/VPCP-KGVX', confidence: 'H' };
 * ArrangementSchema.parse(swap2024).kind;
 * // => 'swap'
 * ArrangementSchema.safeParse({ ...swap2024, workedOn: '2024-5-4' }).success;
 * // => false
 * ```
 * @category Calendar
 */
export const ArrangementSchema = z.discriminatedUnion(
  'kind',
  [TetSpanSchema, SwapSchema, DayOffSchema, WorkingDaySchema],
  {
    error: (iss) =>
      iss.code === 'invalid_union'
        ? `expected an arrangement with kind 'tet-span', 'swap', 'day-off' or 'working-day'.`
        : undefined,
  },
);

/**
 * An arrangement, as validated: see {@link ArrangementSchema}.
 * @category Calendar
 */
export type Arrangement = z.output<typeof ArrangementSchema>;

/**
 * An arrangement as accepted on input (same as {@link Arrangement}).
 * @category Calendar
 */
export type ArrangementInput = z.input<typeof ArrangementSchema>;
