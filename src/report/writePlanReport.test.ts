import { describe, expect, it } from 'vitest';
import {
  DAK_SONG_2023_PLAN_CONSTRUCTED,
  DAK_SONG_2023_TASKS_CONSTRUCTED,
} from '../../test/fixtures/plans/dakSong2023.js';
import { expectCchcError } from '../../test/helpers/cchcError.js';
import { deepFreeze } from '../../test/helpers/deepFreeze.js';
import type { PlanTaskInput } from '../plans/PlanTask.js';
import { taskCompletion } from '../plans/taskCompletion.js';
import { writePlanReport } from './writePlanReport.js';

const DAK_SONG_VI =
  'Tổng số nhiệm vụ theo kế hoạch CCHC: 57 nhiệm vụ; đã hoàn thành 41 nhiệm vụ, đạt 71,93%; chưa hoàn thành 16 nhiệm vụ.';
const DAK_SONG_EN = 'Tasks in the administrative-reform plan: 57; done: 41, that is 71.93%; not done: 16.';

const TASKS: PlanTaskInput[] = [
  {
    id: '1',
    title: 'Ban hành kế hoạch CCHC',
    status: 'done',
    deadline: '2024-01-31',
    completedOn: '2024-01-31',
  },
  { id: '2', title: 'Báo cáo CCHC quý I', status: 'done', deadline: '2024-03-15', completedOn: '2024-03-20' },
  { id: '3', title: 'Rà soát TTHC', status: 'in-progress', deadline: '2024-05-31' },
  { id: '4', title: 'Kiểm tra CCHC', status: 'cancelled', deadline: '2024-04-30' },
];

