import { z } from 'zod';
import { type IsoDate, IsoDateSchema } from '../calendar/dates.js';
import { CchcError } from '../errors/CchcError.js';
import { describeValue, parseWith } from '../errors/fromZod.js';
import { CountSchema, DecimalInputSchema } from '../numeric/schemas.js';
import {
  type TaskCompletionInput,
  TaskCompletionInputSchema,
  type TaskCompletionResult,
  taskCompletionOf,
} from '../plans/taskCompletion.js';
import { count, LangSchema, noun, paragraph, ReportDecimalsSchema, rate } from './internal.js';
import type { ReportOptions } from './ReportLanguage.js';

/**
 * What {@link writePlanReport} accepts: a {@link TaskCompletionResult}, or what
 * {@link taskCompletion} takes (counts `{ done, total }`, a task list or a plan).
 * @category Reports
 */
export type PlanReportInput = TaskCompletionResult | TaskCompletionInput;

/**
 * Options of {@link writePlanReport}.
 * @category Reports
 */
export interface WritePlanReportOptions extends ReportOptions {
  /** Decimal places of the rates (0–20), rounded half-up. Default 2, as published ("71,93%"). */
  decimals?: number;
  /** Drop trailing zeros of the rates ("100%" rather than "100,00%"). Default `true`. */
  trimZeros?: boolean;
  /** Only with a task list or a plan: the date overdue tasks are counted at, as in {@link taskCompletion}. */
  asOf?: IsoDate;
  /** Only with a task list or a plan: what cancelled tasks do, as in {@link taskCompletion}. */
  cancelled?: 'exclude' | 'include';
}

const NullableCount = CountSchema.nullable();

const ResultSchema = z.object({
  source: z.enum(['counts', 'tasks', 'plan']),
  done: CountSchema,
  total: CountSchema,
  notDone: CountSchema,
  rate: DecimalInputSchema.nullable(),
  cancelled: CountSchema,
  cancelledTasks: z.enum(['exclude', 'include']),
  withDeadline: NullableCount,
  doneOnTime: NullableCount,
  doneLate: NullableCount,
  doneUndated: NullableCount,
  overdue: NullableCount,
  onTimeRate: DecimalInputSchema.nullable(),
  asOf: IsoDateSchema.nullable(),
});

const OptionsSchema = z
  .strictObject({
    lang: LangSchema.optional(),
    decimals: ReportDecimalsSchema.optional(),
    trimZeros: z.boolean().optional(),
    asOf: IsoDateSchema.optional(),
    cancelled: z
      .enum(['exclude', 'include'], {
        error: (iss) => `expected 'exclude' or 'include', received ${describeValue(iss.input)}.`,
      })
      .optional(),
  })
  .optional();

type Figures = z.output<typeof ResultSchema>;

function isResult(input: unknown): boolean {
  return (
    input !== null && typeof input === 'object' && !Array.isArray(input) && Object.hasOwn(input, 'source')
  );
}

function vietnameseDate(date: IsoDate): string {
  const [y, m, d] = date.split('-');
  return `${d}/${m}/${y}`;
}

/**
 * Writes the paragraph Vietnamese reports give on the yearly administrative-reform plan (kết quả
 * thực hiện kế hoạch CCHC): tasks planned and done with the completion rate, and, from a task list,
 * tasks done on time or late and tasks overdue.
 *
 * @remarks
 * Completion = tasks done ÷ tasks planned (DOMAIN.md "Formulas"), written with two decimals by
 * default: Đắk Song (Đắk Nông), 6 months 2023, 41 of 57 tasks = 71,93% (DOMAIN.md worked figures).
 * The figures are those of {@link taskCompletion}, so cancelled tasks leave the plan by default and
 * are mentioned when there are any. With a plan as input its year is named ("kế hoạch CCHC năm
 * 2023"). Timing sentences appear only when the input carries deadlines (a task list or a plan);
 * the overdue sentence only with `asOf`, which is written dd/mm/yyyy in Vietnamese. A plan with no
 * task gives "không phát sinh" / "none arose" for the rate.
 *
 * @param input - a result of {@link taskCompletion} (told by its `source` key), or counts, tasks or
 *   a plan.
 * @param options - `lang` (default `'vi'`), `decimals` (default 2), `trimZeros` (default `true`);
 *   `asOf` and `cancelled` with tasks or a plan only.
 * @returns the paragraph.
 * @throws {@link CchcError} `INVALID_INPUT` for a malformed result, counts, task or plan (path
 *   `['input', …]`); `INVALID_OPTIONS` for bad options, or `asOf` / `cancelled` with a result or
 *   counts (path `['options', …]`).
 * @example
 * ```ts
 * import { taskCompletion, writePlanReport } from 'cchc-index';
 * writePlanReport({ done: 41, total: 57 }); // Đắk Song (Đắk Nông), 6 months 2023
 * // => 'Tổng số nhiệm vụ theo kế hoạch CCHC: 57 nhiệm vụ; đã hoàn thành 41 nhiệm vụ, đạt 71,93%; chưa hoàn thành 16 nhiệm vụ.'
 * writePlanReport(taskCompletion({ done: 41, total: 57 }), { lang: 'en' });
 * // => 'Tasks in the administrative-reform plan: 57; done: 41, that is 71.93%; not done: 16.'
 * writePlanReport({ done: 0, total: 0 });
 * // => 'Không phát sinh nhiệm vụ theo kế hoạch CCHC; tỷ lệ hoàn thành: không phát sinh.'
 * ```
 * @category Reports
 */
