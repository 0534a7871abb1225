import { runInNewContext } from 'node:vm';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { deepFreeze, isDeepFrozen } from '../../test/helpers/deepFreeze.js';
import { ratio } from '../numeric/ratio.js';
import { CchcError, type CchcIssue, formatIssuePath, isCchcError, issueLine } from './CchcError.js';
import { ERROR_CODES } from './codes.js';

describe('formatIssuePath', () => {
  it.each([
    [[], '(root)'],
    [['before'], 'before'],
    [['received', 'online'], 'received.online'],
    [['tasks', 3, 'status'], 'tasks[3].status'],
    [['stats', 'received', 'online'], 'stats.received.online'],
    [[0], '[0]'],
    [[0, 'before'], '[0].before'],
    [['values', 1], 'values[1]'],
    [['matrix', 0, 1], 'matrix[0][1]'],
    [['children', 2, 'children', 0, 'rule', 'tiers', 1, 'min'], 'children[2].children[0].rule.tiers[1].min'],
  ])('%j → %s', (path, text) => {
    expect(formatIssuePath(path)).toBe(text);
  });

  it('writes every index in brackets and every key after a dot', () => {
    const key = fc.oneof(fc.nat({ max: 999 }), fc.stringMatching(/^[a-z][a-zA-Z0-9]{0,8}$/));
    fc.assert(
      fc.property(fc.array(key, { minLength: 1, maxLength: 8 }), (path) => {
        const text = formatIssuePath(path);
        expect(text.match(/\[\d+\]/g) ?? []).toHaveLength(path.filter((k) => typeof k === 'number').length);
        expect(text.startsWith('.')).toBe(false);
        expect(formatIssuePath(deepFreeze([...path]))).toBe(text);
      }),
    );
  });
});

describe('issueLine', () => {
  it.each([
    [
      { path: ['before'], message: 'expected a number ≥ 0, received -1.' },
      'before: expected a number ≥ 0, received -1.',
    ],
    [{ path: [], message: 'expected an object.' }, '(root): expected an object.'],
    [{ path: ['tasks', 3, 'status'], message: 'expected one of …' }, 'tasks[3].status: expected one of …'],
    // A file reader's sentence names its file (and row) itself: shown once.
    [
      { path: ['x.xlsx'], message: 'x.xlsx: cannot read it (no such file).' },
      'x.xlsx: cannot read it (no such file).',
    ],
    [{ path: ['a.csv', 4], message: 'a.csv, row 4: expected a date.' }, 'a.csv, row 4: expected a date.'],
    // Only a whole key followed by ": " or ", " counts; a word that merely starts the same does not.
    [{ path: ['unit'], message: 'units must be listed.' }, 'unit: units must be listed.'],
    [{ path: ['unit'], message: 'unit is missing.' }, 'unit: unit is missing.'],
    [{ path: ['a.csv'], message: 'a.csv:no space.' }, 'a.csv: a.csv:no space.'],
    [{ path: [''], message: ': odd.' }, '(root): : odd.'],
    [{ path: [0], message: '0: first.' }, '[0]: 0: first.'],
  ] as [CchcIssue, string][])('%j → %s', (issue, line) => {
    expect(issueLine(issue)).toBe(line);
  });

  it('names a file once in the message of the error', () => {
    const error = new CchcError('INVALID_INPUT', [
      { path: ['x.xlsx'], message: 'x.xlsx: cannot read it as an XLSX workbook (it is not a zip archive).' },
      { path: ['rows', 2], message: 'expected a row.' },
    ]);
    expect(error.message).toBe(
      'x.xlsx: cannot read it as an XLSX workbook (it is not a zip archive); rows[2]: expected a row.',
    );
  });
});

