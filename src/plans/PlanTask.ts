import { z } from 'zod';
import { IsoDateSchema } from '../calendar/dates.js';
import { describeValue } from '../errors/fromZod.js';

/**
 * Where a plan task stands (tình hình thực hiện nhiệm vụ):
 *
 * | status | Vietnamese |
 * | --- | --- |
 * | `'done'` | đã hoàn thành |
 * | `'in-progress'` | đang thực hiện (đang triển khai) |
 * | `'not-started'` | chưa thực hiện (chưa triển khai) |
 * | `'cancelled'` | không thực hiện, đưa ra khỏi kế hoạch (e.g. dropped when the plan was adjusted, điều chỉnh kế hoạch) |
 *
 * @example
 * ```ts
 * import { PlanTaskStatusSchema } from 'cchc-index';
 * PlanTaskStatusSchema.options;
 * // => ['done', 'in-progress', 'not-started', 'cancelled']
 * ```
 * @category Plans
 */
export const PlanTaskStatusSchema = z.enum(['done', 'in-progress', 'not-started', 'cancelled'], {
  error: (iss) =>
    `expected a status 'done', 'in-progress', 'not-started' or 'cancelled', received ${describeValue(iss.input)}.`,
});

/**
 * A task status, see {@link PlanTaskStatusSchema}.
 * @category Plans
 */
export type PlanTaskStatus = z.output<typeof PlanTaskStatusSchema>;

/** Non-empty text, with our own messages. @internal */
export function textSchema(what: string) {
  return z
    .string({
      error: (iss) =>
        iss.input === undefined
          ? `is required: expected ${what} as text.`
          : `expected ${what} as text, received ${describeValue(iss.input)}.`,
    })
    .min(1, { error: `expected ${what} as non-empty text.` });
}

/**
 * A task of a yearly administrative-reform plan (nhiệm vụ trong kế hoạch CCHC năm).
 *
 * @remarks
 * - `id`: unique within its plan (a duplicate is an error in {@link PlanSchema} and
 *   {@link taskCompletion}); `title`: what is to be done.
 * - `field` (lĩnh vực, e.g. "Cải cách TTHC") and `owner` (đơn vị chủ trì) are free text for reports.
 * - `deadline` (thời hạn hoàn thành) and `completedOn` (ngày hoàn thành) are real calendar dates
 *   written `'YYYY-MM-DD'` (`'2024-02-30'` is rejected).
 * - `completedOn` may only be given when `status` is `'done'`: a date of completion on an open or
 *   cancelled task is contradictory and is an error. It is optional even for a done task (many
 *   reports only say "đã hoàn thành"), but without it a task with a deadline cannot be counted as
 *   done on time (see {@link taskCompletion}).
 * - Unknown keys are errors.
 *
 * The model follows the plan-completion measure "tasks done ÷ tasks planned" (DOMAIN.md; Đắk Song,
 * 6 months 2023: 41 of 57 tasks); no PAR rule text fixes the task fields (par-index.md §5 and §8: no rule
 * text with thresholds was found for plan completion), so these are our own design.
 *
 * @example
 * ```ts
 * import { PlanTaskSchema } from 'cchc-index';
 * PlanTaskSchema.parse({ id: '1.1', title: 'Ban hành kế hoạch CCHC năm 2024', status: 'done', deadline: '2024-01-15', completedOn: '2024-01-10' }).completedOn;
 * // => '2024-01-10'
 * PlanTaskSchema.safeParse({ id: '1.2', title: 'Báo cáo quý I', status: 'in-progress', completedOn: '2024-03-20' }).success;
 * // => false
 * ```
 * @category Plans
 */
export const PlanTaskSchema = z
  .strictObject({
    id: textSchema('a task id'),
    title: textSchema('a task title'),
    field: textSchema('a field (lĩnh vực)').optional(),
    owner: textSchema('an owner (đơn vị chủ trì)').optional(),
    deadline: IsoDateSchema.optional(),
    status: PlanTaskStatusSchema,
    completedOn: IsoDateSchema.optional(),
  })
  .superRefine((task, ctx) => {
    if (task.completedOn !== undefined && task.status !== 'done') {
      ctx.addIssue({
        code: 'custom',
        path: ['completedOn'],
        message: `expected no completion date on a task whose status is '${task.status}': only a 'done' task has one.`,
        input: task.completedOn,
      });
    }
  });

/**
 * A validated plan task, see {@link PlanTaskSchema}.
 * @category Plans
 */
export type PlanTask = z.output<typeof PlanTaskSchema>;

/**
 * A plan task as written, see {@link PlanTaskSchema}.
 * @category Plans
 */
export type PlanTaskInput = z.input<typeof PlanTaskSchema>;
