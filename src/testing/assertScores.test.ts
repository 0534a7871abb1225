import { describe, expect, it } from 'vitest';
import example from '../../test/fixtures/rules/example-district.json' with { type: 'json' };
import { expectCchcError } from '../../test/helpers/cchcError.js';
import { deepFreeze } from '../../test/helpers/deepFreeze.js';
import { defineRuleSet, isCchcError } from '../index.js';
import { assertScores } from './assertScores.js';
import { CchcAssertionError } from './CchcAssertionError.js';

function thrown(fn: () => unknown): CchcAssertionError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(CchcAssertionError);
    return error as CchcAssertionError;
  }
  throw new Error('expected a CchcAssertionError, but nothing was thrown');
}

/** The golden case of scoreUnit.test.ts: 83 + 2 (bonus capped) − 0.5 = 84.5 → Tốt. */
const assessment = deepFreeze({
  unit: { id: 'u1', name: 'Huyện A', level: 'huyen' },
  period: '2025',
  ruleSet: { id: 'example-district-2025', version: '1' },
  data: {
    plan: { done: 41, total: 57 },
    dossiers: { received: { online: 8535, inPerson: 138 }, resolved: { early: 8000, onTime: 600, late: 73 } },
    procedures: [{ before: 91.5, after: 63 }],
  },
  entries: {
    '1.1': { self: { value: 'kip-thoi' }, 'appraisal-1': { value: 'khong-kip-thoi', note: 'ban hành chậm' } },
    '1.3': { self: { value: true } },
    '1.4': { self: { value: 5.5 }, 'appraisal-1': { value: 5 }, 'appraisal-2': { value: 5.25 } },
    '2.4': { self: { value: 60 } },
    '9': { superior: { value: 8.5 } },
    B1: { superior: { value: 3 } },
    T1: { superior: { value: 2 } },
  },
});
const ruleSet = defineRuleSet(example);

/** Two manual leaves without a step: points 0.1 and 0.2, which add up to 0.30000000000000004 in floats. */
const tenths = defineRuleSet({
  id: 'tenths',
  version: '1',
  legalBasis: 'illustrative',
  level: 'xa',
  total: 1,
  children: [
    { id: 'a', name: 'Phần a', max: 0.5, assessor: 'self', rule: { kind: 'manual' } },
    { id: 'b', name: 'Phần b', max: 0.5, assessor: 'self', rule: { kind: 'manual' } },
  ],
});
const tenthsAssessment = {
  unit: { id: 'x' },
  period: '2025',
  entries: { a: { self: { value: 0.1 } }, b: { self: { value: 0.2 } } },
};

describe('assertScores: passing', () => {
  it('passes on the golden case and returns the report; numbers may be numeric strings', () => {
    const report = assertScores(ruleSet, assessment, {
      total: 84.5,
      percent: '84.5',
      band: 'Tốt',
      points: { '1': 7.75, '1.1': 0.5, '1.4': '5.25', '2': 66.75, '2.1': 0.75, '9': 8.5, B1: 3, T1: 0.5 },
    });
    expect(report.total.points).toBe(84.5);
  });

  it('accepts the rule set as raw JSON (validated there)', () => {
    expect(assertScores(example, assessment, { total: 84.5 }).band?.label).toBe('Tốt');
  });

  it('compares exactly as decimals: 0.1 + 0.2 is 0.3, and 0.30000000000000004 is not', () => {
    assertScores(tenths, tenthsAssessment, { total: 0.3, points: { a: '0.1', b: 0.2 } });
    const error = thrown(() => assertScores(tenths, tenthsAssessment, { total: 0.1 + 0.2 }));
    expect(error.issues).toEqual([
      { path: ['total'], message: 'expected 0.30000000000000004, received 0.3 (difference -4e-17).' },
    ]);
  });

  it('tolerance: a difference exactly on the tolerance passes, just above it fails', () => {
    assertScores(ruleSet, assessment, { total: 84.75 }, { tolerance: 0.25 });
    assertScores(ruleSet, assessment, { total: '84.25' }, { tolerance: '0.25' });
    const error = thrown(() => assertScores(ruleSet, assessment, { total: 84.76 }, { tolerance: 0.25 }));
    expect(error.message).toMatch(/; tolerance ±0\.25\):\n/);
    thrown(() => assertScores(ruleSet, assessment, { total: 84.500001 }));
  });

  it('checks a null percent and a null band (nothing applicable scored)', () => {
    const empty = { unit: { id: 'u0' }, period: '2025', entries: {} };
    const report = assertScores(tenths, empty, { percent: 0, band: null, total: 0 });
    expect(report.total.status).toBe('pending');
  });
});

