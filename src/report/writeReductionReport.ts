import { z } from 'zod';
import { CchcError } from '../errors/CchcError.js';
import { describeValue, parseWith } from '../errors/fromZod.js';
import { type Dec, rateOrNull, toDec } from '../numeric/decimal.js';
import {
  type CountInput,
  CountSchema,
  type DecimalInput,
  DecimalInputSchema,
  NonNegativeDecimalSchema,
} from '../numeric/schemas.js';
import { type ProcedureTimeUnit, ProcedureTimeUnitSchema } from '../procedures/ProcedureReview.js';
import {
  type TimeReductionInput,
  TimeReductionInputSchema,
  type TimeReductionMethod,
  type TimeReductionResult,
  timeReductionOf,
} from '../procedures/timeReduction.js';
import {
  capitalise,
  count,
  LangSchema,
  noun,
  paragraph,
  quantity,
  ReportDecimalsSchema,
  rate,
} from './internal.js';
import type { ReportLanguage, ReportOptions } from './ReportLanguage.js';

/**
 * Published totals of a procedure review, when the report gives no per-procedure list: `count`
 * procedures whose times add up to `before` and `after` (Lộc Bình 6/2024: `{ count: 7, before:
 * 91.5, after: 63 }`).
 * @category Reports
 */
export interface TimeReductionTotals {
  /** Number of procedures reviewed: a whole number ≥ 0. */
  count: CountInput;
  /** Σ processing times before the review, ≥ 0. */
  before: DecimalInput;
  /** Σ processing times after the review, ≥ 0. */
  after: DecimalInput;
  /** The unit of the times. Default `'working-days'`. */
  unit?: ProcedureTimeUnit;
}

/**
 * What {@link writeReductionReport} accepts: a {@link TimeReductionResult}, published totals
 * ({@link TimeReductionTotals}), or the procedures themselves (what {@link timeReduction} takes).
 * @category Reports
 */
export type ReductionReportInput = TimeReductionResult | TimeReductionTotals | TimeReductionInput;

/**
 * Options of {@link writeReductionReport}.
 * @category Reports
 */
export interface WriteReductionReportOptions extends ReportOptions {
  /** Decimal places of the rate (0–20), rounded half-up. Default 1, as published ("31,1%"). */
  decimals?: number;
  /**
   * Decimal places of the times (0–20), rounded half-up, trailing zeros dropped. Default: every digit
   * of the exact value ("91,5", "63").
   */
  timeDecimals?: number;
  /**
   * Only with procedures as input: `'pooled'` (default) or `'mean'`, as in {@link timeReduction}. A
   * result already carries its method; totals can only be pooled.
   */
  method?: TimeReductionMethod;
}

/** What the paragraph needs, whatever the input was. */
interface ReductionFigures {
  readonly count: number;
  readonly before: Dec;
  readonly after: Dec;
  readonly reduced: Dec;
  readonly rate: number | null;
  readonly method: TimeReductionMethod;
  readonly unit: ProcedureTimeUnit;
  /** Procedures whose time grew, `null` when unknown (totals). */
  readonly increased: number | null;
}

const ResultSchema = z.object({
  count: CountSchema,
  before: NonNegativeDecimalSchema,
  after: NonNegativeDecimalSchema,
  reduced: DecimalInputSchema,
  rate: DecimalInputSchema.nullable(),
  method: z.enum(['pooled', 'mean']),
  unit: ProcedureTimeUnitSchema,
  increased: CountSchema,
  items: z.array(z.unknown()),
});

const TotalsSchema = z.strictObject({
  count: CountSchema,
  before: NonNegativeDecimalSchema,
  after: NonNegativeDecimalSchema,
  unit: ProcedureTimeUnitSchema.default('working-days'),
});

const OptionsSchema = z
  .strictObject({
    lang: LangSchema.optional(),
    decimals: ReportDecimalsSchema.optional(),
    timeDecimals: ReportDecimalsSchema.optional(),
    method: z
      .enum(['pooled', 'mean'], {
        error: (iss) => `expected the method 'pooled' or 'mean', received ${describeValue(iss.input)}.`,
      })
      .optional(),
  })
  .optional();

type Form = 'result' | 'totals' | 'procedures';

