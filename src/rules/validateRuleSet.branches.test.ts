import { describe, expect, it } from 'vitest';
import { CchcError, scoreUnit, validateRuleSet } from '../index.js';

const base = { id: 'x', version: '1', legalBasis: 'test', level: 'huyen' };
const leaf = (id: string, extra: Record<string, unknown> = {}) => ({
  id,
  max: 1,
  rule: { kind: 'yes-no' },
  ...extra,
});

/** Issues and warnings of a rule set, as `path: message`. */
function check(json: Record<string, unknown>): { issues: string[]; warnings: string[] } {
  const r = validateRuleSet({ ...base, ...json });
  const fmt = (i: { path: readonly (string | number)[]; message: string }) =>
    `${i.path.join('.')}: ${i.message}`;
  return { issues: r.ok ? [] : r.issues.map(fmt), warnings: r.warnings.map(fmt) };
}

describe('validateRuleSet: nodes', () => {
  it('a group cannot carry a rule', () => {
    expect(
      check({
        total: 1,
        children: [{ id: '1', assessor: 'self', rule: { kind: 'manual' }, children: [leaf('1.1')] }],
      }).issues,
    ).toEqual(['children.0.rule: a group (with "children") cannot have a "rule": put the rule on a leaf.']);
  });
  it('a leaf needs a max and a rule', () => {
    expect(
      check({
        total: 1,
        assessor: 'self',
        children: [
          { id: '1', rule: { kind: 'yes-no' } },
          { id: '2', max: 1 },
        ],
      }).issues,
    ).toEqual([
      'children.0.max: a leaf needs its maximum points ("max").',
      'children.1.rule: a leaf needs a "rule" (or "children" for a group).',
    ]);
  });
  it('a rule that is not an object gets the schema issue only', () => {
    const r = check({
      total: 1,
      assessor: 'self',
      children: [
        { id: '1', max: 1, rule: null },
        { id: '2', max: 0, rule: 'x' },
      ],
    });
    expect(r.issues).toEqual([
      expect.stringMatching(/^children\.0\.rule: /),
      expect.stringMatching(/^children\.1\.rule: /),
    ]);
  });
  it('a rule kind that is not text gets the schema issue only', () => {
    expect(
      check({
        total: 1,
        assessor: 'self',
        children: [{ id: '1', max: 1, rule: { kind: 5, measure: 'values.x' } }],
      }).issues,
    ).toEqual([expect.stringMatching(/^children\.0\.rule\.kind: /)]);
  });
  it('no assessor anywhere', () => {
    expect(check({ total: 1, children: [{ id: '1', children: [leaf('1.1')] }] }).issues).toEqual([
      'children.0.children.0: no assessor: expected "assessor" ("self", "superior" or "survey") on this node, an ancestor or the rule set.',
    ]);
  });
  it('a null node or a node with a non-text id gets the schema issue, and no sum is checked past it', () => {
    const r = check({ total: 99, assessor: 'self', children: [null, leaf('2')] });
    expect(r.issues).toEqual([expect.stringMatching(/^children\.0: /)]);
    const s = check({ total: 2, assessor: 'self', children: [leaf('1'), { ...leaf('2'), id: 7 }] });
    expect(s.issues).toEqual([expect.stringMatching(/^children\.1\.id: /)]);
  });
  it('a group without max takes the sum of its children; a bad child max stops the sum', () => {
    expect(
      check({ total: 2, assessor: 'self', children: [{ id: '1', children: [leaf('1.1'), leaf('1.2')] }] })
        .issues,
    ).toEqual([]);
    const r = check({
      total: 5,
      assessor: 'self',
      children: [{ id: '1', max: 5, children: [leaf('1.1', { max: 'abc' })] }],
    });
    expect(r.issues).toEqual([expect.stringMatching(/^children\.0\.children\.0\.max: /)]);
  });
  it('bonus and deduction sections: maxima are not summed against a parent', () => {
    expect(
      check({
        total: 1,
        assessor: 'self',
        children: [leaf('1')],
        bonus: { cap: 1, children: [{ id: 'B', max: 1, children: [leaf('B.1', { max: 3 })] }] },
        deductions: { children: [leaf('D', { rule: { kind: 'deduction', perOccurrence: 0.5 } })] },
      }).issues,
    ).toEqual([]);
    expect(check({ total: 1, assessor: 'self', children: [leaf('1')], bonus: 'x' }).issues).toEqual([
      expect.stringMatching(/^bonus: /),
    ]);
  });
  it('ids are unique across sections', () => {
    expect(
      check({ total: 1, assessor: 'self', children: [leaf('1')], bonus: { children: [leaf('1')] } }).issues,
    ).toEqual(['bonus.children.0.id: duplicate node id "1" (also at children.0): expected every id once.']);
  });
});

