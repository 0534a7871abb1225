import { describe, expect, it } from 'vitest';
import { CchcError } from '../errors/CchcError.js';
import { PlanSchema } from './Plan.js';
import { PlanTaskSchema } from './PlanTask.js';
import { taskCompletion } from './taskCompletion.js';

function firstIssue(fn: () => unknown): { code: string; path: readonly (string | number)[] } {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(CchcError);
    const e = error as CchcError;
    return { code: e.code, path: e.issues[0]?.path ?? [] };
  }
  throw new Error('expected a CchcError, but nothing was thrown');
}

const task = (id: string, extra: Record<string, unknown> = {}) => ({
  id,
  title: `T${id}`,
  status: 'done',
  ...extra,
});

describe('taskCompletion: the first issue points at the bad value', () => {
  it.each([
    ['done > total', { done: 58, total: 57 }, ['input', 'done']],
    ['negative', { done: -1, total: 57 }, ['input', 'done']],
    ['NaN', { done: 1, total: Number.NaN }, ['input', 'total']],
    ["'abc'", { done: 'abc', total: 57 }, ['input', 'done']],
    ['fractional', { done: 40.5, total: 57 }, ['input', 'done']],
    ['unknown key', { done: 1, total: 2, extra: 0 }, ['input']],
    ["'2024-02-30'", [task('1', { deadline: '2024-02-30' })], ['input', 0, 'deadline']],
    ['duplicate ids', [task('1'), task('1')], ['input', 1, 'id']],
    ['duplicate ids in a plan', { year: 2024, tasks: [task('a'), task('a')] }, ['input', 'tasks', 1, 'id']],
  ])('%s', (_what, input, path) => {
    expect(firstIssue(() => taskCompletion(input as never))).toEqual({ code: 'INVALID_INPUT', path });
  });
});

describe('schemas: the first issue path', () => {
  it.each([
    ["'2024-02-30'", task('1', { completedOn: '2024-02-30' }), ['completedOn']],
    [
      'completedOn on a task not done',
      task('1', { status: 'not-started', completedOn: '2024-01-01' }),
      ['completedOn'],
    ],
    ['unknown key', task('1', { dueDate: '2024-01-01' }), []],
  ])('PlanTaskSchema: %s', (_what, input, path) => {
    const result = PlanTaskSchema.safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(path);
  });

  it('PlanSchema: duplicate ids', () => {
    const result = PlanSchema.safeParse({ year: 2024, tasks: [task('x'), task('y'), task('x')] });
    expect(result.error?.issues[0]?.path).toEqual(['tasks', 2, 'id']);
  });
});
