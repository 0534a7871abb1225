import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { expectCchcError } from '../../test/helpers/cchcError.js';
import { deepFreeze } from '../../test/helpers/deepFreeze.js';
import { defineRuleSet } from '../rules/defineRuleSet.js';
import { CchcError } from './CchcError.js';
import { choiceSchema, describeValue, issueFromZod, parseWith, safeParse } from './fromZod.js';

/** The issues parseWith reports for `input` given as argument `arg` of `schema`. */
function issuesOf(
  schema: z.ZodType,
  input: unknown,
): { path: readonly (string | number)[]; message: string }[] {
  try {
    parseWith(z.object({ arg: schema }), { arg: input });
  } catch (error) {
    expect(error).toBeInstanceOf(CchcError);
    return (error as CchcError).issues.map((issue) => ({ path: issue.path, message: issue.message }));
  }
  throw new Error('expected parseWith to throw');
}

describe('describeValue', () => {
  it.each([
    [null, 'null'],
    [undefined, 'nothing'],
    [Number.NaN, 'NaN'],
    [Number.POSITIVE_INFINITY, 'Infinity'],
    [Number.NEGATIVE_INFINITY, '-Infinity'],
    [-1, 'the number -1'],
    [91.5, 'the number 91.5'],
    ['abc', 'the string "abc"'],
    ['', 'the string ""'],
    ['a'.repeat(40), `the string "${'a'.repeat(40)}"`],
    ['a'.repeat(41), 'a long string'],
    [[1, 2], 'an array'],
    [{}, 'a value of type object'],
    [true, 'a value of type boolean'],
    [1n, 'a value of type bigint'],
    [() => 1, 'a value of type function'],
  ])('%s → %s', (value, text) => {
    expect(describeValue(value)).toBe(text);
  });
});

describe('choiceSchema', () => {
  const format = choiceSchema(['csv', 'xlsx', 'json']);

  it.each([
    ['xls', 'expected one of "csv", "xlsx", "json", received the string "xls".'],
    ['CSV', 'expected one of "csv", "xlsx", "json", received the string "CSV".'],
    [3, 'expected one of "csv", "xlsx", "json", received the number 3.'],
    [null, 'expected one of "csv", "xlsx", "json", received null.'],
  ])('%j is refused naming every choice in double quotes', (input, message) => {
    expect(issuesOf(format, input)).toEqual([{ path: ['arg'], message }]);
  });

  it("writes its sentence into zod's own issue, for a caller who parses with the schema itself", () => {
    const result = format.safeParse('xls');
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.message)).toEqual([
      'expected one of "csv", "xlsx", "json", received the string "xls".',
    ]);
  });

  it('accepts exactly its values, and quotes a value with a quote in it as JSON does', () => {
    for (const v of ['csv', 'xlsx', 'json']) expect(format.parse(v)).toBe(v);
    expect(choiceSchema(['a"b']).options).toEqual(['a"b']);
    expect(issuesOf(choiceSchema(['a"b']), 'c')[0]?.message).toBe(
      'expected one of "a\\"b", received the string "c".',
    );
  });
});

