// Checks the exact sentences the plan schemas and taskCompletion write for a bad year, id, title,
// field, status, task list, input form or cancelled policy; the zod issue code (custom) of the
// refinements, which is all a caller sees of it besides the sentence; and that a cancelled task
// kept in the plan is never counted overdue.
import { describe, expect, it } from 'vitest';
import { expectCchcError } from '../../test/helpers/cchcError.js';
import { PlanSchema, PlanTaskListSchema } from './Plan.js';
import { type PlanTaskInput, PlanTaskSchema } from './PlanTask.js';
import { TaskCompletionInputSchema, taskCompletion } from './taskCompletion.js';

const task = (id: string, extra: Record<string, unknown> = {}) => ({
  id,
  title: `Nhiệm vụ ${id}`,
  status: 'done',
  ...extra,
});

const WHOLE_YEAR = 'expected a whole year from 2000 to 2100.';
const FORMS = 'expected counts { done, total }, a list of tasks or a plan { year, tasks }';

/** The code, path and message of each issue of a failed safeParse. */
function codesOf(result: {
  success: boolean;
  error?: { issues: { code: string; path: PropertyKey[]; message: string }[] };
}) {
  expect(result.success).toBe(false);
  return result.error?.issues.map(({ code, path, message }) => ({ code, path, message })) ?? [];
}

describe('taskCompletion: messages for a bad plan', () => {
  it.each<[string, unknown, (string | number)[], string]>([
    [
      'a year given as text',
      { year: '2024', tasks: [] },
      ['input', 'year'],
      'expected a year such as 2024, received the string "2024".',
    ],
    ['a fractional year', { year: 2024.5, tasks: [] }, ['input', 'year'], WHOLE_YEAR],
    ['a year before 2000', { year: 1999, tasks: [] }, ['input', 'year'], WHOLE_YEAR],
    ['a year after 2100', { year: 2101, tasks: [] }, ['input', 'year'], WHOLE_YEAR],
    [
      'tasks given as an object',
      { year: 2024, tasks: {} },
      ['input', 'tasks'],
      'expected a list of tasks, received a value of type object.',
    ],
    [
      'tasks given as text',
      { year: 2024, tasks: '57 nhiệm vụ' },
      ['input', 'tasks'],
      'expected a list of tasks, received the string "57 nhiệm vụ".',
    ],
    [
      'a plan id given as a number',
      { id: 7, year: 2024, tasks: [] },
      ['input', 'id'],
      'expected a plan id as text, received the number 7.',
    ],
    [
      'an empty plan title',
      { year: 2024, title: '', tasks: [] },
      ['input', 'title'],
      'expected a plan title as non-empty text.',
    ],
    [
      'a task field given as a number',
      { year: 2024, tasks: [task('1', { field: 3 })] },
      ['input', 'tasks', 0, 'field'],
      'expected a field (lĩnh vực) as text, received the number 3.',
    ],
    [
      'an unknown task status',
      { year: 2024, tasks: [task('1', { status: 'finished' })] },
      ['input', 'tasks', 0, 'status'],
      "expected a status 'done', 'in-progress', 'not-started' or 'cancelled', received the string \"finished\".",
    ],
  ])('%s', (_what, input, path, message) => {
    const error = expectCchcError(() => taskCompletion(input as never), 'INVALID_INPUT', path);
    expect(error.issues).toEqual([{ path, message }]);
  });
});

describe('taskCompletion: messages for a bad input form', () => {
  it.each<[string, unknown, string]>([
    ['null', null, `${FORMS}, received null.`],
    ['a number', 42, `${FORMS}, received the number 42.`],
    ['a string', '41/57', `${FORMS}, received the string "41/57".`],
    ['a boolean', true, `${FORMS}, received a value of type boolean.`],
  ])('%s', (_what, input, message) => {
    const error = expectCchcError(() => taskCompletion(input as never), 'INVALID_INPUT', ['input']);
    expect(error.issues).toEqual([{ path: ['input'], message }]);
  });

  it('a list with a bad status names the four statuses', () => {
    const error = expectCchcError(
      () => taskCompletion([task('1'), task('2', { status: 'dang-thuc-hien' })] as never),
      'INVALID_INPUT',
      ['input', 1, 'status'],
    );
    expect(error.issues).toEqual([
      {
        path: ['input', 1, 'status'],
        message:
          "expected a status 'done', 'in-progress', 'not-started' or 'cancelled', received the string \"dang-thuc-hien\".",
      },
    ]);
  });
});

