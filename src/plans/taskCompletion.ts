import { z } from 'zod';
import { type IsoDate, IsoDateSchema } from '../calendar/dates.js';
import { describeValue, parseWith, safeParse } from '../errors/fromZod.js';
import { Dec, rateOrNull } from '../numeric/decimal.js';
import { type CountInput, CountSchema } from '../numeric/schemas.js';
import { type Plan, type PlanInput, PlanSchema, PlanTaskListSchema } from './Plan.js';
import type { PlanTask, PlanTaskInput } from './PlanTask.js';

/**
 * Task counts as reports give them: `done` of `total` tasks (e.g. 41 of 57).
 * @category Plans
 */
export interface TaskCounts {
  /** Tasks done (đã hoàn thành): a whole number ≥ 0, at most `total`. */
  done: CountInput;
  /** Tasks planned (tổng số nhiệm vụ): a whole number ≥ 0. */
  total: CountInput;
}

/**
 * What {@link taskCompletion} accepts: counts `{ done, total }`, a list of tasks, or a plan
 * `{ year, tasks, … }`.
 * @category Plans
 */
export type TaskCompletionInput = TaskCounts | readonly PlanTaskInput[] | PlanInput;

/**
 * A validated input of {@link taskCompletion}, as {@link TaskCompletionInputSchema} outputs it: counts,
 * a task list or a plan, told apart by `source`.
 * @category Plans
 */
export type ParsedTaskCompletionInput =
  | { readonly source: 'counts'; readonly done: number; readonly total: number }
  | { readonly source: 'tasks'; readonly tasks: readonly PlanTask[] }
  | { readonly source: 'plan'; readonly plan: Plan };

/**
 * Options of {@link taskCompletion}.
 * @category Plans
 */
export interface TaskCompletionOptions {
  /**
   * The date the situation is read at (`'YYYY-MM-DD'`), e.g. the end of the reporting period. Only
   * used to count `overdue` tasks; without it `overdue` is `null`. The clock is never read.
   */
  asOf?: IsoDate;
  /**
   * What cancelled tasks do: `'exclude'` (default) takes them out of the plan (out of `total` and of
   * every timing count); `'include'` keeps them in `total` as tasks not done.
   */
  cancelled?: 'exclude' | 'include';
}

/**
 * The outcome of {@link taskCompletion}. Timing fields are `null` when the input does not carry what
 * they need (counts have no deadlines; `overdue` needs `asOf`).
 * @category Plans
 */
export interface TaskCompletionResult {
  /** What was given: `'counts'`, `'tasks'` (a list) or `'plan'`. */
  readonly source: 'counts' | 'tasks' | 'plan';
  /** Tasks done. */
  readonly done: number;
  /** Tasks counted: every task, less the cancelled ones unless `cancelled: 'include'`. */
  readonly total: number;
  /** `total − done`. */
  readonly notDone: number;
  /** `done ÷ total`, or `null` when `total` is 0. */
  readonly rate: number | null;
  /** Cancelled tasks found (0 for counts), whether or not they count in `total`. */
  readonly cancelled: number;
  /** How cancelled tasks were treated. */
  readonly cancelledTasks: 'exclude' | 'include';
  /** Counted tasks with a deadline; `null` for counts. */
  readonly withDeadline: number | null;
  /** Done tasks with a deadline and `completedOn` on or before it; `null` for counts. */
  readonly doneOnTime: number | null;
  /** Done tasks with a deadline and `completedOn` after it; `null` for counts. */
  readonly doneLate: number | null;
  /** Done tasks with a deadline but no `completedOn`: not known to be on time; `null` for counts. */
  readonly doneUndated: number | null;
  /**
   * Open tasks (in progress or not started) whose deadline is before `asOf`; `null` for counts or
   * without `asOf`.
   */
  readonly overdue: number | null;
  /** `doneOnTime ÷ withDeadline`, or `null` when no counted task has a deadline (and for counts). */
  readonly onTimeRate: number | null;
  /** The `asOf` date used, or `null`. */
  readonly asOf: IsoDate | null;
  /** Ids of the tasks in `doneLate`, in input order (`[]` for counts). */
  readonly lateIds: readonly string[];
  /** Ids of the tasks in `overdue`, in input order (`[]` when `overdue` is `null`). */
  readonly overdueIds: readonly string[];
}

const TaskCountsSchema = z
  .strictObject({ done: CountSchema, total: CountSchema })
  .superRefine((counts, ctx) => {
    if (counts.done > counts.total) {
      ctx.addIssue({
        code: 'custom',
        path: ['done'],
        message: `expected done ≤ total, received ${counts.done} done of ${counts.total}.`,
        input: counts.done,
      });
    }
  });

type AddIssue = (issue: z.core.$ZodIssue) => void;