describe('parseWith', () => {
  const Args = z.object({
    stats: z.strictObject({ received: z.strictObject({ online: z.number().int().min(0) }) }),
  });

  it('returns the parsed output when the input is valid', () => {
    expect(parseWith(Args, { stats: { received: { online: 8535 } } })).toEqual({
      stats: { received: { online: 8535 } },
    });
  });

  it('throws INVALID_INPUT by default, with paths that start at the argument name', () => {
    let caught: unknown;
    try {
      parseWith(Args, { stats: { received: { online: -1 } } });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(CchcError);
    const error = caught as CchcError;
    expect(error.code).toBe('INVALID_INPUT');
    expect(error.issues).toEqual([
      { path: ['stats', 'received', 'online'], message: 'expected at least 0, received the number -1.' },
    ]);
    expect(error.message).toBe('stats.received.online: expected at least 0, received the number -1.');
    expect(error.cause).toBeInstanceOf(z.ZodError);
  });

  it('uses the code and summary it is given', () => {
    let caught: CchcError | undefined;
    try {
      parseWith(Args, { stats: {} }, 'INVALID_OPTIONS', 'The statistics are incomplete.');
    } catch (error) {
      caught = error as CchcError;
    }
    expect(caught?.code).toBe('INVALID_OPTIONS');
    expect(caught?.message).toBe(
      'The statistics are incomplete. stats.received: is required: expected an object.',
    );
  });

  it('lists every problem at once', () => {
    const Two = z.object({ a: z.number(), b: z.string() });
    expect(() => parseWith(Two, { a: 'x', b: 1 })).toThrow(
      'a: expected a number, received the string "x"; b: expected a string, received the number 1.',
    );
  });

  it('does not mutate its input', () => {
    const input = deepFreeze({ stats: { received: { online: 8535 } } });
    expect(parseWith(Args, input)).toEqual(input);
    expect(() => parseWith(Args, deepFreeze({ stats: { received: { online: 'x' } } }))).toThrow(CchcError);
  });
});

describe('issueFromZod rewrites zod messages into our sentences', () => {
  it.each([
    ['a wrong type', z.number(), 'a', [], 'expected a number, received the string "a".'],
    ['a missing key', z.object({ n: z.number() }), {}, ['n'], 'is required: expected a number.'],
    ['a missing argument', z.number(), undefined, [], 'is required: expected a number.'],
    ['null', z.object({}), null, [], 'expected an object, received null.'],
    [
      'a fraction for an integer',
      z.number().int(),
      1.5,
      [],
      'expected a whole number, received the number 1.5.',
    ],
    [
      'a nested wrong type',
      z.object({ d: z.array(z.object({ k: z.boolean() })) }),
      { d: [{ k: 1 }] },
      ['d', 0, 'k'],
      'expected a boolean, received the number 1.',
    ],
    [
      'one unknown key',
      z.strictObject({}),
      { x: 1 },
      [],
      'unknown key "x": remove it or check the spelling.',
    ],
    [
      'unknown keys',
      z.strictObject({}),
      { x: 1, y: 2 },
      [],
      'unknown keys "x", "y": remove them or check the spelling.',
    ],
    [
      'an enum',
      z.enum(['self', 'superior']),
      'survey',
      [],
      'expected one of "self", "superior", received the string "survey".',
    ],
    ['a literal', z.literal('tiers'), 'tier', [], 'expected one of "tiers", received the string "tier".'],
    [
      'a union',
      z.union([z.number(), z.boolean()]),
      'x',
      [],
      'does not match any accepted form (received the string "x").',
    ],
    ['a minimum', z.number().min(0), -1, [], 'expected at least 0, received the number -1.'],
    ['an exclusive minimum', z.number().positive(), 0, [], 'expected more than 0, received the number 0.'],
    ['a maximum', z.number().max(100), 101, [], 'expected at most 100, received the number 101.'],
    ['an exclusive maximum', z.number().lt(5), 5, [], 'expected less than 5, received the number 5.'],
    [
      'a short string',
      z.string().min(2),
      'a',
      [],
      'expected at least 2 characters, received the string "a".',
    ],
    [
      'a long string',
      z.string().max(3),
      'abcd',
      [],
      'expected at most 3 characters, received the string "abcd".',
    ],
    ['a short array', z.array(z.number()).min(2), [1], [], 'expected at least 2 items, received an array.'],
    [
      'a long array',
      z.array(z.number()).max(2),
      [1, 2, 3],
      [],
      'expected at most 2 items, received an array.',
    ],
  ])('%s', (_what, schema, input, path, message) => {
    expect(issuesOf(schema, input)).toEqual([{ path: ['arg', ...path], message }]);
  });

  it('keeps the messages our schemas write', () => {
    const Custom = z.number().refine((n) => n % 2 === 0, { error: 'expected an even number of points.' });
    expect(issuesOf(Custom, 3)).toEqual([{ path: ['arg'], message: 'expected an even number of points.' }]);
    const CustomType = z.number({ error: 'expected the number of days.' });
    expect(issuesOf(CustomType, 'x')).toEqual([{ path: ['arg'], message: 'expected the number of days.' }]);
  });

  it('never leaves a zod default ("Invalid …", "Too …", "Expected …") at the start of a message', () => {
    const schemas: [z.ZodType, unknown][] = [
      [z.number(), 'x'],
      [z.strictObject({}), { a: 1 }],
      [z.enum(['a']), 'b'],
      [z.union([z.string(), z.number()]), null],
      [z.string().min(3), ''],
      [z.number().max(1), 2],
      [z.tuple([z.number()]), [1, 2]],
    ];
    for (const [schema, input] of schemas) {
      for (const issue of issuesOf(schema, input))
        expect(issue.message).not.toMatch(/^(Invalid|Too (big|small)|Unrecognized|Expected)/);
    }
  });

  // A known defect, reported: issue codes without a case of their own (not_multiple_of,
  // invalid_format) keep zod's capitalised default ("Invalid number: must be a multiple of 5
  // (received the number 7)."). When fixed, this test fails: turn `it.fails` into `it`.
  it('rewrites multipleOf and format issues too', () => {
    for (const [schema, input] of [
      [z.number().multipleOf(0.25), 0.3],
      [z.email(), 'x'],
    ] as const) {
      for (const issue of issuesOf(schema, input))
        expect(issue.message).not.toMatch(/^(Invalid|Too (big|small)|Unrecognized|Expected)/);
    }
  });

  it('drops symbol keys from paths', () => {
    const symbol = Symbol('s');
    const issue = issueFromZod(
      { code: 'custom', path: ['a', symbol, 0], message: 'expected x.', input: 1 },
      { a: [] },
    );
    expect(issue).toEqual({ path: ['a', 0], message: 'expected x.' });
  });

  it('finds the received value by following the path through the input', () => {
    const issue = issueFromZod(
      { code: 'invalid_type', expected: 'number', path: ['a', 'b'], message: 'Invalid input', input: 'q' },
      { a: { b: 'q' } },
    );
    expect(issue.message).toBe('expected a number, received the string "q".');
    const through = issueFromZod(
      {
        code: 'invalid_type',
        expected: 'number',
        path: ['a', 'b', 'c'],
        message: 'Invalid input',
        input: undefined,
      },
      { a: 5 },
    );
    expect(through.message).toBe('is required: expected a number.');
  });
});

describe('safeParse and parseWith never throw from inside zod', () => {
  // zod 4.6.7 runs length checks on any value with a `length` property after the type check has
  // failed; a `length` that cannot become a number made safeParse itself throw (found by fuzzing).
  const hostile = { length: Object.create(null) };

  it('turns such a throw into a failed result with one issue at the root', () => {
    const result = safeParse(z.string().min(1), hostile);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.path)).toEqual([[]]);
    expect(result.error?.issues[0]?.message).toMatch(/^expected plain data/);
  });

  it('passes ordinary results through unchanged', () => {
    expect(safeParse(z.string().min(1), 'a')).toEqual({ success: true, data: 'a' });
    expect(safeParse(z.string().min(1), '').success).toBe(false);
  });

  it('gives a CchcError from the public functions, e.g. defineRuleSet with such a node id', () => {
    const ruleSet = {
      id: 'x',
      version: '1',
      legalBasis: 'i',
      level: 'xa',
      total: 1,
      children: [{ id: hostile, max: 1, assessor: 'self', rule: { kind: 'yes-no' } }],
    };
    expectCchcError(() => defineRuleSet(ruleSet), 'INVALID_RULE_SET', []);
  });
});
