import { z } from 'zod';
import { describeValue } from '../errors/fromZod.js';
import { PlanTaskSchema, textSchema } from './PlanTask.js';

/**
 * A list of plan tasks whose ids are unique: each repeated id is reported at the repeat
 * (`[5, 'id']`), saying where it was first used.
 *
 * @example
 * ```ts
 * import { PlanTaskListSchema } from 'cchc-index';
 * const result = PlanTaskListSchema.safeParse([{ id: '1', title: 'A', status: 'done' }, { id: '1', title: 'B', status: 'done' }]);
 * result.error?.issues[0]?.path;
 * // => [1, 'id']
 * ```
 * @category Plans
 */
export const PlanTaskListSchema = z
  .array(PlanTaskSchema, {
    error: (iss) => `expected a list of tasks, received ${describeValue(iss.input)}.`,
  })
  .superRefine((tasks, ctx) => {
    const seen = new Map<string, number>();
    tasks.forEach((task, i) => {
      const first = seen.get(task.id);
      if (first === undefined) seen.set(task.id, i);
      else
        ctx.addIssue({
          code: 'custom',
          path: [i, 'id'],
          message: `expected a unique task id, received ${JSON.stringify(task.id)}, already used by task ${first}.`,
          input: task.id,
        });
    });
  });

/**
 * A yearly administrative-reform plan (kế hoạch CCHC năm) and its tasks.
 *
 * @remarks
 * `year` is a whole number from 2000 to 2100 (the years the calendar knows); `id`, `unit` (the unit
 * whose plan it is, e.g. "UBND huyện Đắk Song") and `title` are free text. Task ids must be unique
 * (path of the repeat, e.g. `['tasks', 5, 'id']`). Task deadlines are not required to fall in `year`
 * (a year's plan often has tasks due in January of the next). Unknown keys are errors.
 *
 * @example
 * ```ts
 * import { PlanSchema } from 'cchc-index';
 * PlanSchema.parse({ year: 2023, unit: 'UBND huyện Đắk Song', tasks: [{ id: '1', title: 'Ban hành kế hoạch', status: 'done' }] }).tasks.length;
 * // => 1
 * PlanSchema.safeParse({ year: 2023.5, tasks: [] }).success;
 * // => false
 * ```
 * @category Plans
 */
export const PlanSchema = z.strictObject({
  id: textSchema('a plan id').optional(),
  year: z
    .number({ error: (iss) => `expected a year such as 2024, received ${describeValue(iss.input)}.` })
    .int({ error: 'expected a whole year from 2000 to 2100.' })
    .min(2000, { error: 'expected a whole year from 2000 to 2100.' })
    .max(2100, { error: 'expected a whole year from 2000 to 2100.' }),
  unit: textSchema('a unit name').optional(),
  title: textSchema('a plan title').optional(),
  tasks: PlanTaskListSchema,
});

/**
 * A validated plan, see {@link PlanSchema}.
 * @category Plans
 */
export type Plan = z.output<typeof PlanSchema>;

/**
 * A plan as written, see {@link PlanSchema}.
 * @category Plans
 */
export type PlanInput = z.input<typeof PlanSchema>;