function formOf(input: unknown): Form {
  if (input === null || typeof input !== 'object' || Array.isArray(input)) return 'procedures';
  if (Object.hasOwn(input, 'items')) return 'result';
  if (Object.hasOwn(input, 'count')) return 'totals';
  return 'procedures';
}

function figuresOf(input: unknown, form: Form, method: TimeReductionMethod | undefined): ReductionFigures {
  if (form === 'result') {
    const r = parseWith(z.object({ input: ResultSchema }), { input }).input;
    return {
      count: r.count,
      before: toDec(r.before),
      after: toDec(r.after),
      reduced: toDec(r.reduced),
      rate: r.rate === null ? null : Number(r.rate),
      method: r.method,
      unit: r.unit,
      increased: r.increased,
    };
  }
  if (form === 'totals') {
    const t = parseWith(z.object({ input: TotalsSchema }), { input }).input;
    const before = toDec(t.before);
    const after = toDec(t.after);
    const reduced = before.minus(after);
    return {
      count: t.count,
      before,
      after,
      reduced,
      rate: rateOrNull(reduced, before),
      method: 'pooled',
      unit: t.unit,
      increased: null,
    };
  }
  const parsed = parseWith(z.object({ input: TimeReductionInputSchema }), { input }).input;
  const r = timeReductionOf(parsed, method === undefined ? {} : { method });
  return {
    count: r.count,
    before: toDec(r.before),
    after: toDec(r.after),
    reduced: toDec(r.reduced),
    rate: r.rate,
    method: r.method,
    unit: r.unit,
    increased: r.increased,
  };
}

const UNIT_WORDS: Readonly<Record<ProcedureTimeUnit, { vi: string; en: [string, string] }>> = {
  // Reports write "ngày" for working days too ("91,5 ngày", Lộc Bình 6/2024).
  'working-days': { vi: 'ngày', en: ['working day', 'working days'] },
  days: { vi: 'ngày', en: ['day', 'days'] },
  hours: { vi: 'giờ', en: ['hour', 'hours'] },
  months: { vi: 'tháng', en: ['month', 'months'] },
};

function time(value: Dec, unit: ProcedureTimeUnit, lang: ReportLanguage, decimals?: number): string {
  const text = quantity(value, lang, decimals);
  const words = UNIT_WORDS[unit];
  return lang === 'vi' ? `${text} ${words.vi}` : `${text} ${noun(text, ...words.en)}`;
}

/**
 * Writes the paragraph Vietnamese reports give on the review of procedure processing times (rà
 * soát, cắt giảm thời gian giải quyết TTHC): procedures reviewed, total time before and after,
 * time cut and the reduction rate.
 *
 * @remarks
 * Modelled on the district report of Lộc Bình (Lạng Sơn), 6 months 2024: "Tổng số TTHC được thực
 * hiện rà soát: 07 TTHC; ... Tỷ lệ cắt giảm: 31,1%" (DOMAIN.md worked figures); the middle clauses
 * are our wording of the same figures. The rate is reduced ÷ before (reference/dossier-index.md
 * §4.4), written with one decimal by default as published, rounded half-up once.
 *
 * - Input: a {@link TimeReductionResult} (its `rate` and `method` are used as they are), published
 *   totals `{ count, before, after }` (the rate is pooled, computed exactly), or the procedures
 *   (computed with {@link timeReduction}, `method` from the options). Told apart by an `items` key
 *   (a result) or a `count` key (totals).
 * - Vietnamese writes counts zero-padded ("07 TTHC") and both working and calendar days as "ngày",
 *   as reports do; English names the unit ("working days").
 * - A time that grew overall is written as an increase ("tăng thêm"), never as a negative cut; no
 *   procedure, or a total time before of 0, gives "không phát sinh" / "none arose" for the rate.
 *
 * @param input - a result, totals or procedures, see {@link ReductionReportInput}.
 * @param options - `lang` (default `'vi'`), `decimals` of the rate (default 1), `timeDecimals`
 *   (default exact), `method` (procedures only).
 * @returns the paragraph.
 * @throws {@link CchcError} `INVALID_INPUT` for a malformed result, totals or procedure (path
 *   `['input', …]`, e.g. `['input', 'before']`); `INVALID_OPTIONS` for bad options, or `method`
 *   with a result or totals (path `['options', …]`).
 * @example
 * ```ts
 * import { timeReduction, writeReductionReport } from 'cchc-index';
 * writeReductionReport({ count: 7, before: 91.5, after: 63 }); // Lộc Bình (Lạng Sơn), 6 months 2024
 * // => 'Tổng số TTHC được thực hiện rà soát: 07 TTHC; tổng thời gian giải quyết trước rà soát: 91,5 ngày, sau rà soát: 63 ngày; thời gian cắt giảm: 28,5 ngày. Tỷ lệ cắt giảm: 31,1%.'
 * writeReductionReport({ count: 7, before: 91.5, after: 63 }, { lang: 'en' });
 * // => 'Procedures reviewed: 7; total processing time before the review: 91.5 working days, after: 63 working days; time cut: 28.5 working days. Reduction rate: 31.1%.'
 * writeReductionReport(timeReduction([{ before: 20, after: 5 }, { before: 3, after: 2 }]), { decimals: 2 }); // Bắc Ninh
 * // => 'Tổng số TTHC được thực hiện rà soát: 02 TTHC; tổng thời gian giải quyết trước rà soát: 23 ngày, sau rà soát: 7 ngày; thời gian cắt giảm: 16 ngày. Tỷ lệ cắt giảm: 69,57%.'
 * writeReductionReport([]);
 * // => 'Không phát sinh TTHC được rà soát, cắt giảm thời gian giải quyết.'
 * ```
 * @category Reports
 */