describe('validateRuleSet: appraisal rounds warnings', () => {
  const msg = (path: string, who: string) =>
    `${path}: "appraisalRounds" only applies to self-assessed nodes; this node is assessed by "${who}".`;
  it('on a group or a leaf assessed by someone else', () => {
    expect(
      check({
        total: 2,
        children: [
          { id: '1', assessor: 'superior', appraisalRounds: 2, children: [leaf('1.1')] },
          leaf('2', { assessor: 'superior', appraisalRounds: 1 }),
        ],
      }).warnings,
    ).toEqual([msg('children.0.appraisalRounds', 'superior'), msg('children.1.appraisalRounds', 'superior')]);
  });
  it('not on self-assessed nodes, nor where no assessor is known', () => {
    expect(
      check({
        total: 2,
        children: [
          { id: '1', assessor: 'self', appraisalRounds: 2, children: [leaf('1.1', { appraisalRounds: 3 })] },
          { id: '2', appraisalRounds: 2, children: [leaf('2.1', { appraisalRounds: 1 })] },
        ],
      }).warnings,
    ).toEqual([]);
  });
  it('a survey rule where no assessor is known is not warned about (the missing assessor is an issue)', () => {
    const r = check({ total: 1, children: [leaf('1', { rule: { kind: 'survey' } })] });
    expect(r.warnings).toEqual([]);
    expect(r.issues).toEqual([expect.stringMatching(/^children\.0: no assessor/)]);
  });
  it('a leaf worth 0 points', () => {
    expect(
      check({ total: 1, assessor: 'self', children: [leaf('1'), leaf('2', { max: 0 })] }).warnings,
    ).toEqual(['children.1.max: this leaf is worth 0 points.']);
  });
});

describe('validateRuleSet: measures', () => {
  const one = (rule: unknown) =>
    check({ total: 1, assessor: 'self', children: [{ id: '1', max: 1, rule }] }).issues;
  it('a rule kind that reads no value takes no measure', () => {
    expect(one({ kind: 'manual', measure: 'plan.completionRate' })).toEqual([
      expect.stringMatching(/^children\.0\.rule: /), // strict schema: unknown key
      'children.0.rule.measure: a "manual" rule takes no measure.',
    ]);
  });
  it('only the dossier timeliness measures take a basis, and a basis needs a measure', () => {
    expect(one({ kind: 'proportional', measure: 'dossiers.onTimeRate', basis: 'due' })).toEqual([]);
    expect(one({ kind: 'proportional', measure: 'channels.onlineShare', basis: 'due' })).toEqual([
      'children.0.rule.basis: measure "channels.onlineShare" takes no "basis"; only the dossiers timeliness measures do.',
    ]);
    expect(one({ kind: 'proportional', basis: 'due' })).toEqual([
      'children.0.rule.basis: "basis" needs a "measure".',
    ]);
    expect(one({ kind: 'proportional', measure: 'values.my-rate' })).toEqual([]);
  });
  it('an unknown measure lists the known ones', () => {
    expect(one({ kind: 'proportional', measure: 'values.a.b' })).toEqual([
      expect.stringMatching(
        /^children\.0\.rule\.measure: unknown measure "values\.a\.b": expected one of dossiers\.onTimeOrEarlyRate, .*, or "values\.<name>"\.$/,
      ),
    ]);
  });
});

describe('validateRuleSet: bands', () => {
  const bands = (list: unknown[]) =>
    check({ total: 1, assessor: 'self', children: [leaf('1')], bands: list });
  it('equal starts overlap; rising starts are out of order', () => {
    expect(
      bands([
        { label: 'A', minPercent: 90 },
        { label: 'B', minPercent: 90 },
        { label: 'C', minPercent: 95 },
        { label: 'D', minPercent: 0 },
      ]).issues,
    ).toEqual([
      'bands.1.minPercent: bands 1 and 2 overlap: both start at 90 %.',
      'bands.2.minPercent: bands out of order: expected bands from the highest "minPercent" down, but 95 follows 90.',
    ]);
  });
  it('malformed bands get the schema issue only, and no 0 % warning', () => {
    const r = bands([null, { label: 5, minPercent: 50 }, { label: 'C', minPercent: 'x' }]);
    expect(r.issues).toEqual([
      expect.stringMatching(/^bands\.0: /),
      expect.stringMatching(/^bands\.1\.label: /),
      expect.stringMatching(/^bands\.2\.minPercent: /),
    ]);
    expect(r.warnings).toEqual([]);
  });
  it('a last band from 0 % gives no warning', () => {
    expect(
      bands([
        { label: 'A', minPercent: 50 },
        { label: 'B', minPercent: 0 },
      ]),
    ).toEqual({ issues: [], warnings: [] });
  });
});

describe('planOf on raw JSON that is not an object', () => {
  it('throws INVALID_RULE_SET', () => {
    expect(() => scoreUnit(null as never, { unit: { id: 'u' }, period: '2025' })).toThrow(CchcError);
    expect(() => scoreUnit('x' as never, { unit: { id: 'u' }, period: '2025' })).toThrow(
      expect.objectContaining({ code: 'INVALID_RULE_SET' }),
    );
  });
});
