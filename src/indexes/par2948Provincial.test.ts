import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { issuesOf } from '../../test/helpers/cchcError.js';
import { deepFreeze } from '../../test/helpers/deepFreeze.js';
import { toDec, ZERO } from '../numeric/decimal.js';
import type { RuleNodeInput } from '../rules/RuleSet.js';
import { validateRuleSet } from '../rules/validateRuleSet.js';
import type { AssessmentInput } from '../scoring/Assessment.js';
import { scoreUnit } from '../scoring/scoreUnit.js';
import {
  buildPar2948ProvincialRuleSet,
  PAR_2948_PROVINCIAL_FIELDS,
  type Par2948ProvincialDefinition,
} from './par2948Provincial.js';
import type { ParFieldDefinition, ParFieldId } from './parFields.js';
import { PAR_NATIONAL_GROUPS } from './parNationalGroups.js';

const IDS: ParFieldId[] = ['1', '2', '3', '4', '5', '6', '7', '8'];

/**
 * A caller's illustrative split (test data, not a sourced one): each field = a yes/no leaf of 1
 * point + a manual leaf (0.25 steps) with the rest; field 8's manual part is survey-assessed.
 */
function twoLeaves(id: ParFieldId, max: number): ParFieldDefinition {
  const rest = toDec(max).minus(1).toNumber();
  return {
    children: [
      { id: `${id}.1`, name: `Tiêu chí ${id}.1`, max: 1, rule: { kind: 'yes-no' } },
      {
        id: `${id}.2`,
        name: `Tiêu chí ${id}.2`,
        max: rest,
        ...(id === '8' ? { assessor: 'survey' as const } : {}),
        rule: { kind: 'manual', step: 0.25 },
      },
    ],
  };
}

function fullDefinition(): Par2948ProvincialDefinition {
  const fields = {} as Record<ParFieldId, ParFieldDefinition>;
  for (const f of PAR_2948_PROVINCIAL_FIELDS) fields[f.id] = twoLeaves(f.id, f.max!);
  return { assessor: 'self', fields };
}

describe('PAR_2948_PROVINCIAL_FIELDS (QĐ 2948/QĐ-BNV, par-index.md §2.1)', () => {
  it('has the 8 fields in order, whose maxima add up to exactly 100', () => {
    expect(PAR_2948_PROVINCIAL_FIELDS.map((f) => f.id)).toEqual(IDS);
    const sum = PAR_2948_PROVINCIAL_FIELDS.reduce((s, f) => s.plus(toDec(f.max!)), ZERO);
    expect(sum.toString()).toBe('100');
  });

  it('quotes the table: maxima, sub-criteria adding up to 81, criteria adding up to 39 (page says 38)', () => {
    expect(PAR_2948_PROVINCIAL_FIELDS.map((f) => [f.max, f.criteria, f.subCriteria])).toEqual([
      [10, 6, 6],
      [10, 4, 6],
      [14.5, 5, 16],
      [11, 4, 10],
      [16, 9, 16],
      [7, 3, 6],
      [16, 5, 18],
      [15.5, 3, 3],
    ]);
    expect(PAR_2948_PROVINCIAL_FIELDS.reduce((s, f) => s + f.subCriteria!, 0)).toBe(81);
    expect(PAR_2948_PROVINCIAL_FIELDS.reduce((s, f) => s + f.criteria!, 0)).toBe(39);
    expect(PAR_2948_PROVINCIAL_FIELDS.every((f) => f.confidence.criteria === 'M')).toBe(true);
    expect(PAR_2948_PROVINCIAL_FIELDS.every((f) => f.confidence.max === 'H')).toBe(true);
  });

  it('is frozen and JSON-safe', () => {
    expect(Object.isFrozen(PAR_2948_PROVINCIAL_FIELDS)).toBe(true);
    expect(PAR_2948_PROVINCIAL_FIELDS.every((f) => Object.isFrozen(f) && Object.isFrozen(f.confidence))).toBe(
      true,
    );
    expect(JSON.parse(JSON.stringify(PAR_2948_PROVINCIAL_FIELDS))).toEqual(PAR_2948_PROVINCIAL_FIELDS);
  });
});