function forward(result: z.ZodSafeParseResult<unknown>, addIssue: AddIssue): boolean {
  if (result.success) return true;
  for (const issue of result.error.issues) addIssue(issue);
  return false;
}

/**
 * Validates the input of {@link taskCompletion}: counts `{ done, total }`, a list of tasks, or a
 * plan `{ year, tasks, … }`, and tags it with its `source`. Issue paths point into the input
 * (`['tasks', 3, 'status']`).
 *
 * @remarks
 * A list is told by `Array.isArray`, a plan by its `tasks` key, anything else is read as counts;
 * so errors point at the offending field rather than at "no form matched". For the scoring engine,
 * which validates an assessment's `data.plan` with it once and then calls the trusted core.
 *
 * @example
 * ```ts
 * import { TaskCompletionInputSchema } from 'cchc-index';
 * TaskCompletionInputSchema.parse({ done: 41, total: 57 });
 * // => { source: 'counts', done: 41, total: 57 }
 * ```
 * @category Plans
 */
export const TaskCompletionInputSchema = z
  .custom<TaskCompletionInput>(() => true)
  .transform((value, ctx): ParsedTaskCompletionInput => {
    const addIssue: AddIssue = (issue) =>
      ctx.addIssue(issue as unknown as Parameters<typeof ctx.addIssue>[0]);
    if (value === null || typeof value !== 'object') {
      ctx.addIssue({
        code: 'custom',
        message: `expected counts { done, total }, a list of tasks or a plan { year, tasks }, received ${describeValue(value)}.`,
        input: value,
      });
      return z.NEVER;
    }
    if (Array.isArray(value)) {
      const r = safeParse(PlanTaskListSchema, value);
      return forward(r, addIssue) && r.success ? { source: 'tasks', tasks: r.data } : z.NEVER;
    }
    if (Object.hasOwn(value, 'tasks')) {
      const r = safeParse(PlanSchema, value);
      return forward(r, addIssue) && r.success ? { source: 'plan', plan: r.data } : z.NEVER;
    }
    const r = safeParse(TaskCountsSchema, value);
    return forward(r, addIssue) && r.success ? { source: 'counts', ...r.data } : z.NEVER;
  });

const OptionsSchema = z
  .strictObject({
    asOf: IsoDateSchema.optional(),
    cancelled: z
      .enum(['exclude', 'include'], {
        error: (iss) => `expected 'exclude' or 'include', received ${describeValue(iss.input)}.`,
      })
      .optional(),
  })
  .optional();

/**
 * Trusted core of {@link taskCompletion}, for callers that already validated with
 * {@link TaskCompletionInputSchema} (the scoring engine). Never re-validates.
 * @internal
 */
export function taskCompletionOf(
  input: ParsedTaskCompletionInput,
  options: { asOf?: IsoDate; cancelled?: 'exclude' | 'include' } = {},
): TaskCompletionResult {
  const cancelledTasks = options.cancelled ?? 'exclude';
  const asOf = options.asOf ?? null;
  if (input.source === 'counts') {
    return {
      source: 'counts',
      done: input.done,
      total: input.total,
      notDone: input.total - input.done,
      rate: rateOrNull(new Dec(input.done), new Dec(input.total)),
      cancelled: 0,
      cancelledTasks,
      withDeadline: null,
      doneOnTime: null,
      doneLate: null,
      doneUndated: null,
      overdue: null,
      onTimeRate: null,
      asOf,
      lateIds: [],
      overdueIds: [],
    };
  }
  const tasks = input.source === 'plan' ? input.plan.tasks : input.tasks;
  let total = 0;
  let done = 0;
  let cancelled = 0;
  let withDeadline = 0;
  let doneOnTime = 0;
  let doneUndated = 0;
  const lateIds: string[] = [];
  const overdueIds: string[] = [];
  for (const task of tasks) {
    if (task.status === 'cancelled') {
      cancelled += 1;
      if (cancelledTasks === 'exclude') continue;
    }
    total += 1;
    if (task.status === 'done') done += 1;
    // ISO dates 'YYYY-MM-DD' with four-digit years compare as strings in calendar order.
    const deadline = task.deadline;
    if (deadline === undefined) continue;
    withDeadline += 1;
    if (task.status === 'done') {
      if (task.completedOn === undefined) doneUndated += 1;
      else if (task.completedOn <= deadline) doneOnTime += 1;
      else lateIds.push(task.id);
    } else if (task.status !== 'cancelled' && asOf !== null && deadline < asOf) {
      overdueIds.push(task.id);
    }
  }
  return {
    source: input.source,
    done,
    total,
    notDone: total - done,
    rate: rateOrNull(new Dec(done), new Dec(total)),
    cancelled,
    cancelledTasks,
    withDeadline,
    doneOnTime,
    doneLate: lateIds.length,
    doneUndated,
    overdue: asOf === null ? null : overdueIds.length,
    onTimeRate: rateOrNull(new Dec(doneOnTime), new Dec(withDeadline)),
    asOf,
    lateIds,
    overdueIds,
  };
}

