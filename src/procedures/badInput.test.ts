import { describe, expect, it } from 'vitest';
import { CchcError } from '../errors/CchcError.js';
import { timeReduction } from './timeReduction.js';

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

describe('timeReduction: the first issue points at the bad value', () => {
  it.each([
    ['negative', { before: -1, after: 0 }, ['input', 'before']],
    ['NaN', { before: 1, after: Number.NaN }, ['input', 'after']],
    ["'abc'", { before: 'abc', after: 1 }, ['input', 'before']],
    ['unknown key', { before: 1, after: 1, befor: 2 }, ['input']],
    [
      'negative in a list',
      [
        { before: 1, after: 1 },
        { before: 2, after: -1 },
      ],
      ['input', 1, 'after'],
    ],
    [
      'mixed units',
      [
        { before: 3, after: 2 },
        { before: 20, after: 5, unit: 'days' },
      ],
      ['input', 1, 'unit'],
    ],
  ])('%s', (_what, input, path) => {
    expect(firstIssue(() => timeReduction(input as never))).toEqual({ code: 'INVALID_INPUT', path });
  });
});