describe('PAR_NATIONAL_GROUPS (par-index.md §2.4)', () => {
  it('A ≥ 90, B 80–<90, C 70–<80, nothing below C', () => {
    expect(PAR_NATIONAL_GROUPS).toEqual([
      { label: 'Nhóm A', labelEn: 'Group A', minPercent: 90 },
      { label: 'Nhóm B', labelEn: 'Group B', minPercent: 80 },
      { label: 'Nhóm C', labelEn: 'Group C', minPercent: 70 },
    ]);
    expect(Object.isFrozen(PAR_NATIONAL_GROUPS) && Object.isFrozen(PAR_NATIONAL_GROUPS[0])).toBe(true);
  });
});

describe('buildPar2948ProvincialRuleSet', () => {
  const definition = deepFreeze(fullDefinition());
  const ruleSet = buildPar2948ProvincialRuleSet(definition);

  it('sets the sourced parts and keeps the caller’s', () => {
    expect(ruleSet).toMatchObject({
      id: 'par-2948-tinh',
      version: '1',
      legalBasis: 'Quyết định 2948/QĐ-BNV ngày 28/12/2017 của Bộ Nội vụ',
      level: 'tinh',
      total: 100,
      assessor: 'self',
      notApplicable: 'keep',
      bands: PAR_NATIONAL_GROUPS,
    });
    expect(ruleSet.children.map((c) => [c.id, c.name, c.max])).toEqual(
      PAR_2948_PROVINCIAL_FIELDS.map((f) => [f.id, f.name, f.max]),
    );
    expect(ruleSet.children[2]?.children?.map((c) => c.id)).toEqual(['3.1', '3.2']);
    expect(Object.isFrozen(ruleSet.children[0])).toBe(true);
  });

  it('is accepted by validateRuleSet; the only warning is the missing band below Nhóm C', () => {
    const result = validateRuleSet(JSON.parse(JSON.stringify(ruleSet)));
    expect(result.ok).toBe(true);
    expect(result.warnings.map((w) => w.path.join('.'))).toEqual(['bands']);
  });

  it('takes id, version and name from the caller', () => {
    const own = buildPar2948ProvincialRuleSet({ ...fullDefinition(), id: 'tinh-x-2017', version: '2' });
    expect([own.id, own.version]).toEqual(['tinh-x-2017', '2']);
  });

  it('does not freeze or change the caller’s objects', () => {
    const input = fullDefinition();
    const before = structuredClone(input);
    buildPar2948ProvincialRuleSet(input);
    expect(input).toEqual(before);
    expect(Object.isFrozen(input.fields['1'].children![0])).toBe(false);
  });

  it('scores a complete assessment to the hand-checked total (84,75 → Nhóm B)', () => {
    // Field: yes-no (1 point) + manual. 1: yes + 8 = 9; 2: no + 8.5 = 8.5; 3: yes + 12 = 13;
    // 4: yes + 9 = 10; 5: yes + 13.5 = 14.5; 6: yes + 5 = 6; 7: no + 12.75 = 12.75;
    // 8: yes + 10 (survey) = 11. Σ = 9 + 8.5 + 13 + 10 + 14.5 + 6 + 12.75 + 11 = 84.75.
    const yes: Record<string, boolean> = {
      '1': true,
      '2': false,
      '3': true,
      '4': true,
      '5': true,
      '6': true,
      '7': false,
      '8': true,
    };
    const manual: Record<string, number> = {
      '1': 8,
      '2': 8.5,
      '3': 12,
      '4': 9,
      '5': 13.5,
      '6': 5,
      '7': 12.75,
      '8': 10,
    };
    const entries: AssessmentInput['entries'] = {};
    for (const id of IDS) {
      entries[`${id}.1`] = { self: { value: yes[id] } };
      entries[`${id}.2`] = id === '8' ? { survey: { value: manual[id] } } : { self: { value: manual[id] } };
    }
    const report = scoreUnit(ruleSet, deepFreeze({ unit: { id: 'tinh-x' }, period: '2017', entries }));
    expect(report.total).toMatchObject({ points: 84.75, max: 100, roundedPercent: 84.75, status: 'scored' });
    expect(report.band).toEqual({ label: 'Nhóm B', minPercent: 80, provisional: false });
    expect(report.nodes.filter((n) => n.depth === 1).map((n) => n.points)).toEqual([
      9, 8.5, 13, 10, 14.5, 6, 12.75, 11,
    ]);
    expect(report.byAssessor.map((p) => [p.assessor, p.points, p.max])).toEqual([
      ['self', 74.75, 85.5],
      ['survey', 10, 14.5],
    ]);
  });

  it('a province below 70 % gets no group (none below C is sourced)', () => {
    const entries: AssessmentInput['entries'] = {};
    for (const id of IDS) {
      entries[`${id}.1`] = { self: { value: true } };
      entries[`${id}.2`] = id === '8' ? { survey: { value: 0 } } : { self: { value: 0 } };
    }
    const report = scoreUnit(ruleSet, { unit: { id: 'tinh-y' }, period: '2017', entries });
    expect(report.total.points).toBe(8);
    expect(report.band).toBeNull();
  });
});