describe('writePlanReport', () => {
  it.each([
    // Đắk Song (Đắk Nông), 6 months 2023: 41 of 57 tasks, 71,93 %.
    ['counts', { done: 41, total: 57 }, undefined, DAK_SONG_VI],
    ['counts as strings', { done: '41', total: '57' }, undefined, DAK_SONG_VI],
    ['the result', taskCompletion({ done: 41, total: 57 }), undefined, DAK_SONG_VI],
    ['counts in English', { done: 41, total: 57 }, { lang: 'en' }, DAK_SONG_EN],
    ['one decimal', { done: 41, total: 57 }, { decimals: 1 }, DAK_SONG_VI.replace('71,93%', '71,9%')],
  ] as const)('Đắk Song 2023 from %s', (_what, input, options, expected) => {
    expect(writePlanReport(input as never, options)).toBe(expected);
  });

  it('names the plan year and writes the timing of a task list (Đắk Song, constructed tasks)', () => {
    expect(writePlanReport(DAK_SONG_2023_PLAN_CONSTRUCTED, { asOf: '2023-06-30' })).toBe(
      'Tổng số nhiệm vụ theo kế hoạch CCHC năm 2023: 57 nhiệm vụ; đã hoàn thành 41 nhiệm vụ, đạt 71,93%; chưa hoàn thành 16 nhiệm vụ. Trong 57 nhiệm vụ có thời hạn: hoàn thành đúng hạn 33 nhiệm vụ (57,89%), hoàn thành trễ hạn 08 nhiệm vụ. Tính đến ngày 30/06/2023, còn 07 nhiệm vụ quá hạn chưa hoàn thành.',
    );
    expect(writePlanReport(DAK_SONG_2023_PLAN_CONSTRUCTED, { asOf: '2023-06-30', lang: 'en' })).toBe(
      'Tasks in the 2023 administrative-reform plan: 57; done: 41, that is 71.93%; not done: 16. Of 57 tasks with a deadline: 33 done on time (57.89%), 8 done late. As of 2023-06-30, 7 tasks are overdue and not done.',
    );
    // The same figures from the list or its result, without the year.
    const fromList = writePlanReport(DAK_SONG_2023_TASKS_CONSTRUCTED, { asOf: '2023-06-30' });
    expect(fromList).toBe(
      writePlanReport(taskCompletion(DAK_SONG_2023_TASKS_CONSTRUCTED, { asOf: '2023-06-30' })),
    );
    expect(fromList).toContain('theo kế hoạch CCHC: 57 nhiệm vụ');
  });

  it('mentions cancelled, undated and overdue tasks', () => {
    expect(writePlanReport(TASKS, { asOf: '2024-06-30' })).toBe(
      'Tổng số nhiệm vụ theo kế hoạch CCHC: 03 nhiệm vụ (không tính 01 nhiệm vụ đã hủy bỏ); đã hoàn thành 02 nhiệm vụ, đạt 66,67%; chưa hoàn thành 01 nhiệm vụ. Trong 03 nhiệm vụ có thời hạn: hoàn thành đúng hạn 01 nhiệm vụ (33,33%), hoàn thành trễ hạn 01 nhiệm vụ. Tính đến ngày 30/06/2024, còn 01 nhiệm vụ quá hạn chưa hoàn thành.',
    );
    const undated = TASKS.map((t) => (t.id === '2' ? { ...t, completedOn: undefined } : t)).map(
      ({ completedOn, ...t }) => (completedOn === undefined ? t : { ...t, completedOn }),
    );
    expect(writePlanReport(undated, { cancelled: 'include', lang: 'en' })).toBe(
      'Tasks in the administrative-reform plan: 4 (including 1 task cancelled, counted as not done); done: 2, that is 50%; not done: 2. Of 4 tasks with a deadline: 1 done on time (25%), none done late, 1 done without a completion date.',
    );
    expect(writePlanReport(TASKS.slice(0, 1), { asOf: '2024-06-30' })).toContain(
      'Tính đến ngày 30/06/2024, không có nhiệm vụ quá hạn chưa hoàn thành.',
    );
  });

  it('says "không phát sinh" / "none arose" for a plan without tasks, never a dash', () => {
    expect(writePlanReport({ done: 0, total: 0 })).toBe(
      'Không phát sinh nhiệm vụ theo kế hoạch CCHC; tỷ lệ hoàn thành: không phát sinh.',
    );
    expect(writePlanReport([], { lang: 'en' })).toBe(
      'No tasks in the administrative-reform plan; completion rate: none arose.',
    );
    expect(writePlanReport(TASKS.slice(3))).toBe(
      'Không phát sinh nhiệm vụ theo kế hoạch CCHC (không tính 01 nhiệm vụ đã hủy bỏ); tỷ lệ hoàn thành: không phát sinh.',
    );
  });

  it('does not mutate its input or options', () => {
    const tasks = deepFreeze(structuredClone(TASKS));
    const options = deepFreeze({ asOf: '2024-06-30', lang: 'vi' as const });
    expect(writePlanReport(tasks, options)).toContain('66,67%');
  });

  it.each([
    ['done > total', { done: 58, total: 57 }, undefined, 'INVALID_INPUT', ['input', 'done']],
    ['a negative count', { done: -1, total: 57 }, undefined, 'INVALID_INPUT', ['input', 'done']],
    ['an unknown key', { done: 1, total: 2, x: 1 }, undefined, 'INVALID_INPUT', ['input']],
    [
      'a bad task status',
      [{ id: '1', title: 'a', status: 'finished' }],
      undefined,
      'INVALID_INPUT',
      ['input', 0, 'status'],
    ],
    ['an incomplete result', { source: 'counts', done: 1 }, undefined, 'INVALID_INPUT', ['input', 'total']],
    [
      'asOf with counts',
      { done: 41, total: 57 },
      { asOf: '2023-06-30' },
      'INVALID_OPTIONS',
      ['options', 'asOf'],
    ],
    [
      'cancelled with a result',
      taskCompletion(TASKS),
      { cancelled: 'include' },
      'INVALID_OPTIONS',
      ['options', 'cancelled'],
    ],
    ['an invalid date', TASKS, { asOf: '2024-02-30' }, 'INVALID_OPTIONS', ['options', 'asOf']],
    ['an unknown language', TASKS, { lang: 'fr' }, 'INVALID_OPTIONS', ['options', 'lang']],
  ] as const)('rejects %s', (_what, input, options, code, path) => {
    const error = expectCchcError(() => writePlanReport(input as never, options as never), code, path);
    expect(error.issues[0]?.path).toEqual(path);
  });
});
