import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { issuesOf } from '../../test/helpers/cchcError.js';
import { deepFreeze } from '../../test/helpers/deepFreeze.js';
import { validateRuleSet } from '../rules/validateRuleSet.js';
import type { AssessmentInput } from '../scoring/Assessment.js';
import { scoreUnit } from '../scoring/scoreUnit.js';
import {
  buildPar876ProvincialRuleSet,
  PAR_876_PROVINCIAL_FIELDS,
  PAR_876_PROVINCIAL_STRUCTURE,
  type Par876FieldDefinition,
  type Par876ProvincialDefinition,
} from './par876Provincial.js';
import type { ParFieldId } from './parFields.js';
import { PAR_NATIONAL_GROUPS } from './parNationalGroups.js';

const IDS: ParFieldId[] = ['1', '2', '3', '4', '5', '6', '7', '8'];

/**
 * ILLUSTRATIVE maxima (test data: the real 876 maxima are not known to the library), chosen to fit
 * the sourced facts: Σ = 100, survey = 32. Fields 1–7 self-assessed; field 8 = 6 self + 32 survey.
 */
const MAXIMA: Record<ParFieldId, number> = {
  '1': 9,
  '2': 9,
  '3': 10,
  '4': 8,
  '5': 9,
  '6': 8,
  '7': 9,
  '8': 38,
};

function definition(): Par876ProvincialDefinition {
  const fields = {} as Record<ParFieldId, Par876FieldDefinition>;
  for (const id of IDS)
    fields[id] =
      id === '8'
        ? {
            max: 38,
            children: [
              { id: '8.1', max: 6, rule: { kind: 'manual', step: 0.25 } },
              {
                id: '8.2',
                max: 32,
                assessor: 'survey',
                children: [
                  { id: '8.2.1', max: 20, rule: { kind: 'survey' } },
                  { id: '8.2.2', max: 12, rule: { kind: 'manual' } },
                ],
              },
            ],
          }
        : {
            max: MAXIMA[id],
            children: [
              { id: `${id}.1`, max: 1, rule: { kind: 'yes-no' } },
              { id: `${id}.2`, max: MAXIMA[id] - 1, rule: { kind: 'manual', step: 0.5 } },
            ],
          };
  return { fields };
}

describe('PAR_876_PROVINCIAL_STRUCTURE and PAR_876_PROVINCIAL_FIELDS (par-index.md §2.3)', () => {
  it('8 fields, 37 criteria, 88 sub-criteria, 100 points, 32 by survey, 68 appraised', () => {
    const s = PAR_876_PROVINCIAL_STRUCTURE;
    expect([s.fields, s.criteria, s.subCriteria, s.total, s.surveyPoints, s.appraisedPoints]).toEqual([
      8, 37, 88, 100, 32, 68,
    ]);
    expect(s.surveyPoints + s.appraisedPoints).toBe(s.total);
    expect(s.confidence).toEqual({ structure: 'H', total: 'H', surveyPoints: 'H', appraisedPoints: 'M' });
    expect(s.knownParts).toEqual([expect.objectContaining({ field: '8', max: 6.5, confidence: 'M' })]);
    expect(PAR_876_PROVINCIAL_FIELDS).toHaveLength(s.fields);
  });

  it('names are sourced (M); maxima and counts are unknown, so null', () => {
    expect(PAR_876_PROVINCIAL_FIELDS.map((f) => f.id)).toEqual(IDS);
    for (const f of PAR_876_PROVINCIAL_FIELDS) {
      expect([f.max, f.criteria, f.subCriteria]).toEqual([null, null, null]);
      expect(f.confidence).toEqual({ name: 'M', max: null, criteria: null, subCriteria: null });
    }
  });

  it('is frozen and JSON-safe', () => {
    const s = PAR_876_PROVINCIAL_STRUCTURE;
    expect(
      [s, s.knownParts, s.knownParts[0], s.sources, PAR_876_PROVINCIAL_FIELDS].every(Object.isFrozen),
    ).toBe(true);
    expect(JSON.parse(JSON.stringify(s))).toEqual(s);
    expect(JSON.parse(JSON.stringify(PAR_876_PROVINCIAL_FIELDS))).toEqual(PAR_876_PROVINCIAL_FIELDS);
  });
});