describe('buildPar2948ProvincialRuleSet: missing or conflicting caller parts', () => {
  it('names every missing field', () => {
    const { fields } = fullDefinition();
    const { '3': _three, '7': _seven, ...rest } = fields;
    const r = issuesOf(() =>
      buildPar2948ProvincialRuleSet({
        assessor: 'self',
        fields: rest,
      } as unknown as Par2948ProvincialDefinition),
    );
    expect(r.code).toBe('INVALID_RULE_SET');
    expect(r.paths).toEqual(['definition.fields.3', 'definition.fields.7']);
    expect(r.messages[0]).toContain('field 3 (Cải cách thủ tục hành chính) is not defined');
  });

  it('needs an assessor: none is sourced for QĐ 2948', () => {
    const { fields } = fullDefinition();
    const r = issuesOf(() => buildPar2948ProvincialRuleSet({ fields }));
    expect(r.code).toBe('INVALID_RULE_SET');
    // Every leaf but 8.2 (which says "survey") lacks an assessor.
    expect(r.paths).toHaveLength(15);
    expect(r.paths[0]).toBe('definition.fields.1.children.0');
    expect(r.messages[0]).toMatch(/^no assessor/);
  });

  it('criteria that do not add up to the sourced maximum point at the field’s children', () => {
    const def = fullDefinition();
    const three: RuleNodeInput[] = [
      { id: '3.1', max: 1, rule: { kind: 'yes-no' } },
      { id: '3.2', max: 13, rule: { kind: 'manual' } },
    ];
    const r = issuesOf(() =>
      buildPar2948ProvincialRuleSet({ ...def, fields: { ...def.fields, '3': { children: three } } }),
    );
    expect(r.paths).toEqual(['definition.fields.3.children']);
    expect(r.messages[0]).toContain("add up to 14, not to this node's maximum 14.5");
  });

  it('a field with neither children nor rule, a wrong rule inside a field: paths inside the field', () => {
    const def = fullDefinition();
    const r = issuesOf(() =>
      buildPar2948ProvincialRuleSet({
        ...def,
        fields: {
          ...def.fields,
          '2': {},
          '5': { children: [{ id: '5.1', max: 16, rule: { kind: 'yes-no', yes: 20 } }] },
        },
      }),
    );
    expect(r.paths).toEqual(['definition.fields.2.rule', 'definition.fields.5.children.0.rule.yes']);
  });

  it('refuses a different max, name or id for a field, and sourced or unknown top-level keys', () => {
    const def = fullDefinition();
    const bad = {
      ...def,
      total: 90,
      colour: 'red',
      fields: {
        ...def.fields,
        '1': { ...def.fields['1'], max: 12 },
        '2': { ...def.fields['2'], name: 'Cải cách thể chế' },
        '4': { ...def.fields['4'], id: '4a' },
        '9': def.fields['1'],
      },
    } as unknown as Par2948ProvincialDefinition;
    const r = issuesOf(() => buildPar2948ProvincialRuleSet(bad));
    expect(r.paths).toEqual([
      'definition.total',
      'definition.colour',
      'definition.fields.9',
      'definition.fields.1.max',
      'definition.fields.2.name',
      'definition.fields.4.id',
    ]);
    // The sourced value itself may be repeated.
    const same = { ...def, fields: { ...def.fields, '3': { ...def.fields['3'], max: '14.50' } } };
    expect(buildPar2948ProvincialRuleSet(same as Par2948ProvincialDefinition).children[2]?.max).toBe(14.5);
  });

  it('a field that is not an object, and a bad top-level value: paths from the definition', () => {
    const def = fullDefinition();
    const r = issuesOf(() =>
      buildPar2948ProvincialRuleSet({
        ...def,
        appraisalRounds: -1,
        fields: { ...def.fields, '6': 'manual' },
      } as unknown as Par2948ProvincialDefinition),
    );
    expect(r.code).toBe('INVALID_RULE_SET');
    expect(r.paths).toEqual(['definition.fields.6', 'definition.appraisalRounds']);
    expect(r.messages[0]).toBe(
      'expected an object for field 6 (Cải cách tài chính công), with "children" or a "rule".',
    );
  });

  it('refuses a definition that is not an object', () => {
    const r = issuesOf(() => buildPar2948ProvincialRuleSet(null as unknown as Par2948ProvincialDefinition));
    expect(r).toMatchObject({ code: 'INVALID_RULE_SET', paths: ['definition'] });
    const f = issuesOf(() =>
      buildPar2948ProvincialRuleSet({ fields: [] } as unknown as Par2948ProvincialDefinition),
    );
    expect(f.paths).toEqual(['definition.fields']);
  });
});

