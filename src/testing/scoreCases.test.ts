import { describe, expect, it } from 'vitest';
import example from '../../test/fixtures/rules/example-district.json' with { type: 'json' };
import { expectCchcError } from '../../test/helpers/cchcError.js';
import { CchcAssertionError } from './CchcAssertionError.js';
import { scoreCases } from './scoreCases.js';

const ruleSet = {
  id: 'xa-2025',
  version: '1',
  legalBasis: 'illustrative',
  level: 'xa',
  total: 3,
  children: [
    { id: '1', name: 'Báo cáo', max: 1, assessor: 'self', rule: { kind: 'yes-no' } },
    { id: '2', name: 'Kiểm tra', max: 2, assessor: 'self', rule: { kind: 'manual', step: 0.25 } },
  ],
};
const unit = (id: string, report: boolean, checks: number) => ({
  unit: { id },
  period: '2025',
  entries: { '1': { self: { value: report } }, '2': { self: { value: checks } } },
});

const table = [
  { name: 'xã A: đủ báo cáo', assessment: unit('a', true, 2), expected: { total: 3, percent: 100 } },
  { assessment: unit('b', false, 1.25), expected: { total: 1.25, points: { '1': 0, '2': 1.25 } } },
  { assessment: unit('c', true, 0.5), expected: { total: '1.5' } },
];

describe('scoreCases under vitest it.each', () => {
  it.each(scoreCases(ruleSet, table))('$name', (c) => {
    expect(c.assert().total.status).toBe('scored');
  });
});

describe('scoreCases', () => {
  it('names cases: given name, else "<unit id> <period>", and makes repeated names unique', () => {
    const cases = scoreCases(ruleSet, [...table, table[1]!, table[1]!]);
    expect(cases.map((c) => c.name)).toEqual([
      'xã A: đủ báo cáo',
      'b 2025',
      'c 2025',
      'b 2025 (2)',
      'b 2025 (3)',
    ]);
  });

  it('takes an object of cases by name (a JSON file of golden cases)', () => {
    const cases = scoreCases(example, {
      'huyện trống': {
        assessment: { unit: { id: 'h' }, period: '2025' },
        expected: { total: 0, band: 'Yếu' },
      },
    });
    expect(cases.map((c) => c.name)).toEqual(['huyện trống']);
    expect(cases[0]!.assert().total.status).toBe('pending');
  });

  it('a failing case throws a CchcAssertionError whose message starts with the case name', () => {
    const [c] = scoreCases(ruleSet, [
      { name: 'xã D', assessment: unit('d', true, 1), expected: { total: 3 } },
    ]);
    let error: unknown;
    try {
      c!.assert();
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(CchcAssertionError);
    const lines = (error as Error).message.split('\n');
    expect(lines[0]).toMatch(/^case "xã D": 1 of 1 expected score differs \(unit "d"/);
    expect(lines[4]?.trim().split(/ {2,}/)).toEqual(['(total)', '3', '2', '-1', 'status: scored']);
  });

  it('scores lazily: a bad assessment fails its own case only, when it runs', () => {
    const cases = scoreCases(ruleSet, [
      {
        assessment: { unit: { id: 'x' }, period: '2025', entries: { '9': { self: { value: 1 } } } },
        expected: { total: 0 },
      },
      table[0]!,
    ]);
    expect(cases).toHaveLength(2);
    expectCchcError(() => cases[0]!.assert(), 'INVALID_ASSESSMENT', ['entries', '9']);
    expect(cases[1]!.assert().total.points).toBe(3);
  });

  it('per-case tolerance overrides the table tolerance', () => {
    const cases = scoreCases(
      ruleSet,
      [
        { name: 'table', assessment: unit('a', true, 2), expected: { total: 2.9 } },
        { name: 'own', assessment: unit('a', true, 2), expected: { total: 2.9 }, tolerance: 0 },
      ],
      { tolerance: 0.1 },
    );
    expect(cases[0]!.assert().total.points).toBe(3);
    expect(() => cases[1]!.assert()).toThrow(CchcAssertionError);
  });

  it('an invalid rule set fails at once, listing its problems', () => {
    expect(() => scoreCases({ ...ruleSet, total: 4 }, table)).toThrow(
      /^rule set "xa-2025" version "1" is not valid: 1 problem\n {2}total: /,
    );
  });

  it('a malformed table fails at once, every problem with its path', () => {
    const error = expectCchcError(
      () =>
        scoreCases(ruleSet, [
          table[0]!,
          { assessment: unit('b', true, 1), expected: { totl: 1 } } as never,
          { expected: { total: 1 }, extra: true } as never,
          42 as never,
          { assessment: unit('e', true, 1), expected: { total: 1 }, tolerance: -1 },
        ]),
      'INVALID_INPUT',
      ['cases', 1, 'expected', 'totl'],
    );
    expect(error.issues.map((issue) => issue.path)).toEqual([
      ['cases', 1, 'expected', 'totl'],
      ['cases', 2, 'extra'],
      ['cases', 2, 'assessment'],
      ['cases', 3],
      ['cases', 4, 'tolerance'],
    ]);
    expectCchcError(() => scoreCases(ruleSet, []), 'INVALID_INPUT', ['cases']);
    // A hole of a sparse table is a missing case, not an empty table that passes.
    // biome-ignore lint/suspicious/noSparseArray: the input under test
    const sparse = expectCchcError(() => scoreCases(ruleSet, [,] as never), 'INVALID_INPUT', ['cases', 0]);
    expect(sparse.issues[0]!.message).toBe(
      'expected a case: { name?, assessment, expected, tolerance?, cohort? }.',
    );
    expectCchcError(() => scoreCases(ruleSet, 'cases' as never), 'INVALID_INPUT', ['cases']);
    // An empty name, given or as the key of an object table: a test runner would show nothing.
    const c = table[0]!;
    for (const [cases, where] of [
      [[{ ...c, name: '' }], ['cases', 0, 'name']],
      [{ '': c }, ['cases', '']],
    ] as const) {
      const empty = expectCchcError(
        () => scoreCases(ruleSet, cases as never),
        'INVALID_INPUT',
        where as never,
      );
      expect(empty.issues[0]!.message).toBe(
        'expected a name for the case, not an empty text (the test runner shows it).',
      );
    }
    expectCchcError(() => scoreCases(ruleSet, table, { tolerence: 1 } as never), 'INVALID_OPTIONS', [
      'options',
      'tolerence',
    ]);
  });
});