describe('buildPar876ProvincialRuleSet', () => {
  const ruleSet = buildPar876ProvincialRuleSet(deepFreeze(definition()));

  it('sets the sourced parts; the fields take the caller’s maxima', () => {
    expect(ruleSet).toMatchObject({
      id: 'par-876-tinh',
      legalBasis: 'Quyết định 876/QĐ-BNV ngày 10/11/2022 của Bộ Nội vụ',
      level: 'tinh',
      total: 100,
      assessor: 'self',
      notApplicable: 'keep',
      bands: PAR_NATIONAL_GROUPS,
    });
    expect(ruleSet.children.map((c) => [c.id, c.name, c.max])).toEqual(
      PAR_876_PROVINCIAL_FIELDS.map((f) => [f.id, f.name, MAXIMA[f.id]]),
    );
  });

  it('is accepted by validateRuleSet', () => {
    const result = validateRuleSet(JSON.parse(JSON.stringify(ruleSet)));
    expect(result.ok).toBe(true);
  });

  it('scores a complete assessment to the hand-checked total (90 → Nhóm A, the bound inclusive)', () => {
    // Fields 1–7: yes (1) + manual: 1: 1+7.5 = 8.5; 2: 1+8 = 9; 3: 1+8 = 9; 4: 0+7 = 7;
    // 5: 1+7 = 8; 6: 1+6.5 = 7.5; 7: 1+7 = 8 → 57. Field 8: 5.5 self + survey index 0.85 × 20 = 17
    // + 10.5 manual survey points = 33. Total 57 + 33 = 90; self 62.5/68, survey 27.5/32.
    const manual: Record<string, number> = { '1': 7.5, '2': 8, '3': 8, '4': 7, '5': 7, '6': 6.5, '7': 7 };
    const entries: AssessmentInput['entries'] = {
      '8.1': { self: { value: 5.5 } },
      '8.2.1': { survey: { value: { index: 0.85 } } },
      '8.2.2': { survey: { value: 10.5 } },
    };
    for (const id of IDS.slice(0, 7)) {
      entries[`${id}.1`] = { self: { value: id !== '4' } };
      entries[`${id}.2`] = { self: { value: manual[id] } };
    }
    const report = scoreUnit(ruleSet, deepFreeze({ unit: { id: 'tinh-x' }, period: '2022', entries }));
    expect(report.total).toMatchObject({ points: 90, max: 100, roundedPercent: 90, status: 'scored' });
    expect(report.band).toEqual({ label: 'Nhóm A', minPercent: 90, provisional: false });
    expect(report.byAssessor.map((p) => [p.assessor, p.points, p.max])).toEqual([
      ['self', 62.5, 68],
      ['survey', 27.5, 32],
    ]);
    expect(report.nodes.filter((n) => n.depth === 1).map((n) => n.points)).toEqual([
      8.5, 9, 9, 7, 8, 7.5, 8, 33,
    ]);
  });
});