describe('buildPar2948ProvincialRuleSet: property', () => {
  /** Splits `hundredths` into parts of ≥ 0.01 at the given cut points. */
  const split = (hundredths: number, cuts: number[]): number[] => {
    const points = [...new Set(cuts.map((c) => 1 + (c % (hundredths - 1))))].sort((a, b) => a - b);
    const bounds = [0, ...points, hundredths];
    return bounds.slice(1).map((b, i) => (b - bounds[i]!) / 100);
  };
  const cutsArb = fc.array(fc.array(fc.nat(), { minLength: 0, maxLength: 6 }), {
    minLength: 8,
    maxLength: 8,
  });

  it('any split of each field’s maximum into sub-criteria (0.01 steps) validates and scores full marks', () => {
    fc.assert(
      fc.property(cutsArb, (cutsPerField) => {
        const fields = {} as Record<ParFieldId, ParFieldDefinition>;
        const entries: AssessmentInput['entries'] = {};
        PAR_2948_PROVINCIAL_FIELDS.forEach((f, i) => {
          const parts = split(f.max! * 100, cutsPerField[i]!);
          fields[f.id] = {
            children: parts.map((max, k) => ({ id: `${f.id}.${k + 1}`, max, rule: { kind: 'yes-no' } })),
          };
          parts.forEach((_, k) => {
            entries[`${f.id}.${k + 1}`] = { self: { value: true } };
          });
        });
        const ruleSet = buildPar2948ProvincialRuleSet({ assessor: 'self', fields });
        expect(validateRuleSet(JSON.parse(JSON.stringify(ruleSet))).ok).toBe(true);
        const report = scoreUnit(
          ruleSet,
          { unit: { id: 'u' }, period: '2017', entries },
          { explanations: false },
        );
        expect(report.total.points).toBe(100);
        expect(report.band?.label).toBe('Nhóm A');
      }),
      { numRuns: 60 },
    );
  });

  it('a split off by 0.01 in one field is refused, naming that field', () => {
    fc.assert(
      fc.property(cutsArb, fc.integer({ min: 0, max: 7 }), fc.boolean(), (cutsPerField, which, up) => {
        const fields = {} as Record<ParFieldId, ParFieldDefinition>;
        PAR_2948_PROVINCIAL_FIELDS.forEach((f, i) => {
          const hundredths = f.max! * 100 + (i === which ? (up ? 1 : -1) : 0);
          const parts = split(hundredths, cutsPerField[i]!);
          fields[f.id] = {
            children: parts.map((max, k) => ({ id: `${f.id}.${k + 1}`, max, rule: { kind: 'manual' } })),
          };
        });
        const r = issuesOf(() => buildPar2948ProvincialRuleSet({ assessor: 'self', fields }));
        expect(r.paths).toEqual([`definition.fields.${IDS[which]}.children`]);
      }),
      { numRuns: 60 },
    );
  });
});
