// Checks the exact sentences the error layer writes: the message of a bad issue path, how
// CchcError joins and trims its issues, how isCchcError treats subclasses, and how zod's
// default messages are rewritten for each issue code (custom messages pass through).
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { expectCchcError } from '../../test/helpers/cchcError.js';
import { CchcError, type CchcIssue, formatIssuePath, isCchcError } from './CchcError.js';
import { issueFromZod, parseWith } from './fromZod.js';

/** The issues parseWith reports for `input` given as argument `arg` of `schema`. */
function issuesOf(
  schema: z.ZodType,
  input: unknown,
): { path: readonly (string | number)[]; message: string }[] {
  const error = expectCchcError(() => parseWith(z.object({ arg: schema }), { arg: input }), 'INVALID_INPUT', [
    'arg',
  ]);
  return error.issues.map((issue) => ({ path: issue.path, message: issue.message }));
}

/** `count` issues at paths `k0`, `k1`, … with messages `bad 0.`, `bad 1.`, … */
function numberedIssues(count: number): CchcIssue[] {
  return Array.from({ length: count }, (_, i) => ({ path: [`k${i}`], message: `bad ${i}.` }));
}

describe('formatIssuePath: the message for a bad key', () => {
  it('says a key must be a string or a whole number, at the index of the bad key', () => {
    const error = expectCchcError(() => formatIssuePath(['tasks', 1.5]), 'INVALID_INPUT', ['path', 1]);
    expect(error.issues).toEqual([
      { path: ['path', 1], message: 'expected a key (a string) or an index (a whole number).' },
    ]);
    expect(error.message).toBe('path[1]: expected a key (a string) or an index (a whole number).');
  });
});

describe('CchcError: the message', () => {
  it('removes only the final full stop of an issue, not one inside it', () => {
    const error = new CchcError('INVALID_INPUT', [{ path: ['rate'], message: 'expected 1.5 or more.' }]);
    expect(error.message).toBe('rate: expected 1.5 or more.');
  });

  it.each<[number, string]>([
    [5, 'k0: bad 0; k1: bad 1; k2: bad 2; k3: bad 3; k4: bad 4.'],
    [6, 'k0: bad 0; k1: bad 1; k2: bad 2; k3: bad 3; k4: bad 4; … and 1 more.'],
    [7, 'k0: bad 0; k1: bad 1; k2: bad 2; k3: bad 3; k4: bad 4; … and 2 more.'],
  ])('with %i issues reads %j', (count, message) => {
    const error = new CchcError('INVALID_INPUT', numberedIssues(count));
    expect(error.message).toBe(message);
    expect(error.issues).toHaveLength(count);
  });
});

describe('isCchcError: subclasses', () => {
  it('accepts an instance of a subclass that renamed itself', () => {
    class PlanError extends CchcError {
      constructor() {
        super('INVALID_INPUT', [{ path: ['plan'], message: 'expected a plan.' }]);
        this.name = 'PlanError';
      }
    }
    const error = new PlanError();
    expect(error.name).toBe('PlanError');
    expect(isCchcError(error)).toBe(true);
  });
});

describe('parseWith: custom messages that merely contain a zod word', () => {
  it('keeps a custom message that has "Invalid" in the middle, not at the start', () => {
    expect(issuesOf(z.string({ error: 'must be text (Invalid otherwise).' }), 1)).toEqual([
      { path: ['arg'], message: 'must be text (Invalid otherwise).' },
    ]);
  });
});