export function writePlanReport(input: PlanReportInput, options?: WritePlanReportOptions): string {
  const opts = parseWith(z.object({ options: OptionsSchema }), { options }, 'INVALID_OPTIONS').options;
  const result = isResult(input);
  let f: Figures;
  let year: number | null = null;
  if (result) {
    f = parseWith(z.object({ input: ResultSchema }), { input }).input;
  } else {
    const parsed = parseWith(z.object({ input: TaskCompletionInputSchema }), { input }).input;
    if (parsed.source === 'plan') year = parsed.plan.year;
    f = taskCompletionOf(parsed, {
      ...(opts?.asOf !== undefined ? { asOf: opts.asOf } : {}),
      ...(opts?.cancelled !== undefined ? { cancelled: opts.cancelled } : {}),
    });
  }
  const needsTasks = (['asOf', 'cancelled'] as const).find((key) => opts?.[key] !== undefined);
  if (needsTasks !== undefined && (result || f.source === 'counts')) {
    throw new CchcError('INVALID_OPTIONS', [
      {
        path: ['options', needsTasks],
        message: `"${needsTasks}" applies only when the tasks or the plan are given; ${result ? 'a result already carries it' : 'counts have no tasks to read it from'}, so remove it.`,
      },
    ]);
  }
  const lang = opts?.lang ?? 'vi';
  const vi = lang === 'vi';
  const pct = (ratio: number | string | null) =>
    rate(ratio === null ? null : Number(ratio), lang, opts?.decimals ?? 2, opts?.trimZeros ?? true);
  const n = (value: number) => count(value, lang);
  const tasks = (value: number) =>
    vi ? `${n(value)} nhiệm vụ` : `${n(value)} ${noun(value, 'task', 'tasks')}`;
  const plan = vi
    ? `kế hoạch CCHC${year === null ? '' : ` năm ${year}`}`
    : `the${year === null ? '' : ` ${year}`} administrative-reform plan`;

  const sentences: string[] = [];
  const cancelledNote =
    f.cancelled === 0
      ? ''
      : f.cancelledTasks === 'exclude'
        ? vi
          ? ` (không tính ${tasks(f.cancelled)} đã hủy bỏ)`
          : ` (not counting ${tasks(f.cancelled)} cancelled)`
        : vi
          ? ` (kể cả ${tasks(f.cancelled)} đã hủy bỏ, tính là chưa hoàn thành)`
          : ` (including ${tasks(f.cancelled)} cancelled, counted as not done)`;
  if (f.total === 0) {
    sentences.push(
      vi
        ? `Không phát sinh nhiệm vụ theo ${plan}${cancelledNote}; tỷ lệ hoàn thành: ${pct(null)}.`
        : `No tasks in ${plan}${cancelledNote}; completion rate: ${pct(null)}.`,
    );
  } else {
    sentences.push(
      vi
        ? `Tổng số nhiệm vụ theo ${plan}: ${tasks(f.total)}${cancelledNote}; đã hoàn thành ${tasks(f.done)}, đạt ${pct(f.rate)}; chưa hoàn thành ${tasks(f.notDone)}.`
        : `Tasks in ${plan}: ${n(f.total)}${cancelledNote}; done: ${n(f.done)}, that is ${pct(f.rate)}; not done: ${n(f.notDone)}.`,
    );
  }
  if (f.withDeadline !== null && f.withDeadline > 0) {
    const parts = [
      vi
        ? `hoàn thành đúng hạn ${tasks(f.doneOnTime ?? 0)} (${pct(f.onTimeRate)})`
        : `${n(f.doneOnTime ?? 0)} done on time (${pct(f.onTimeRate)})`,
      (f.doneLate ?? 0) > 0
        ? vi
          ? `hoàn thành trễ hạn ${tasks(f.doneLate ?? 0)}`
          : `${n(f.doneLate ?? 0)} done late`
        : vi
          ? 'không có nhiệm vụ hoàn thành trễ hạn'
          : 'none done late',
    ];
    if ((f.doneUndated ?? 0) > 0)
      parts.push(
        vi
          ? `hoàn thành nhưng chưa ghi ngày ${tasks(f.doneUndated ?? 0)}`
          : `${n(f.doneUndated ?? 0)} done without a completion date`,
      );
    sentences.push(
      vi
        ? `Trong ${tasks(f.withDeadline)} có thời hạn: ${parts.join(', ')}.`
        : `Of ${tasks(f.withDeadline)} with a deadline: ${parts.join(', ')}.`,
    );
  }
  if (f.overdue !== null && f.asOf !== null) {
    const when = vi ? `Tính đến ngày ${vietnameseDate(f.asOf)}` : `As of ${f.asOf}`;
    sentences.push(
      f.overdue === 0
        ? vi
          ? `${when}, không có nhiệm vụ quá hạn chưa hoàn thành.`
          : `${when}, no task is overdue.`
        : vi
          ? `${when}, còn ${tasks(f.overdue)} quá hạn chưa hoàn thành.`
          : `${when}, ${tasks(f.overdue)} ${noun(f.overdue, 'is', 'are')} overdue and not done.`,
    );
  }
  return paragraph(sentences);
}