describe('buildPar876ProvincialRuleSet: missing or conflicting caller parts', () => {
  it('every field needs its maximum, which the sources do not give', () => {
    const def = definition();
    const { max: _m, ...five } = def.fields['5'];
    const r = issuesOf(() =>
      buildPar876ProvincialRuleSet({
        fields: { ...def.fields, '5': five },
      } as unknown as Par876ProvincialDefinition),
    );
    expect(r.code).toBe('INVALID_RULE_SET');
    expect(r.paths).toEqual(['definition.fields.5.max']);
    expect(r.messages[0]).toContain('are not known to this library');
  });

  it('names a missing field', () => {
    const { '8': _eight, ...rest } = definition().fields;
    const r = issuesOf(() =>
      buildPar876ProvincialRuleSet({ fields: rest } as unknown as Par876ProvincialDefinition),
    );
    expect(r.paths).toEqual(['definition.fields.8']);
  });

  it('field maxima that do not add up to 100', () => {
    const def = definition();
    const one: Par876FieldDefinition = {
      max: 10,
      children: [
        { id: '1.1', max: 1, rule: { kind: 'yes-no' } },
        { id: '1.2', max: 9, rule: { kind: 'manual' } },
      ],
    };
    const r = issuesOf(() => buildPar876ProvincialRuleSet({ fields: { ...def.fields, '1': one } }));
    expect(r.paths).toEqual(['definition.fields']);
    expect(r.messages[0]).toBe("the fields' maxima add up to 101, not to the 100 points of QĐ 876/QĐ-BNV.");
  });

  it('a field whose children do not add up to its max', () => {
    const def = definition();
    const r = issuesOf(() =>
      buildPar876ProvincialRuleSet({ fields: { ...def.fields, '2': { ...def.fields['2'], max: 10 } } }),
    );
    // The field's max is the caller's, so the path names it; the sum of fields is then 101.
    expect(r.paths).toEqual(['definition.fields.2.max', 'definition.fields']);
  });

  it('survey leaves must add up to exactly 32 points', () => {
    const def = definition();
    // Same maxima, but 8.2.2 (12 points) assessed by self instead of the survey: survey 20.
    const eight = structuredClone(def.fields['8']);
    const survey = eight.children![1]!;
    survey.children![1] = { ...survey.children![1]!, assessor: 'self' };
    const r = issuesOf(() => buildPar876ProvincialRuleSet({ fields: { ...def.fields, '8': eight } }));
    expect(r.paths).toEqual(['definition.fields']);
    expect(r.messages[0]).toContain('add up to 20 points, not to the 32 points');
    // A default assessor of "survey" for every node gives 100 survey points.
    const all = issuesOf(() => buildPar876ProvincialRuleSet({ ...def, assessor: 'survey' }));
    expect(all.messages.filter((m) => m.includes('not to the 32 points'))).toEqual([
      expect.stringContaining('add up to 100 points'),
    ]);
  });
});

describe('buildPar876ProvincialRuleSet: property', () => {
  it('any caller maxima adding up to 100 with 32 survey points validate; scores stay within [0, 100]', () => {
    // 8 field maxima in 0.25 steps adding up to 100, then a 32-point survey leaf placed in one field
    // whose maximum allows it (or spread over fields when none does).
    const arb = fc.record({
      weights: fc.array(fc.integer({ min: 1, max: 50 }), { minLength: 8, maxLength: 8 }),
      fraction: fc.double({ min: 0, max: 1, noNaN: true }),
    });
    fc.assert(
      fc.property(arb, ({ weights, fraction }) => {
        // Quarters: 400 in total, each field ≥ 1 quarter, proportional to the weights.
        const sumW = weights.reduce((a, b) => a + b, 0);
        const quarters = weights.map((w) => 1 + Math.floor((w * 392) / sumW));
        quarters[7]! += 400 - quarters.reduce((a, b) => a + b, 0);
        // Survey: 128 quarters taken from the fields, greedily from the last one.
        let surveyLeft = 128;
        const fields = {} as Record<ParFieldId, Par876FieldDefinition>;
        const entries: AssessmentInput['entries'] = {};
        for (let i = 7; i >= 0; i--) {
          const id = IDS[i]!;
          const q = quarters[i]!;
          const s = Math.min(surveyLeft, q);
          surveyLeft -= s;
          const children = [];
          if (q - s > 0) {
            children.push({ id: `${id}.a`, max: (q - s) / 4, rule: { kind: 'manual' as const } });
            entries[`${id}.a`] = { self: { value: Math.floor(((q - s) / 4) * fraction * 4) / 4 } };
          }
          if (s > 0) {
            children.push({
              id: `${id}.s`,
              max: s / 4,
              assessor: 'survey' as const,
              rule: { kind: 'manual' as const },
            });
            entries[`${id}.s`] = { survey: { value: s / 4 } };
          }
          fields[id] = { max: q / 4, children };
        }
        const ruleSet = buildPar876ProvincialRuleSet({ fields });
        expect(validateRuleSet(JSON.parse(JSON.stringify(ruleSet))).ok).toBe(true);
        const report = scoreUnit(
          ruleSet,
          { unit: { id: 'u' }, period: '2022', entries },
          { explanations: false },
        );
        expect(report.byAssessor.find((p) => p.assessor === 'survey')).toMatchObject({ points: 32, max: 32 });
        expect(report.total.points).toBeGreaterThanOrEqual(32);
        expect(report.total.points).toBeLessThanOrEqual(100);
      }),
      { numRuns: 60 },
    );
  });
});