describe('CchcError', () => {
  const issues: CchcIssue[] = [
    { path: ['before'], message: 'expected a number ≥ 0, received -1.' },
    { path: ['items', 2, 'after'], message: 'is required: expected a number.' },
  ];

  it('carries a code, the issues and the cause, and is an Error', () => {
    const cause = new Error('zod said so');
    const error = new CchcError('INVALID_INPUT', issues, { cause });
    expect(error).toBeInstanceOf(Error);
    expect(error).toBeInstanceOf(CchcError);
    expect(error.name).toBe('CchcError');
    expect(error.code).toBe('INVALID_INPUT');
    expect(error.issues).toEqual(issues);
    expect(error.cause).toBe(cause);
    expect(error.message).toBe(
      'before: expected a number ≥ 0, received -1; items[2].after: is required: expected a number.',
    );
    expect(String(error)).toBe(`CchcError: ${error.message}`);
    expect(error.stack).toContain('CchcError');
  });

  it('has no cause property when none is given', () => {
    expect('cause' in new CchcError('INVALID_INPUT', issues)).toBe(false);
  });

  it('puts the summary first', () => {
    const error = new CchcError('INVALID_RULE_SET', issues.slice(0, 1), {
      summary: 'The rule set has 1 problem.',
    });
    expect(error.message).toBe('The rule set has 1 problem. before: expected a number ≥ 0, received -1.');
  });

  it('shows the first five issues in the message and counts the rest, but keeps them all', () => {
    const many = Array.from({ length: 7 }, (_, i) => ({ path: ['tasks', i], message: `problem ${i}.` }));
    const error = new CchcError('INVALID_INPUT', many);
    expect(error.message).toBe(
      'tasks[0]: problem 0; tasks[1]: problem 1; tasks[2]: problem 2; tasks[3]: problem 3; tasks[4]: problem 4; … and 2 more.',
    );
    expect(error.issues).toHaveLength(7);
  });

  it('never has an empty issue list: without issues, the summary (or the code) becomes one at the root', () => {
    expect(
      new CchcError('INCOMPATIBLE_RESULTS', [], { summary: 'Different rule-set versions.' }).issues,
    ).toEqual([{ path: [], message: 'Different rule-set versions.' }]);
    const bare = new CchcError('INVALID_CALENDAR', []);
    expect(bare.issues).toEqual([{ path: [], message: 'INVALID_CALENDAR' }]);
    expect(bare.message).toBe('(root): INVALID_CALENDAR.');
  });

  it('copies and freezes its issues: later changes to the input do not reach it', () => {
    const input = [{ path: ['a', 0] as (string | number)[], message: 'm.' }];
    const error = new CchcError('INVALID_INPUT', input);
    input[0]!.path.push('b');
    input[0]!.message = 'changed';
    input.push({ path: [], message: 'more' });
    expect(error.issues).toEqual([{ path: ['a', 0], message: 'm.' }]);
    expect(isDeepFrozen(error.issues)).toBe(true);
    expect(() => (error.issues as CchcIssue[]).push({ path: [], message: 'x' })).toThrow(TypeError);
  });

  it('accepts frozen issues (it does not mutate them)', () => {
    const frozen = deepFreeze(issues.map((issue) => ({ ...issue, path: [...issue.path] })));
    expect(new CchcError('INVALID_INPUT', frozen).issues).toEqual(issues);
  });

  it('is what the library throws, with a JSON-safe issue list', () => {
    let caught: unknown;
    try {
      ratio('abc', 2);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(CchcError);
    const error = caught as CchcError;
    expect(JSON.parse(JSON.stringify(error.issues))).toEqual(error.issues);
  });
});

describe('isCchcError', () => {
  it('recognises a CchcError', () => {
    expect(isCchcError(new CchcError('INVALID_INPUT', []))).toBe(true);
  });

  it('recognises a CchcError from a duplicate package copy by name and shape', () => {
    class Copy extends Error {
      code = 'INVALID_INPUT';
      issues = [];
      override name = 'CchcError';
    }
    expect(new Copy('x') instanceof CchcError).toBe(false);
    expect(isCchcError(new Copy('x'))).toBe(true);
  });

  // A known defect, reported: the TSDoc promises "also across realms", but the check starts with
  // `value instanceof Error`, which is false for an Error of another realm (vm, iframe, worker
  // copy). When fixed (e.g. Object.prototype.toString.call(value) === '[object Error]'), this test
  // fails: turn `it.fails` into `it`.
  it('recognises a CchcError from another realm', () => {
    const foreign = runInNewContext(
      "const e = new Error('x'); e.name = 'CchcError'; e.code = 'INVALID_INPUT'; e.issues = []; e",
    ) as unknown;
    expect(isCchcError(foreign)).toBe(true);
  });

  it.each([
    ['null', null],
    ['undefined', undefined],
    ['a string', 'CchcError'],
    ['a plain Error', new Error('x')],
    ['a TypeError', new TypeError('x')],
    ['a look-alike object that is not an Error', { name: 'CchcError', code: 'INVALID_INPUT', issues: [] }],
    [
      'an Error named CchcError without a code',
      Object.assign(new Error('x'), { name: 'CchcError', issues: [] }),
    ],
    [
      'an Error named CchcError without issues',
      Object.assign(new Error('x'), { name: 'CchcError', code: 'INVALID_INPUT' }),
    ],
    [
      'an Error with code and issues but another name',
      Object.assign(new Error('x'), { code: 'INVALID_INPUT', issues: [] }),
    ],
  ])('rejects %s', (_what, value) => {
    expect(isCchcError(value)).toBe(false);
  });
});

describe('ERROR_CODES', () => {
  it('are unique SCREAMING_SNAKE_CASE codes, including the ones the library throws', () => {
    expect(new Set(ERROR_CODES).size).toBe(ERROR_CODES.length);
    for (const code of ERROR_CODES) expect(code).toMatch(/^[A-Z]+(_[A-Z]+)*$/);
    expect(ERROR_CODES).toEqual(
      expect.arrayContaining(['INVALID_INPUT', 'INVALID_OPTIONS', 'INVALID_RULE_SET']),
    );
  });
});