describe('taskCompletion: messages for bad options', () => {
  it.each<[string, unknown, string]>([
    ['an unknown policy', 'drop', "expected 'exclude' or 'include', received the string \"drop\"."],
    [
      'a policy given as a boolean',
      false,
      "expected 'exclude' or 'include', received a value of type boolean.",
    ],
  ])('cancelled: %s', (_what, cancelled, message) => {
    const error = expectCchcError(
      () => taskCompletion({ done: 1, total: 2 }, { cancelled } as never),
      'INVALID_OPTIONS',
      ['options', 'cancelled'],
    );
    expect(error.issues).toEqual([{ path: ['options', 'cancelled'], message }]);
  });
});

describe('schemas: refinements are custom issues', () => {
  it('PlanTaskListSchema: a repeated id', () => {
    expect(codesOf(PlanTaskListSchema.safeParse([task('1'), task('1')]))).toEqual([
      {
        code: 'custom',
        path: [1, 'id'],
        message: 'expected a unique task id, received "1", already used by task 0.',
      },
    ]);
  });

  it('PlanSchema: a repeated id in the tasks', () => {
    expect(codesOf(PlanSchema.safeParse({ year: 2024, tasks: [task('a'), task('b'), task('a')] }))).toEqual([
      {
        code: 'custom',
        path: ['tasks', 2, 'id'],
        message: 'expected a unique task id, received "a", already used by task 0.',
      },
    ]);
  });

  it('PlanTaskSchema: a completion date on a task not done', () => {
    expect(
      codesOf(PlanTaskSchema.safeParse(task('1', { status: 'cancelled', completedOn: '2024-03-01' }))),
    ).toEqual([
      {
        code: 'custom',
        path: ['completedOn'],
        message:
          "expected no completion date on a task whose status is 'cancelled': only a 'done' task has one.",
      },
    ]);
  });

  it('TaskCompletionInputSchema: done > total', () => {
    expect(codesOf(TaskCompletionInputSchema.safeParse({ done: 58, total: 57 }))).toEqual([
      { code: 'custom', path: ['done'], message: 'expected done ≤ total, received 58 done of 57.' },
    ]);
  });

  it.each<[string, unknown, string]>([
    ['null', null, `${FORMS}, received null.`],
    ['a number', 42, `${FORMS}, received the number 42.`],
  ])('TaskCompletionInputSchema: %s at the root', (_what, input, message) => {
    expect(codesOf(TaskCompletionInputSchema.safeParse(input))).toEqual([
      { code: 'custom', path: [], message },
    ]);
  });

  it('keeps the custom code in the cause of the CchcError thrown by taskCompletion', () => {
    const error = expectCchcError(() => taskCompletion({ done: 58, total: 57 }), 'INVALID_INPUT', [
      'input',
      'done',
    ]);
    expect((error.cause as { issues: { code: string }[] }).issues.map((issue) => issue.code)).toEqual([
      'custom',
    ]);
  });
});

describe('taskCompletion: overdue tasks', () => {
  const tasks: PlanTaskInput[] = [
    { id: 'open-late', title: 'Báo cáo quý I', status: 'in-progress', deadline: '2024-03-31' },
    { id: 'cancelled-late', title: 'Kiểm tra CCHC', status: 'cancelled', deadline: '2024-03-31' },
    { id: 'open-later', title: 'Báo cáo năm', status: 'not-started', deadline: '2024-12-31' },
  ];

  it('a cancelled task kept in the plan is never overdue, even past its deadline', () => {
    expect(taskCompletion(tasks, { asOf: '2024-06-30', cancelled: 'include' })).toMatchObject({
      total: 3,
      cancelled: 1,
      withDeadline: 3,
      overdue: 1,
      overdueIds: ['open-late'],
    });
  });

  it('without asOf nothing is listed overdue', () => {
    expect(taskCompletion(tasks, { cancelled: 'include' })).toMatchObject({
      overdue: null,
      overdueIds: [],
      asOf: null,
    });
  });
});
