import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DAK_SONG_2023_PLAN_CONSTRUCTED,
  DAK_SONG_2023_TASKS_CONSTRUCTED,
} from '../../test/fixtures/plans/dakSong2023.js';
import { expectCchcError } from '../../test/helpers/cchcError.js';
import { deepFreeze } from '../../test/helpers/deepFreeze.js';
import { percent } from '../numeric/percent.js';
import type { PlanTaskInput } from './PlanTask.js';
import { TaskCompletionInputSchema, taskCompletion, taskCompletionOf } from './taskCompletion.js';

const task = (id: string, extra: Partial<PlanTaskInput> = {}): PlanTaskInput => ({
  id,
  title: `Nhiệm vụ ${id}`,
  status: 'not-started',
  ...extra,
});

describe('taskCompletion', () => {
  describe('real figures', () => {
    it('Đắk Song 6 months 2023: 41 of 57 tasks, shown 71,93 %', () => {
      const result = taskCompletion({ done: 41, total: 57 });
      expect(result).toEqual({
        source: 'counts',
        done: 41,
        total: 57,
        notDone: 16,
        rate: 0.7192982456140351,
        cancelled: 0,
        cancelledTasks: 'exclude',
        withDeadline: null,
        doneOnTime: null,
        doneLate: null,
        doneUndated: null,
        overdue: null,
        onTimeRate: null,
        asOf: null,
        lateIds: [],
        overdueIds: [],
      });
      expect(percent(result.rate)).toBe(71.93);
    });

    it('Đắk Song: 61 of the 90 self-assessed points, shown 67,78 %', () => {
      const result = taskCompletion({ done: '61', total: '90' });
      expect(result.rate).toBe(0.6777777777777778);
      expect(percent(result.rate)).toBe(67.78);
    });

    it('Đắk Song, 57 tasks (constructed list with the published counts): the same 71,93 %', () => {
      const tasks = deepFreeze(DAK_SONG_2023_TASKS_CONSTRUCTED);
      const fromTasks = taskCompletion(tasks, { asOf: '2023-06-30' });
      expect(fromTasks).toMatchObject({ source: 'tasks', done: 41, total: 57, rate: 0.7192982456140351 });
      // constructed timing: 8 of the 41 done tasks late (NV-05, 10, …, 40), 33 on time or early;
      // of the 16 open tasks, 7 are due before 30/6 (deadlines in January–June).
      expect(fromTasks).toMatchObject({
        withDeadline: 57,
        doneOnTime: 33,
        doneLate: 8,
        doneUndated: 0,
        overdue: 7,
        onTimeRate: 33 / 57,
        asOf: '2023-06-30',
      });
      expect(fromTasks.lateIds).toEqual([
        'NV-05',
        'NV-10',
        'NV-15',
        'NV-20',
        'NV-25',
        'NV-30',
        'NV-35',
        'NV-40',
      ]);
      expect(fromTasks.overdueIds).toEqual(['NV-42', 'NV-49', 'NV-50', 'NV-51', 'NV-52', 'NV-53', 'NV-54']);
      const fromPlan = taskCompletion(deepFreeze(DAK_SONG_2023_PLAN_CONSTRUCTED), { asOf: '2023-06-30' });
      expect({ ...fromPlan, source: 'tasks' }).toEqual(fromTasks);
      expect(fromPlan.source).toBe('plan');
    });
  });

  describe('boundaries', () => {
    it('done = total: rate 1; done = 0: rate 0; total = 0: rate null', () => {
      expect(taskCompletion({ done: 57, total: 57 }).rate).toBe(1);
      expect(taskCompletion({ done: 0, total: 57 }).rate).toBe(0);
      expect(taskCompletion({ done: 0, total: 0 })).toMatchObject({ rate: null, notDone: 0 });
      expect(taskCompletion([])).toMatchObject({ total: 0, rate: null, withDeadline: 0, onTimeRate: null });
    });

    it('completion on the deadline day is on time; the next day is late', () => {
      const result = taskCompletion([
        task('a', { status: 'done', deadline: '2024-03-15', completedOn: '2024-03-15' }),
        task('b', { status: 'done', deadline: '2024-03-15', completedOn: '2024-03-16' }),
        task('c', { status: 'done', deadline: '2024-03-15', completedOn: '2024-03-14' }),
      ]);
      expect(result).toMatchObject({ doneOnTime: 2, doneLate: 1, lateIds: ['b'], onTimeRate: 2 / 3 });
    });

    it('compares dates across months and years in calendar order', () => {
      const result = taskCompletion([
        task('a', { status: 'done', deadline: '2023-12-31', completedOn: '2024-01-01' }),
        task('b', { status: 'done', deadline: '2024-02-29', completedOn: '2024-02-09' }),
      ]);
      expect(result.lateIds).toEqual(['a']);
    });

    it('overdue: open tasks due strictly before asOf; due on asOf is not overdue; null without asOf', () => {
      const tasks = [
        task('due-before', { status: 'in-progress', deadline: '2024-06-29' }),
        task('due-on', { status: 'not-started', deadline: '2024-06-30' }),
        task('due-after', { status: 'not-started', deadline: '2024-07-01' }),
        task('no-deadline', { status: 'not-started' }),
        task('done-late', { status: 'done', deadline: '2024-01-01', completedOn: '2024-02-01' }),
        task('cancelled', { status: 'cancelled', deadline: '2024-01-01' }),
      ];
      expect(taskCompletion(tasks, { asOf: '2024-06-30' })).toMatchObject({
        overdue: 1,
        overdueIds: ['due-before'],
      });
      expect(taskCompletion(tasks, { asOf: '2024-06-30', cancelled: 'include' }).overdue).toBe(1);
      expect(taskCompletion(tasks)).toMatchObject({ overdue: null, overdueIds: [], asOf: null });
    });

    it('a done task with a deadline but no completion date is counted apart, not on time', () => {
      const result = taskCompletion([
        task('a', { status: 'done', deadline: '2024-03-15' }),
        task('b', { status: 'done', deadline: '2024-03-15', completedOn: '2024-03-01' }),
        task('c', { status: 'done' }),
      ]);
      expect(result).toMatchObject({
        done: 3,
        rate: 1,
        withDeadline: 2,
        doneOnTime: 1,
        doneLate: 0,
        doneUndated: 1,
        onTimeRate: 0.5,
      });
    });

    it('no task with a deadline: timing counts 0 and onTimeRate null', () => {
      expect(taskCompletion([task('a', { status: 'done' })])).toMatchObject({
        withDeadline: 0,
        doneOnTime: 0,
        onTimeRate: null,
      });
    });

    it('cancelled tasks leave the plan by default; cancelled: include keeps them as not done', () => {
      const tasks = [
        task('1', { status: 'done', deadline: '2024-03-01', completedOn: '2024-02-01' }),
        task('2', { status: 'cancelled', deadline: '2024-03-01' }),
        task('3', { status: 'in-progress' }),
      ];
      expect(taskCompletion(tasks)).toMatchObject({
        done: 1,
        total: 2,
        notDone: 1,
        rate: 0.5,
        cancelled: 1,
        cancelledTasks: 'exclude',
        withDeadline: 1,
        onTimeRate: 1,
      });
      expect(taskCompletion(tasks, { cancelled: 'include' })).toMatchObject({
        done: 1,
        total: 3,
        notDone: 2,
        rate: 1 / 3,
        cancelled: 1,
        cancelledTasks: 'include',
        withDeadline: 2,
        onTimeRate: 0.5,
      });
      // all cancelled: nothing left to measure
      expect(taskCompletion([task('x', { status: 'cancelled' })]).rate).toBeNull();
    });
  });

  describe('rejects bad input', () => {
    it.each([
      [
        'done > total',
        { done: 58, total: 57 },
        ['input', 'done'],
        'expected done ≤ total, received 58 done of 57.',
      ],
      ['a fractional count', { done: 40.5, total: 57 }, ['input', 'done'], undefined],
      ['a negative count', { done: 1, total: -57 }, ['input', 'total'], undefined],
      ['a NaN count', { done: Number.NaN, total: 57 }, ['input', 'done'], undefined],
      ['"abc" as a count', { done: 'abc', total: 57 }, ['input', 'done'], undefined],
      ['a missing total', { done: 1 }, ['input', 'total'], undefined],
      [
        'an unknown key in counts',
        { done: 1, total: 2, onTime: 1 },
        ['input'],
        'unknown key "onTime": remove it or check the spelling.',
      ],
      [
        'null',
        null,
        ['input'],
        'expected counts { done, total }, a list of tasks or a plan { year, tasks }, received null.',
      ],
      ['a string', '41/57', ['input'], undefined],
      ['an invalid date', [task('1', { deadline: '2024-02-30' })], ['input', 0, 'deadline'], undefined],
      [
        'a date not written YYYY-MM-DD',
        [task('1', { status: 'done', completedOn: '15/03/2024' })],
        ['input', 0, 'completedOn'],
        undefined,
      ],
      ['an unknown status', [task('1', { status: 'finished' as never })], ['input', 0, 'status'], undefined],
      ['a missing status', [{ id: '1', title: 'x' }], ['input', 0, 'status'], undefined],
      [
        'a missing title',
        [{ id: '1', status: 'done' }],
        ['input', 0, 'title'],
        'is required: expected a task title as text.',
      ],
      ['an empty id', [task('')], ['input', 0, 'id'], undefined],
      ['an unknown task key', [{ ...task('1'), deadLine: '2024-01-01' }], ['input', 0], undefined],
      [
        'a completion date on a task not done',
        [task('1', { status: 'in-progress', completedOn: '2024-03-01' })],
        ['input', 0, 'completedOn'],
        "expected no completion date on a task whose status is 'in-progress': only a 'done' task has one.",
      ],
      [
        'a completion date on a cancelled task',
        [task('1', { status: 'cancelled', completedOn: '2024-03-01' })],
        ['input', 0, 'completedOn'],
        undefined,
      ],
      [
        'duplicate task ids in a list',
        [task('1'), task('2'), task('1')],
        ['input', 2, 'id'],
        'expected a unique task id, received "1", already used by task 0.',
      ],
      [
        'duplicate task ids in a plan',
        { year: 2024, tasks: [task('a'), task('b'), task('b')] },
        ['input', 'tasks', 2, 'id'],
        undefined,
      ],
      [
        'a bad task in a plan',
        { year: 2024, tasks: [task('a', { deadline: '2023-13-01' })] },
        ['input', 'tasks', 0, 'deadline'],
        undefined,
      ],
      ['a fractional year', { year: 2023.5, tasks: [] }, ['input', 'year'], undefined],
      ['a year out of range', { year: 1999, tasks: [] }, ['input', 'year'], undefined],
      ['a year as text', { year: '2023', tasks: [] }, ['input', 'year'], undefined],
      ['an unknown plan key', { year: 2024, tasks: [], owner: 'x' }, ['input'], undefined],
      ['tasks that are not a list', { year: 2024, tasks: {} }, ['input', 'tasks'], undefined],
    ])('%s', (_what, input, path, message) => {
      const error = expectCchcError(() => taskCompletion(input as never), 'INVALID_INPUT', path);
      if (message !== undefined) expect(error.issues.map((issue) => issue.message)).toContain(message);
    });

    it('reports every duplicate id at once', () => {
      const error = expectCchcError(
        () => taskCompletion([task('a'), task('a'), task('b'), task('a'), task('b')]),
        'INVALID_INPUT',
        ['input', 1, 'id'],
      );
      expect(error.issues.map((issue) => issue.path)).toEqual([
        ['input', 1, 'id'],
        ['input', 3, 'id'],
        ['input', 4, 'id'],
      ]);
    });

    it('an invalid date message says why', () => {
      const error = expectCchcError(
        () => taskCompletion([task('1', { deadline: '2024-02-30' })]),
        'INVALID_INPUT',
        ['input', 0, 'deadline'],
      );
      expect(error.issues[0]?.message).toMatch(/02\/2024 has 29 days/);
    });

    it.each([
      ['an invalid asOf', { asOf: '2024-02-30' }, ['options', 'asOf']],
      ['asOf as a Date', { asOf: new Date(0) }, ['options', 'asOf']],
      ['an unknown cancelled policy', { cancelled: 'drop' }, ['options', 'cancelled']],
      ['an unknown option', { asof: '2024-01-01' }, ['options']],
    ])('options: %s', (_what, options, path) => {
      expectCchcError(() => taskCompletion({ done: 1, total: 2 }, options as never), 'INVALID_OPTIONS', path);
    });
  });

  describe('laws', () => {
    const date = fc
      .record({ m: fc.integer({ min: 1, max: 12 }), d: fc.integer({ min: 1, max: 28 }) })
      .map(({ m, d }) => `2024-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);
    const taskArb = fc
      .record({
        status: fc.constantFrom('done', 'in-progress', 'not-started', 'cancelled' as const),
        deadline: fc.option(date, { nil: undefined }),
        completedOn: fc.option(date, { nil: undefined }),
      })
      .map(({ status, deadline, completedOn }) => ({
        status,
        ...(deadline !== undefined ? { deadline } : {}),
        ...(status === 'done' && completedOn !== undefined ? { completedOn } : {}),
      }));
    const tasksArb = fc
      .array(taskArb, { maxLength: 30 })
      .map((list) => list.map((t, i): PlanTaskInput => ({ id: `T${i}`, title: `Task ${i}`, ...t })));
    const options = fc.record(
      { asOf: date, cancelled: fc.constantFrom('exclude', 'include' as const) },
      { requiredKeys: [] },
    );

    it('order of tasks does not change the results (except the order of listed ids)', () => {
      fc.assert(
        fc.property(tasksArb, options, (tasks, opts) => {
          const a = taskCompletion(tasks, opts);
          const b = taskCompletion([...tasks].reverse(), opts);
          expect({ ...b, lateIds: [...b.lateIds].sort(), overdueIds: [...b.overdueIds].sort() }).toEqual({
            ...a,
            lateIds: [...a.lateIds].sort(),
            overdueIds: [...a.overdueIds].sort(),
          });
        }),
      );
    });

    it('counts add up and rates stay in [0, 1]', () => {
      fc.assert(
        fc.property(tasksArb, options, (tasks, opts) => {
          const r = taskCompletion(tasks, opts);
          const cancelled = tasks.filter((t) => t.status === 'cancelled').length;
          expect(r.cancelled).toBe(cancelled);
          expect(r.total).toBe(opts.cancelled === 'include' ? tasks.length : tasks.length - cancelled);
          expect(r.done).toBe(tasks.filter((t) => t.status === 'done').length);
          expect(r.done + r.notDone).toBe(r.total);
          expect(r.rate).toBe(r.total === 0 ? null : r.done / r.total);
          expect((r.doneOnTime ?? 0) + (r.doneLate ?? 0) + (r.doneUndated ?? 0)).toBeLessThanOrEqual(r.done);
          expect(r.withDeadline).toBeLessThanOrEqual(r.total);
          for (const rate of [r.rate, r.onTimeRate]) {
            if (rate !== null) {
              expect(rate).toBeGreaterThanOrEqual(0);
              expect(rate).toBeLessThanOrEqual(1);
            }
          }
          expect(r.overdue === null).toBe(opts.asOf === undefined);
        }),
      );
    });

    it('a list and counts agree on the completion rate', () => {
      fc.assert(
        fc.property(tasksArb, (tasks) => {
          const r = taskCompletion(tasks);
          expect(taskCompletion({ done: r.done, total: r.total }).rate).toBe(r.rate);
        }),
      );
    });

    it('never mutates its input and returns JSON-safe results', () => {
      fc.assert(
        fc.property(tasksArb, options, (tasks, opts) => {
          const copy = structuredClone(tasks);
          const plan = deepFreeze({ year: 2024, tasks });
          const result = taskCompletion(plan, deepFreeze(opts));
          expect(plan.tasks).toEqual(copy);
          expect(JSON.parse(JSON.stringify(result))).toEqual(result);
        }),
      );
    });
  });

  describe('for the engine', () => {
    it('TaskCompletionInputSchema + taskCompletionOf give what taskCompletion gives', () => {
      const parsed = TaskCompletionInputSchema.parse(DAK_SONG_2023_PLAN_CONSTRUCTED);
      expect(parsed.source).toBe('plan');
      expect(taskCompletionOf(parsed, { asOf: '2023-06-30' })).toEqual(
        taskCompletion(DAK_SONG_2023_PLAN_CONSTRUCTED, { asOf: '2023-06-30' }),
      );
      expect(TaskCompletionInputSchema.parse({ done: '41', total: 57 })).toEqual({
        source: 'counts',
        done: 41,
        total: 57,
      });
    });
  });
});