describe('parseWith: rewritten zod defaults', () => {
  it.each<[string, z.ZodType, unknown, string]>([
    [
      'a number that is not a multiple',
      z.number().multipleOf(5),
      7,
      'expected a multiple of 5, received the number 7.',
    ],
    [
      'text that is not an e-mail address',
      z.email(),
      'abc',
      'expected text in the format email, received the string "abc".',
    ],
    [
      'text that does not match a pattern',
      z.string().regex(/^\d+$/),
      'abc',
      'expected text in the format regex, received the string "abc".',
    ],
    ['a failed z.custom check', z.custom(() => false), 1, 'Invalid input (received the number 1).'],
    [
      'a custom zod-like message with a full stop inside',
      z.string().refine(() => false, { message: 'Invalid date: 31.02 does not exist.' }),
      '31.02',
      'Invalid date: 31.02 does not exist (received the string "31.02").',
    ],
    ['text where a number is expected', z.number(), 'abc', 'expected a number, received the string "abc".'],
    ['null where a number is expected', z.number(), null, 'expected a number, received null.'],
  ])('%s', (_what, schema, input, message) => {
    const issues = issuesOf(schema, input);
    expect(issues[0]?.message).toBe(message);
  });

  it('reports a missing key inside an object as required, at its path', () => {
    const error = expectCchcError(
      () => parseWith(z.object({ arg: z.object({ n: z.number() }) }), { arg: {} }),
      'INVALID_INPUT',
      ['arg', 'n'],
    );
    expect(error.issues).toEqual([{ path: ['arg', 'n'], message: 'is required: expected a number.' }]);
  });

  it('reports nothing received at the root as "received nothing", not "is required"', () => {
    const error = expectCchcError(() => parseWith(z.number(), undefined), 'INVALID_INPUT', []);
    expect(error.issues).toEqual([{ path: [], message: 'expected a number, received nothing.' }]);
  });
});

describe('parseWith: too small and too big', () => {
  it.each<[string, z.ZodType, unknown, string]>([
    [
      'a number below an inclusive minimum',
      z.number().min(1),
      0,
      'expected at least 1, received the number 0.',
    ],
    ['a number at an exclusive minimum', z.number().gt(0), 0, 'expected more than 0, received the number 0.'],
    [
      'an empty list that needs one item',
      z.array(z.number()).min(1),
      [],
      'expected at least 1 item, received an array.',
    ],
    [
      'a list one item short of two',
      z.array(z.number()).min(2),
      [1],
      'expected at least 2 items, received an array.',
    ],
    [
      'text shorter than three characters',
      z.string().min(3),
      'ab',
      'expected at least 3 characters, received the string "ab".',
    ],
    [
      'a number above an inclusive maximum',
      z.number().max(5),
      6,
      'expected at most 5, received the number 6.',
    ],
    ['a number at an exclusive maximum', z.number().lt(5), 5, 'expected less than 5, received the number 5.'],
    [
      'a list one item too long',
      z.array(z.number()).max(2),
      [1, 2, 3],
      'expected at most 2 items, received an array.',
    ],
    [
      'text longer than two characters',
      z.string().max(2),
      'abc',
      'expected at most 2 characters, received the string "abc".',
    ],
  ])('%s', (_what, schema, input, message) => {
    expect(issuesOf(schema, input)).toEqual([{ path: ['arg'], message }]);
  });

  it('always writes "at least" for a list, even for an exclusive minimum', () => {
    // zod's own list checks are always inclusive, so this issue is written by hand.
    const issue = {
      code: 'too_small',
      origin: 'array',
      minimum: 1,
      inclusive: false,
      path: ['items'],
      message: 'Too small: expected array to have >1 items',
      input: [],
    } as unknown as z.core.$ZodIssue;
    expect(issueFromZod(issue, { items: [] })).toEqual({
      path: ['items'],
      message: 'expected at least 1 item, received an array.',
    });
  });
});

describe('parseWith: the received value is read from the raw input', () => {
  it('finds nothing received when the path runs through null', () => {
    const schema = z.preprocess(() => ({ n: 'x' }), z.object({ n: z.number() }));
    const error = expectCchcError(() => parseWith(schema, null), 'INVALID_INPUT', ['n']);
    expect(error.issues).toEqual([{ path: ['n'], message: 'is required: expected a number.' }]);
  });

  it('finds nothing received when the path runs through text, and never reads its characters', () => {
    const schema = z.preprocess((value) => [value], z.array(z.number()));
    const error = expectCchcError(() => parseWith(schema, 'abc'), 'INVALID_INPUT', [0]);
    expect(error.issues).toEqual([{ path: [0], message: 'is required: expected a number.' }]);
  });
});
