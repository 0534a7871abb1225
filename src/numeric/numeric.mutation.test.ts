/**
 * Tests written for mutants that survived Stryker (docs/mutation.md): each pins a behaviour the
 * other tests of `src/numeric` left open.
 */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { expectCchcError } from '../../test/helpers/cchcError.js';
import { checkTarget } from './checkTarget.js';
import { Dec, toNum } from './decimal.js';
import { ratio } from './ratio.js';
import { CountSchema, DecimalInputSchema, NonNegativeDecimalSchema } from './schemas.js';

describe('checkTarget: the target shown in the result has only the bounds given', () => {
  it.each([
    // Đắk Song 2023: on-time-or-early ≥ 95 %, Lộc Bình 8.673 of 8.673
    ['min only', 1, { min: 0.95 }, { min: 0.95, minInclusive: true, maxInclusive: true }],
    // Vĩnh Phúc 8/2021: overdue 3,45 % against late ≤ 2 %
    ['max only', 0.0345, { max: 0.02 }, { max: 0.02, minInclusive: true, maxInclusive: true }],
    [
      'both',
      0.975,
      { min: 0.95, max: 1, maxInclusive: false },
      { min: 0.95, max: 1, minInclusive: true, maxInclusive: false },
    ],
  ] as const)('%s', (_label, value, target, shown) => {
    const result = checkTarget(value, target);
    // toStrictEqual: a key holding `undefined` is a difference (JSON drops it, `in` sees it).
    expect(result.target).toStrictEqual(shown);
    expect(Object.keys(result.target)).toEqual(Object.keys(shown));
    expect(JSON.parse(JSON.stringify(result))).toStrictEqual(result);
  });

  it('a null value shows the same target', () => {
    expect(checkTarget(null, { max: 0.02 }).target).toStrictEqual({
      max: 0.02,
      minInclusive: true,
      maxInclusive: true,
    });
  });
});

describe('a result beyond the range of a double', () => {
  it('toNum throws one issue at the root that names the value', () => {
    let thrown: unknown;
    try {
      toNum(new Dec('1e400'));
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toMatchObject({
      code: 'INVALID_INPUT',
      issues: [
        {
          path: [],
          message:
            'the result 1e+400 is beyond the range of a JS number (±1.8e308); check the magnitudes of the inputs.',
        },
      ],
    });
  });

  it('ratio reports it with the same sentence', () => {
    const error = expectCchcError(() => ratio(1e308, 1e-308), 'INVALID_INPUT', []);
    expect(error.issues).toEqual([
      {
        path: [],
        message:
          'the result 1e+616 is beyond the range of a JS number (±1.8e308); check the magnitudes of the inputs.',
      },
    ]);
  });
});

describe('DecimalInputSchema: JS notation', () => {
  it.each([
    // Hương Thủy Q1 2024: 97,5 % and 98,8 % as ratios written without the leading 0
    ['.975', '.975'],
    ['.988', '.988'],
    ['-.0145', '-.0145'],
    ['.25e2', '.25e2'],
  ])('accepts %j (several digits after a bare decimal point)', (input, output) => {
    expect(DecimalInputSchema.parse(input)).toBe(output);
  });

  it.each([
    // exactly 40 characters: quoted whole; 41: cut to 40 and an ellipsis
    ['x'.repeat(40), `"${'x'.repeat(40)}"`],
    ['x'.repeat(41), `"${'x'.repeat(40)}…"`],
  ])('quotes a rejected string of %#: 40 characters whole, longer ones cut', (input, quoted) => {
    const result = DecimalInputSchema.safeParse(input);
    expect(result.error?.issues.map((issue) => issue.message)).toEqual([
      `expected a number or a numeric string in JS notation such as "91.5", received ${quoted}; use parseNumber for Vietnamese notation like "91,5".`,
    ]);
  });
});

describe('the public schemas give well-formed zod issues to a caller composing them', () => {
  it.each([
    ['DecimalInputSchema', DecimalInputSchema, '91,5'],
    ['DecimalInputSchema', DecimalInputSchema, '1e400'],
    ['CountSchema', CountSchema, 2.5],
    ['CountSchema', CountSchema, '-3'],
  ] as const)('%s rejects %j with a "custom" issue', (_name, schema, input) => {
    const result = schema.safeParse(input);
    expect(result.error?.issues.map((issue) => issue.code)).toEqual(['custom']);
  });

  it('a negative NonNegativeDecimalSchema value stops the refinements of the enclosing object', () => {
    // A caller's own schema for the times of one procedure review (before ≥ after): a negative
    // "before" is the one problem, not also "after is longer than before".
    const Review = z
      .object({ before: NonNegativeDecimalSchema, after: NonNegativeDecimalSchema })
      .refine((r) => Number(r.after) <= Number(r.before), { error: 'after is longer than before.' });
    expect(Review.safeParse({ before: 20, after: 5 }).success).toBe(true);
    expect(Review.safeParse({ before: 3, after: 5 }).error?.issues.map((i) => i.message)).toEqual([
      'after is longer than before.',
    ]);
    expect(Review.safeParse({ before: -20, after: 5 }).error?.issues.map((i) => i.message)).toEqual([
      'expected a number ≥ 0, received -20.',
    ]);
  });
});
