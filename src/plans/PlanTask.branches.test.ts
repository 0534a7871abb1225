import { describe, expect, it } from 'vitest';
import { expectCchcError } from '../../test/helpers/cchcError.js';
import { taskCompletion } from './taskCompletion.js';

const task = (extra: Record<string, unknown> = {}) => ({
  id: '1',
  title: 'Rà soát TTHC',
  status: 'done',
  ...extra,
});

describe('plan texts: type messages', () => {
  it.each<[string, unknown, (string | number)[], string]>([
    [
      'a task title given as a number',
      [task({ title: 57 })],
      ['input', 0, 'title'],
      'expected a task title as text, received the number 57.',
    ],
    [
      'a task id given as null',
      [task({ id: null })],
      ['input', 0, 'id'],
      'expected a task id as text, received null.',
    ],
    [
      'a missing task id',
      [{ title: 'T', status: 'done' }],
      ['input', 0, 'id'],
      'is required: expected a task id as text.',
    ],
    [
      'an empty owner',
      [task({ owner: '' })],
      ['input', 0, 'owner'],
      'expected an owner (đơn vị chủ trì) as non-empty text.',
    ],
    [
      'a plan unit given as a number',
      { year: 2023, unit: 1, tasks: [task()] },
      ['input', 'unit'],
      'expected a unit name as text, received the number 1.',
    ],
  ])('%s', (_what, input, path, message) => {
    const error = expectCchcError(() => taskCompletion(input as never), 'INVALID_INPUT', path);
    expect(error.issues.find((i) => i.path.join() === path.join())?.message).toBe(message);
  });
});
