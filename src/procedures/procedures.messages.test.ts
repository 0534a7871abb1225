// Checks the exact sentences timeReduction writes for a bad level, unit, method or input, the
// zod issue codes its schema reports, and that a per-procedure result only has the code, name
// and level keys the input gave.
import { describe, expect, it } from 'vitest';
import { expectCchcError } from '../../test/helpers/cchcError.js';
import { TimeReductionInputSchema, timeReduction } from './timeReduction.js';

const MIXED_UNITS_MESSAGE =
  "expected the same unit as the first procedure ('working-days'), received 'days': times in different units are never converted, so give them all in one unit (a missing unit means 'working-days').";

describe('timeReduction: messages for bad input', () => {
  it.each<[string, unknown, (string | number)[], string]>([
    [
      'an unknown level',
      { before: 20, after: 5, level: 'district' },
      ['input', 'level'],
      "expected a procedure level 'bo', 'tinh', 'huyen' or 'xa' (cấp bộ, tỉnh, huyện, xã), received the string \"district\".",
    ],
    [
      'an unknown unit',
      { before: 20, after: 5, unit: 'weeks' },
      ['input', 'unit'],
      "expected a time unit 'working-days', 'days', 'hours' or 'months', received the string \"weeks\".",
    ],
    [
      'a list mixing units',
      [
        { before: 3, after: 2 },
        { before: 20, after: 5, unit: 'days' },
      ],
      ['input', 1, 'unit'],
      MIXED_UNITS_MESSAGE,
    ],
    ['null', null, ['input'], 'expected a procedure { before, after } or a list of them, received null.'],
    [
      'a number',
      42,
      ['input'],
      'expected a procedure { before, after } or a list of them, received the number 42.',
    ],
  ])('%s', (_what, input, path, message) => {
    const error = expectCchcError(() => timeReduction(input as never), 'INVALID_INPUT', path);
    expect(error.issues).toEqual([{ path, message }]);
  });

  it('an unknown method', () => {
    const error = expectCchcError(
      () => timeReduction({ before: 20, after: 5 }, { method: 'median' } as never),
      'INVALID_OPTIONS',
      ['options', 'method'],
    );
    expect(error.issues).toEqual([
      {
        path: ['options', 'method'],
        message: "expected the method 'pooled' or 'mean', received the string \"median\".",
      },
    ]);
  });
});

describe('TimeReductionInputSchema: issue codes', () => {
  it('reports a list mixing units as a custom issue at the offending unit', () => {
    const result = TimeReductionInputSchema.safeParse([
      { before: 3, after: 2 },
      { before: 20, after: 5, unit: 'days' },
    ]);
    expect(result.success).toBe(false);
    expect(result.error?.issues).toEqual([
      { code: 'custom', path: [1, 'unit'], message: MIXED_UNITS_MESSAGE },
    ]);
  });

  it('reports a value that is neither a procedure nor a list as a custom issue at the root', () => {
    const result = TimeReductionInputSchema.safeParse(42);
    expect(result.success).toBe(false);
    expect(result.error?.issues).toEqual([
      {
        code: 'custom',
        path: [],
        message: 'expected a procedure { before, after } or a list of them, received the number 42.',
      },
    ]);
  });

  it('keeps the custom code in the cause of the CchcError thrown by timeReduction', () => {
    const error = expectCchcError(
      () =>
        timeReduction([
          { before: 3, after: 2 },
          { before: 20, after: 5, unit: 'days' },
        ]),
      'INVALID_INPUT',
      ['input', 1, 'unit'],
    );
    expect((error.cause as { issues: { code: string }[] }).issues.map((issue) => issue.code)).toEqual([
      'custom',
    ]);
  });
});

describe('timeReduction: code, name and level in the items', () => {
  it('leaves the keys out of an item when the input has none', () => {
    const item = timeReduction({ before: 20, after: 5 }).items[0]!;
    expect('code' in item).toBe(false);
    expect('name' in item).toBe(false);
    expect('level' in item).toBe(false);
    expect(item).toStrictEqual({ index: 0, before: 20, after: 5, reduced: 15, rate: 0.75 });
  });

  it('carries the keys through when the input gives them', () => {
    const items = timeReduction([
      { code: '1.001612', name: 'Cấp giấy phép xây dựng', level: 'tinh', before: 20, after: 5 },
      { before: 3, after: 2 },
    ]).items;
    expect(items).toStrictEqual([
      {
        index: 0,
        code: '1.001612',
        name: 'Cấp giấy phép xây dựng',
        level: 'tinh',
        before: 20,
        after: 5,
        reduced: 15,
        rate: 0.75,
      },
      { index: 1, before: 3, after: 2, reduced: 1, rate: 1 / 3 },
    ]);
  });
});