/**
 * Measures how far a yearly administrative-reform plan is carried out (mức độ hoàn thành kế hoạch
 * CCHC): tasks done ÷ tasks planned, and, when tasks have deadlines, how many were done on time.
 *
 * @remarks
 * `rate` = done ÷ total (DOMAIN.md "Formulas": plan completion = tasks done ÷ tasks planned), as a
 * ratio, `null` when there is no task. Đắk Song (Đắk Nông), 6 months 2023: 41 of 57 tasks, shown
 * 71,93 % (DOMAIN.md worked figures). Rule sets score it in tiers, e.g. Cà Mau 1880/2013 criterion
 * 1.1.4: over 90 % → 2, 70–90 % → 1 (par-index.md §5, **H**); no current rule text with thresholds
 * was found (par-index.md §5, §8).
 *
 * From a task list or a plan:
 * - Cancelled tasks (`status: 'cancelled'`) leave the plan by default (`cancelled: 'exclude'`): they
 *   are out of `total` and of every timing count, and counted in `cancelled`. This is our decision
 *   (an adjusted plan no longer asks for them); `cancelled: 'include'` keeps them in `total` as not
 *   done. No source says which reports use.
 * - `onTimeRate` = `doneOnTime ÷ withDeadline`, where `withDeadline` counts every counted task with
 *   a deadline, done or not, and `doneOnTime` the done ones whose `completedOn` is on or before the
 *   deadline (the deadline day itself is on time). Done tasks with a deadline but no `completedOn`
 *   (`doneUndated`) are not counted on time: give the date to get the credit. Tasks not yet due
 *   also stay in the denominator, so mid-year the rate is low by construction.
 * - `overdue` counts open tasks (in progress or not started) whose deadline is strictly before
 *   `asOf`, which the caller gives (the end of the reporting period); a task due on `asOf` is not
 *   overdue yet. Without `asOf`, `overdue` is `null`: the clock is never read.
 * - Task ids must be unique.
 *
 * From counts `{ done, total }`, timing fields are `null` and options other than validation have
 * no effect.
 *
 * @param input - counts `{ done, total }`, a list of tasks ({@link PlanTaskSchema}) or a plan
 *   ({@link PlanSchema}).
 * @param options - `asOf` (`'YYYY-MM-DD'`) and `cancelled` (`'exclude'` by default or `'include'`).
 * @returns counts, rates and timing; see {@link TaskCompletionResult}.
 * @throws {@link CchcError} `INVALID_INPUT` for `done > total` (path `['input', 'done']`), a negative
 *   or fractional count, an invalid date (`'2024-02-30'`), an unknown key or status, a completion date
 *   on a task not done, or a repeated task id (path e.g. `['input', 'tasks', 5, 'id']`);
 *   `INVALID_OPTIONS` for bad options (path e.g. `['options', 'asOf']`).
 * @example
 * ```ts
 * import { type PlanTaskInput, percent, taskCompletion } from 'cchc-index';
 * const dakSong = taskCompletion({ done: 41, total: 57 }); // Đắk Song, 6 months 2023
 * dakSong.rate;
 * // => 0.7192982456140351
 * percent(dakSong.rate);
 * // => 71.93
 * const tasks: PlanTaskInput[] = [
 *   { id: '1', title: 'Ban hành kế hoạch CCHC', status: 'done', deadline: '2024-01-31', completedOn: '2024-01-31' },
 *   { id: '2', title: 'Báo cáo CCHC quý I', status: 'done', deadline: '2024-03-15', completedOn: '2024-03-20' },
 *   { id: '3', title: 'Rà soát TTHC', status: 'in-progress', deadline: '2024-05-31' },
 *   { id: '4', title: 'Kiểm tra CCHC', status: 'cancelled', deadline: '2024-04-30' },
 * ];
 * const result = taskCompletion(tasks, { asOf: '2024-06-30' });
 * [result.done, result.total, result.cancelled, result.doneOnTime, result.doneLate, result.overdue];
 * // => [2, 3, 1, 1, 1, 1]
 * result.onTimeRate;
 * // => 0.3333333333333333
 * taskCompletion({ done: 0, total: 0 }).rate;
 * // => null
 * ```
 * @category Plans
 */
export function taskCompletion(
  input: TaskCompletionInput,
  options?: TaskCompletionOptions,
): TaskCompletionResult {
  const parsed = parseWith(z.object({ input: TaskCompletionInputSchema }), { input }).input;
  const opts = parseWith(z.object({ options: OptionsSchema }), { options }, 'INVALID_OPTIONS').options;
  return taskCompletionOf(parsed, opts ?? {});
}
