import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CountSchema, DecimalInputSchema, DecimalsSchema, NonNegativeDecimalSchema } from './schemas.js';

/** The messages of a failed parse, with their paths. */
function issues(
  schema: {
    safeParse(input: unknown): {
      success: boolean;
      error?: { issues: readonly { path: PropertyKey[]; message: string }[] };
    };
  },
  input: unknown,
) {
  const result = schema.safeParse(input);
  expect(result.success, `expected ${String(input)} to be rejected`).toBe(false);
  return result.error!.issues.map((issue) => ({ path: issue.path, message: issue.message }));
}

describe('DecimalInputSchema', () => {
  it.each([
    [91.5, 91.5],
    [0, 0],
    [-28.5, -28.5],
    ['91.5', '91.5'],
    [' 91.5 ', '91.5'], // trimmed
    ['-1e-7', '-1e-7'],
    ['1E3', '1E3'],
    ['+5', '+5'],
    ['.5', '.5'],
    ['5.', '5.'],
    ['0.1000000000000000000000001', '0.1000000000000000000000001'], // every digit kept
    [Number.MAX_VALUE, Number.MAX_VALUE],
    [5e-324, 5e-324],
  ])('accepts %j → %j', (input, output) => {
    expect(DecimalInputSchema.parse(input)).toBe(output);
  });

  it.each([
    [Number.NaN, 'expected a finite number or a numeric string such as "91.5", received NaN.'],
    [
      Number.POSITIVE_INFINITY,
      'expected a finite number or a numeric string such as "91.5", received Infinity.',
    ],
    [
      Number.NEGATIVE_INFINITY,
      'expected a finite number or a numeric string such as "91.5", received -Infinity.',
    ],
    [
      '91,5',
      'expected a number or a numeric string in JS notation such as "91.5", received "91,5"; use parseNumber for Vietnamese notation like "91,5".',
    ],
    [
      '8.673.000',
      'expected a number or a numeric string in JS notation such as "91.5", received "8.673.000"; use parseNumber for Vietnamese notation like "91,5".',
    ],
    [
      '',
      'expected a number or a numeric string in JS notation such as "91.5", received ""; use parseNumber for Vietnamese notation like "91,5".',
    ],
    ['1e400', 'expected a number within the range of a double, received "1e400".'],
    [null, 'expected a finite number or a numeric string such as "91.5", received null.'],
    [undefined, 'expected a finite number or a numeric string such as "91.5", received nothing.'],
    [true, 'expected a finite number or a numeric string such as "91.5", received a value of type boolean.'],
    [[1], 'expected a finite number or a numeric string such as "91.5", received an array.'],
  ])('rejects %j', (input, message) => {
    expect(issues(DecimalInputSchema, input)).toEqual([{ path: [], message }]);
  });

  it.each(['0x10', '0b1', 'Infinity', 'NaN', '1_000', '١٢', '.', '-', 'e5', '1e', '1 000'])(
    'rejects the string %j',
    (input) => {
      expect(DecimalInputSchema.safeParse(input).success).toBe(false);
    },
  );

  it('shortens a long rejected string in the message', () => {
    const [issue] = issues(DecimalInputSchema, 'x'.repeat(100));
    expect(issue!.message).toContain(`"${'x'.repeat(40)}…"`);
    expect(issue!.message.length).toBeLessThan(200);
  });

  it('accepts every finite double and its shortest text', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (x) => {
        expect(DecimalInputSchema.parse(x)).toBe(x);
        expect(DecimalInputSchema.parse(String(x))).toBe(String(x));
      }),
    );
  });
});

describe('NonNegativeDecimalSchema', () => {
  it.each([0, -0, '0', '-0', 91.5, '1e-9', 5e-324])('accepts %j', (input) => {
    expect(NonNegativeDecimalSchema.safeParse(input).success).toBe(true);
  });

  it.each([
    [-0.5, 'expected a number ≥ 0, received -0.5.'],
    ['-1e-9', 'expected a number ≥ 0, received -1e-9.'],
    [-5e-324, 'expected a number ≥ 0, received -5e-324.'],
  ])('rejects %j', (input, message) => {
    expect(issues(NonNegativeDecimalSchema, input)).toEqual([{ path: [], message }]);
  });

  it('rejects what DecimalInputSchema rejects, with one issue', () => {
    expect(issues(NonNegativeDecimalSchema, 'abc')).toHaveLength(1);
    expect(issues(NonNegativeDecimalSchema, Number.NaN)).toHaveLength(1);
  });
});

describe('CountSchema', () => {
  it.each([
    [0, 0],
    [-0, 0],
    [8673, 8673],
    ['8673', 8673],
    ['07', 7], // zero-padded counts, as reports write them
    ['05', 5],
    [Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER],
    [String(Number.MAX_SAFE_INTEGER), Number.MAX_SAFE_INTEGER],
  ])('accepts %j → %j', (input, output) => {
    expect(Object.is(CountSchema.parse(input), output)).toBe(true);
  });

  it.each([
    [-1, 'expected a whole number ≥ 0 (a count), received -1.'],
    [2.5, 'expected a whole number ≥ 0 (a count), received 2.5.'],
    ['2.5', 'expected a whole number ≥ 0 (a count), received "2.5".'],
    ['-3', 'expected a whole number ≥ 0 (a count), received "-3".'],
    [
      Number.MAX_SAFE_INTEGER + 1,
      `expected a whole number ≥ 0 (a count), received ${Number.MAX_SAFE_INTEGER + 1}.`,
    ],
    [Number.NaN, 'expected a whole number ≥ 0 (a count), received NaN.'],
    [null, 'expected a whole number ≥ 0 (a count), received null.'],
    ['8.673', 'expected a whole number ≥ 0 (a count), received "8.673".'],
  ])('rejects %j', (input, message) => {
    const found = issues(CountSchema, input);
    expect(found).toHaveLength(1);
    expect(found[0]!.path).toEqual([]);
    if (!Number.isNaN(input)) expect(found[0]!.message).toBe(message);
  });

  it('accepts every safe non-negative integer, as a number and as digits', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }), (n) => {
        expect(CountSchema.parse(n)).toBe(n);
        expect(CountSchema.parse(String(n))).toBe(n);
      }),
    );
  });

  it('rejects every negative or fractional number', () => {
    fc.assert(
      fc.property(
        fc.double({ noNaN: true }).filter((x) => x < 0 || !Number.isInteger(x)),
        (x) => {
          expect(CountSchema.safeParse(x).success).toBe(false);
        },
      ),
    );
  });
});

describe('DecimalsSchema (private)', () => {
  it.each([0, 2, 20])('accepts %i', (n) => {
    expect(DecimalsSchema.parse(n)).toBe(n);
  });

  it.each([
    [-1, 'expected at least 0 decimal places.'],
    [21, 'expected at most 20 decimal places.'],
    [1.5, 'expected a whole number of decimal places.'],
  ])('rejects %j', (input, message) => {
    expect(issues(DecimalsSchema, input)).toEqual([{ path: [], message }]);
  });
});
