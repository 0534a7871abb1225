import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { expectCchcError } from '../../test/helpers/cchcError.js';
import { formatIssuePath } from './CchcError.js';
import { parseWith } from './fromZod.js';

/** The first issue parseWith reports for `input` given as argument `arg` of `schema`. */
function firstIssue(
  schema: z.ZodType,
  input: unknown,
): { path: readonly (string | number)[]; message: string } {
  const error = expectCchcError(() => parseWith(z.object({ arg: schema }), { arg: input }), 'INVALID_INPUT', [
    'arg',
  ]);
  return { path: error.issues[0]!.path, message: error.issues[0]!.message };
}

describe('formatIssuePath: bad paths', () => {
  it.each([['tasks'], [null], [{ 0: 'tasks' }]])('refuses %j, which is not an array, at path', (path) => {
    const error = expectCchcError(() => formatIssuePath(path as never), 'INVALID_INPUT', ['path']);
    expect(error.issues[0]?.message).toBe('expected an array of keys (strings) and indexes (numbers).');
  });

  it.each<[unknown[], number]>([
    [['tasks', 1.5], 1],
    [['tasks', 3, null], 2],
    [[Number.NaN], 0],
    [['a', 'b', Number.MAX_SAFE_INTEGER + 1], 2],
  ])('refuses %j at the index of the first bad key', (path, bad) => {
    expectCchcError(() => formatIssuePath(path as never), 'INVALID_INPUT', ['path', bad]);
  });

  it.each<[(string | number)[], string]>([
    [[''], '(root)'],
    [['', ''], '(root)'],
    [['', 'online'], 'online'],
    [['', 0], '[0]'],
    [[Number.MAX_SAFE_INTEGER], `[${Number.MAX_SAFE_INTEGER}]`],
    [[-1], '[-1]'],
  ])('writes %j as %s', (path, text) => {
    expect(formatIssuePath(path)).toBe(text);
  });
});

describe('issueFromZod: the remaining zod issue kinds', () => {
  it.each<[z.ZodType, unknown, string]>([
    [z.array(z.number()).min(2), [1], 'expected at least 2 items, received an array.'],
    [z.array(z.number()).min(1), [], 'expected at least 1 item, received an array.'],
    [z.custom(() => false), 5, 'Invalid input (received the number 5).'],
    [z.custom(() => false), 'x', 'Invalid input (received the string "x").'],
  ])('%#: rewrites or completes the generic message', (schema, input, message) => {
    expect(firstIssue(schema, input)).toEqual({ path: ['arg'], message });
  });

  it('completes a message of an unlisted kind (an invalid record key) with what was received', () => {
    const error = expectCchcError(
      () => parseWith(z.object({ arg: z.record(z.string().regex(/^x/), z.number()) }), { arg: { yz: 1 } }),
      'INVALID_INPUT',
      ['arg', 'yz'],
    );
    expect(error.issues[0]?.message).toBe('Invalid key in record (received the number 1).');
  });

  it('keeps the detail zod gives for a union that matched more than once', () => {
    const schema = z.xor([z.string(), z.string().min(1)]);
    expect(firstIssue(schema, 'a')).toEqual({
      path: ['arg'],
      message: 'Invalid input: more than one option matched',
    });
    expect(firstIssue(schema, 5).message).toBe('does not match any accepted form (received the number 5).');
  });
});