export function writeReductionReport(
  input: ReductionReportInput,
  options?: WriteReductionReportOptions,
): string {
  const opts = parseWith(z.object({ options: OptionsSchema }), { options }, 'INVALID_OPTIONS').options;
  const form = formOf(input);
  if (opts?.method !== undefined && form !== 'procedures') {
    throw new CchcError('INVALID_OPTIONS', [
      {
        path: ['options', 'method'],
        message: `"method" applies only when the procedures are given; a ${form === 'result' ? 'result already carries its rate and method' : 'set of totals can only give the pooled rate'}, so remove it.`,
      },
    ]);
  }
  const f = figuresOf(input, form, opts?.method);
  const lang = opts?.lang ?? 'vi';
  const decimals = opts?.decimals ?? 1;
  const td = opts?.timeDecimals;
  const vi = lang === 'vi';
  if (f.count === 0) {
    return vi
      ? 'Không phát sinh TTHC được rà soát, cắt giảm thời gian giải quyết.'
      : 'No procedures were reviewed for a cut in processing time.';
  }
  const grew = f.reduced.isNegative();
  const change = time(f.reduced.abs(), f.unit, lang, td);
  const changeRate = rate(f.rate === null ? null : Math.abs(f.rate), lang, decimals, false);
  // The rate's own sign decides its word: a mean rate can be negative while the total time fell.
  const rateGrew = f.rate !== null && f.rate < 0;
  const mean = f.method === 'mean';
  const first = vi
    ? `Tổng số TTHC được thực hiện rà soát: ${count(f.count, lang)} TTHC; tổng thời gian giải quyết trước rà soát: ${time(f.before, f.unit, lang, td)}, sau rà soát: ${time(f.after, f.unit, lang, td)}; ${grew ? 'thời gian tăng thêm' : 'thời gian cắt giảm'}: ${change}.`
    : `Procedures reviewed: ${count(f.count, lang)}; total processing time before the review: ${time(f.before, f.unit, lang, td)}, after: ${time(f.after, f.unit, lang, td)}; ${grew ? 'time added' : 'time cut'}: ${change}.`;
  const second = vi
    ? `Tỷ lệ ${rateGrew ? 'tăng' : 'cắt giảm'}${mean ? ' bình quân' : ''}: ${changeRate}.`
    : capitalise(`${mean ? 'mean ' : ''}${rateGrew ? 'increase' : 'reduction'} rate: ${changeRate}.`);
  const third =
    f.increased !== null && f.increased > 0
      ? vi
        ? `Có ${count(f.increased, lang)} TTHC có thời gian giải quyết tăng sau rà soát.`
        : `${count(f.increased, lang)} ${noun(f.increased, 'procedure takes', 'procedures take')} longer after the review.`
      : '';
  return paragraph([first, second, third]);
}
