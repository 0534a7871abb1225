import { describe, expect, it } from 'vitest';
import { DAK_SONG_2023_PLAN_CONSTRUCTED } from '../../test/fixtures/plans/dakSong2023.js';
import { deepFreeze } from '../../test/helpers/deepFreeze.js';
import { PlanSchema, PlanTaskListSchema } from './Plan.js';
import { PlanTaskSchema, PlanTaskStatusSchema } from './PlanTask.js';

function paths(result: { success: boolean; error?: { issues: { path: PropertyKey[] }[] } }) {
  return result.error?.issues.map((issue) => issue.path) ?? [];
}

describe('PlanTaskSchema', () => {
  it('accepts a full task and keeps it as given', () => {
    const input = deepFreeze({
      id: '2.3',
      title: 'Rà soát, đơn giản hoá TTHC',
      field: 'Cải cách TTHC',
      owner: 'Văn phòng HĐND và UBND huyện',
      deadline: '2024-02-29',
      status: 'done' as const,
      completedOn: '2024-02-28',
    });
    expect(PlanTaskSchema.parse(input)).toEqual(input);
  });

  it('a done task may leave out its completion date', () => {
    expect(
      PlanTaskSchema.safeParse({ id: '1', title: 'x', status: 'done', deadline: '2024-01-01' }).success,
    ).toBe(true);
  });

  it.each([
    ['2024-02-30', ['deadline']],
    ['2023-02-29', ['deadline']],
    ['2024-2-3', ['deadline']],
    ['', ['deadline']],
  ])('rejects the deadline %j', (deadline, path) => {
    expect(paths(PlanTaskSchema.safeParse({ id: '1', title: 'x', status: 'not-started', deadline }))).toEqual(
      [path],
    );
  });

  it('knows the four statuses', () => {
    expect(PlanTaskStatusSchema.options).toEqual(['done', 'in-progress', 'not-started', 'cancelled']);
  });
});

describe('PlanSchema', () => {
  it('accepts the (constructed) Đắk Song plan', () => {
    const plan = PlanSchema.parse(DAK_SONG_2023_PLAN_CONSTRUCTED);
    expect(plan.year).toBe(2023);
    expect(plan.tasks).toHaveLength(57);
  });

  it('accepts year bounds 2000 and 2100 and an empty task list', () => {
    expect(PlanSchema.safeParse({ year: 2000, tasks: [] }).success).toBe(true);
    expect(PlanSchema.safeParse({ year: 2100, tasks: [] }).success).toBe(true);
    expect(paths(PlanSchema.safeParse({ year: 2101, tasks: [] }))).toEqual([['year']]);
  });

  it('points at each repeated task id', () => {
    const result = PlanSchema.safeParse({
      year: 2024,
      tasks: [
        { id: 'a', title: 'A', status: 'done' },
        { id: 'b', title: 'B', status: 'done' },
        { id: 'a', title: 'C', status: 'done' },
      ],
    });
    expect(paths(result)).toEqual([['tasks', 2, 'id']]);
    expect(PlanTaskListSchema.safeParse([]).success).toBe(true);
  });
});