describe('assertScores: failing, with a readable diff table', () => {
  const error = thrown(() =>
    assertScores(ruleSet, assessment, {
      total: 85,
      percent: 85,
      band: 'Khá',
      points: { '9': 8.5, '1.1': 1, '2.4': 60.25, '1.4': 5.25 },
    }),
  );
  const lines = error.message.split('\n');

  it('heads the message with the count, the unit, the period, the rule set and the comparison', () => {
    expect(lines[0]).toBe(
      '5 of 7 expected scores differ (unit "u1" (Huyện A), period "2025", rule set "example-district-2025" version "1"; exact comparison):',
    );
  });

  it('has one row per differing check: node, name, expected, actual, difference, reason', () => {
    const table = lines.slice(2, lines.indexOf('', 2));
    expect(table[0]).toMatch(/^ {2}node +name +expected +actual +difference +reason$/);
    expect(table[1]).toMatch(/^ {2}-+ +-+ +-+ +-+ +-+ +-+$/);
    const rows = table.slice(2).map((row) => row.trim().split(/ {2,}/));
    expect(rows).toEqual([
      ['(total)', '85', '84.5', '-0.5', 'status: scored'],
      ['(percent)', '85', '84.5', '-0.5', 'status: scored'],
      ['(band)', '"Khá"', '"Tốt"', 'status: scored'],
      ['1.1', 'Ban hành kế hoạch CCHC năm', '1', '0.5', '-0.5', 'OPTION_CHOSEN'],
      ['2.4', 'Các nhiệm vụ còn lại', '60.25', '60', '-0.25', 'MANUAL'],
    ]);
    // Columns line up: every row is as wide as the heading's columns.
    const reasonAt = table[0]!.indexOf('reason');
    for (const row of table.slice(2)) expect(row.slice(reasonAt - 2, reasonAt)).toBe('  ');
  });

  it('explains the differing leaves from the report (vi and en), and lists nothing that matched', () => {
    expect(error.message).toContain(
      '\nwhy:\n  1.1: Ban hành không kịp thời: 0,5/1 điểm (Option “Ban hành không kịp thời”: 0.5/1 points)\n  2.4: ',
    );
    expect(error.message).not.toMatch(/^ {2}9 /m);
    expect(error.message).not.toMatch(/^ {2}1\.4 /m);
  });

  it('carries actual and expected (only what differs, shaped like the expectation) and issues', () => {
    expect(error.actual).toEqual({
      total: 84.5,
      percent: 84.5,
      band: 'Tốt',
      points: { '1.1': 0.5, '2.4': 60 },
    });
    expect(error.expected).toEqual({
      total: 85,
      percent: 85,
      band: 'Khá',
      points: { '1.1': 1, '2.4': 60.25 },
    });
    expect(error.operator).toBe('assertScores');
    expect(error.issues.map((issue) => issue.path)).toEqual([
      ['total'],
      ['percent'],
      ['band'],
      ['points', '1.1'],
      ['points', '2.4'],
    ]);
    expect(error.issues[3]?.message).toBe('expected 1, received 0.5 (difference -0.5, OPTION_CHOSEN).');
    expect(error.name).toBe('CchcAssertionError');
    expect(error).toBeInstanceOf(Error);
  });

  it('notes pending points, and shows a pending leaf with its reason', () => {
    const partial = { unit: { id: 'u2' }, period: '2025', entries: { '9': { superior: { value: 8.5 } } } };
    const e = thrown(() => assertScores(ruleSet, partial, { points: { '1.3': 1 } }));
    expect(e.message).toMatch(
      /^ {2}1\.3 +Báo cáo CCHC đủ số lượng, đúng thời gian +1 +0 +-1 +NOT_ASSESSED$/m,
    );
    expect(e.message).toMatch(/\nnote: \d+ of 100 points are still pending \(not assessed\)\.$/);
  });

  it('truncates long names to 40 characters', () => {
    const long = defineRuleSet({
      ...tenths,
      children: [
        {
          ...tenths.children[0]!,
          name: 'Tỷ lệ văn bản quy phạm pháp luật được ban hành đúng quy trình, đúng thẩm quyền',
        },
        tenths.children[1]!,
      ],
    });
    const e = thrown(() => assertScores(long, tenthsAssessment, { points: { a: 0.5 } }));
    const row = e.message.split('\n').find((line) => line.startsWith('  a '))!;
    const name = row.trim().split(/ {2,}/)[1]!;
    expect([...name]).toHaveLength(40);
    expect(name).toBe('Tỷ lệ văn bản quy phạm pháp luật được b…');
    expect(e.message.split('\n')[0]).toMatch(/^1 of 1 expected score differs \(/);
  });
});

describe('assertScores: bad input is a CchcError, not a failed assertion', () => {
  it('an expectation that checks nothing', () => {
    expectCchcError(() => assertScores(ruleSet, assessment, {}), 'INVALID_INPUT', ['expected']);
    expectCchcError(() => assertScores(ruleSet, assessment, { points: {} }), 'INVALID_INPUT', ['expected']);
  });

  it('unknown keys, malformed numbers and bands, every problem at once', () => {
    const error = expectCchcError(
      () =>
        assertScores(ruleSet, assessment, {
          totl: 84.5,
          percent: '84,5',
          band: 1,
          points: { '1.1': Number.NaN },
        } as never),
      'INVALID_INPUT',
      ['expected', 'totl'],
    );
    expect(error.issues.map((issue) => issue.path)).toEqual([
      ['expected', 'totl'],
      ['expected', 'percent'],
      ['expected', 'band'],
      ['expected', 'points', '1.1'],
    ]);
  });

  it('an unknown node id in expected points', () => {
    const error = expectCchcError(
      () => assertScores(ruleSet, assessment, { points: { '9.9': 1, '1.1': 0.5 } }),
      'INVALID_INPUT',
      ['expected', 'points', '9.9'],
    );
    expect(error.issues).toHaveLength(1);
    expect(error.issues[0]?.message).toMatch(
      /^unknown node id "9\.9": rule set "example-district-2025" has no such node \(its ids: 1, 1\.1,/,
    );
  });

  it('a negative tolerance, an unknown option', () => {
    expectCchcError(
      () => assertScores(ruleSet, assessment, { total: 1 }, { tolerance: -0.1 }),
      'INVALID_INPUT',
      ['options', 'tolerance'],
    );
    expectCchcError(
      () => assertScores(ruleSet, assessment, { total: 1 }, { tolerence: 1 } as never),
      'INVALID_OPTIONS',
      ['options', 'tolerence'],
    );
  });

  it('an invalid assessment passes through from scoreUnit', () => {
    const error = expectCchcError(
      () =>
        assertScores(
          ruleSet,
          { unit: { id: 'u1' }, period: '2025', entries: { '7.7': { self: { value: 1 } } } },
          { total: 1 },
        ),
      'INVALID_ASSESSMENT',
      ['entries', '7.7'],
    );
    expect(isCchcError(error)).toBe(true);
  });

  it('an invalid rule set fails as an assertion listing its problems', () => {
    const error = thrown(() => assertScores({ ...example, total: 99 }, assessment, { total: 1 }));
    expect(error.operator).toBe('assertValidRuleSet');
    expect(error.message).toContain('  total: the top-level maxima add up to 100, not to the total 99.');
  });
});
