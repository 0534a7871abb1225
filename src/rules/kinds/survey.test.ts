import { describe, expect, it } from 'vitest';
import {
  ruleProblems,
  ruleWarnings,
  scoreLeaf,
  valueProblems,
} from '../../../test/fixtures/rules/oneLeaf.js';
import { SURVEY_STAGE, YEN_BAI_SURVEY } from '../../../test/fixtures/rules/yenBaiSurvey.js';
import { toDec } from '../../numeric/decimal.js';
import { checkSurveyValue, compileSurvey } from './survey.js';

const RULE = YEN_BAI_SURVEY;
const S = SURVEY_STAGE;

describe('survey', () => {
  it.each([
    [{ index: 1 }, 15], // the upper bound of an index
    [{ index: 0 }, 0], // the lower bound
    [{ index: '0.8394' }, 12.591],
    [{ counts: { A: 1 } }, 15], // all answers weigh 100 %
    [{ counts: { D: 5 } }, 0], // all weigh 0 %
    [{ counts: { A: '50', B: 30, C: 20 } }, 10.8],
  ])('%o gives %s of 15', (v, p) => {
    expect(scoreLeaf(RULE, 15, v, S)).toMatchObject({ points: p, status: 'scored' });
  });
  it('rounds half-up when the rule says so', () => {
    expect(scoreLeaf({ ...RULE, roundPoints: 2 }, 15, { index: 0.8394 }, S).points).toBe(12.59);
    expect(scoreLeaf({ ...RULE, roundPoints: 1 }, 15, { counts: { A: 1, B: 1 } }, S).points).toBe(12); // 12.0
    expect(scoreLeaf({ ...RULE, roundPoints: 0 }, 1, { index: 0.5 }, S).points).toBe(1); // 0.5 → 1
  });
  it('explains an index and weighted answers, in vi and en', () => {
    expect(scoreLeaf(RULE, 15, { index: 0.8394 }, S).explanation).toEqual({
      vi: 'Chỉ số khảo sát 83,94 %: 12,59/15 điểm',
      en: 'Survey index 83.94%: 12.59/15 points',
    });
    expect(scoreLeaf(RULE, 15, { counts: { A: 600, B: 300, C: 100, D: 200 } }, S)).toMatchObject({
      reason: 'SURVEY_WEIGHTED',
      measured: 0.6666666666666666,
      explanation: {
        vi: '1.200 phiếu, chỉ số hài lòng 66,67 %: 10/15 điểm',
        en: '1,200 answers, weighted index 66.67%: 10/15 points',
      },
    });
  });
  it('no answers: not applicable, explained or not', () => {
    expect(scoreLeaf(RULE, 15, { counts: { A: 0 } }, S)).toMatchObject({
      status: 'not-applicable',
      reason: 'NO_VALUE',
      explanation: { vi: 'Không có phiếu khảo sát nào', en: 'No survey answers' },
    });
    expect(scoreLeaf(RULE, 15, { counts: {} }, { ...S, explanations: false })).not.toHaveProperty(
      'explanation',
    );
    expect(scoreLeaf(RULE, 15, { index: 0.5 }, { ...S, explanations: false })).not.toHaveProperty(
      'explanation',
    );
  });
  it('a rule without options takes only an index', () => {
    expect(scoreLeaf({ kind: 'survey' }, 10, { index: 0.5 }, S)).toMatchObject({
      points: 5,
      reason: 'SURVEY_INDEX',
    });
    expect(valueProblems({ kind: 'survey' }, 10, { counts: { A: 1 } }, S)).toEqual([
      'entries.L.survey.value: expected { index: <ratio> } (this survey rule lists no answer options). (rule "survey")',
    ]);
  });
  it.each([
    [{ index: 1.0001 }, 'expected "index" as a ratio from 0 to 1 (e.g. 0.8394).'], // just above the bound
    [{ index: -0.0001 }, 'expected "index" as a ratio from 0 to 1 (e.g. 0.8394).'],
    [{ counts: { E: 1 } }, 'unknown answer option "E": expected one of "A", "B", "C", "D".'],
    [{ counts: { A: 1.5 } }, 'expected the count of answer "A" as a whole number ≥ 0.'],
  ])('rejects %o', (v, message) => {
    expect(valueProblems(RULE, 15, v, S)).toEqual([`entries.L.survey.value: ${message} (rule "survey")`]);
  });
  it('shapes the assessment schema already rejects get our own message too', () => {
    const c = compileSurvey(RULE as never, { max: toDec(15), maxScaled: 15, display: 'number' });
    expect(checkSurveyValue(5, c)).toBe(
      'expected { counts: { <option id>: <count> } } or { index: <ratio> }.',
    );
    expect(checkSurveyValue({ counts: { A: 1 }, index: 0.5 }, c)).toBe(
      'expected { counts: { <option id>: <count> } } or { index: <ratio> }.',
    );
    expect(checkSurveyValue({ counts: 5 }, c)).toBe(
      'expected "counts" as an object of answer option id → count.',
    );
    expect(checkSurveyValue({ counts: { A: 2 } }, c)).toBeNull();
  });
});

describe('validateRuleSet on survey', () => {
  it('unique answer ids and weights up to 100 %', () => {
    expect(
      ruleProblems(
        {
          kind: 'survey',
          options: [
            { id: 'A', weight: 100 },
            { id: 'A', weight: 100.5 },
          ],
        },
        1,
        S,
      ),
    ).toEqual([
      'children.0.rule.options.1.id: duplicate answer option id "A".',
      'children.0.rule.options.1.weight: expected a weight from 0 to 100 (%), received 100.5.',
    ]);
  });
  it('malformed options give the schema issue only', () => {
    expect(ruleProblems({ kind: 'survey', options: [null, { id: 1, weight: 1 }] }, 1, S)).toEqual([
      expect.stringMatching(/^children\.0\.rule\.options\.0: /),
      expect.stringMatching(/^children\.0\.rule\.options\.1\.id: /),
    ]);
  });
  it('warns when a survey leaf is not assessed by survey', () => {
    expect(ruleWarnings({ kind: 'survey' }, 1, { assessor: 'superior' })).toEqual([
      'children.0.rule: a survey rule on a node assessed by "superior": expected assessor "survey".',
    ]);
    expect(ruleWarnings({ kind: 'survey' }, 1, S)).toEqual([]);
  });
});
