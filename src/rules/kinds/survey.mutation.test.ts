import { describe, expect, it } from 'vitest';
import { ruleProblems, scoreLeaf } from '../../../test/fixtures/rules/oneLeaf.js';
import { SURVEY_STAGE, YEN_BAI_SURVEY } from '../../../test/fixtures/rules/yenBaiSurvey.js';
import { toDec } from '../../numeric/decimal.js';
import { checkSurveyValue, compileSurvey } from './survey.js';

// Cases for mutants of src/rules/kinds/survey.ts that survived the mutation run (docs/mutation.md):
// the rule checks of validateRuleSet on options whose id or weight the schema already rejects, the
// value check on shapes the assessment schema already rejects (an index beside other keys, an index
// that is not a number, a misspelt "counts"), and the percentage of the sentences, shown with its
// decimals.

const RULE = YEN_BAI_SURVEY;
const S = SURVEY_STAGE;
const COMPILED = compileSurvey(RULE as never, { max: toDec(15), maxScaled: 15, display: 'number' });
const EITHER = 'expected { counts: { <option id>: <count> } } or { index: <ratio> }.';
const INDEX = 'expected "index" as a ratio from 0 to 1 (e.g. 0.8394).';

describe('validateRuleSet on survey options the schema already rejects', () => {
  it('two options without an id are two missing ids, not a duplicate', () => {
    expect(ruleProblems({ kind: 'survey', options: [{ weight: 100 }, { weight: 60 }] }, 1, S)).toStrictEqual([
      'children.0.rule.options.0.id: is required: expected a string.',
      'children.0.rule.options.1.id: is required: expected a string.',
    ]);
  });

  it.each([
    [
      'missing',
      { id: 'B' },
      'expected a finite number or a numeric string such as "91.5", received nothing.',
    ],
    [
      'written in words',
      { id: 'B', weight: 'sáu mươi' },
      'expected a number or a numeric string in JS notation such as "91.5", received "sáu mươi"; use parseNumber for Vietnamese notation like "91,5".',
    ],
  ])('a weight %s gives the schema issue only', (_, option, message) => {
    expect(ruleProblems({ kind: 'survey', options: [{ id: 'A', weight: 100 }, option] }, 1, S)).toStrictEqual(
      [`children.0.rule.options.1.weight: ${message}`],
    );
  });
});

describe('checkSurveyValue on shapes the assessment schema already rejects', () => {
  it.each([
    ['an index beside counts', { index: 0.8394, counts: { A: 1 } }, EITHER],
    ['an index beside a note', { index: 0.8394, note: 'phiếu giấy' }, EITHER],
    ['a misspelt "counts"', { count: { A: 120, B: 30 } }, EITHER],
    ['an index that is text', { index: 'tám mươi' }, INDEX],
    ['an index of null', { index: null }, INDEX],
    ['an index beyond a double', { index: '1e999' }, INDEX],
  ])('%s: %o is rejected', (_, value, message) => {
    expect(checkSurveyValue(value, COMPILED)).toBe(message);
  });

  it('an index alone, and counts alone, are accepted', () => {
    expect(checkSurveyValue({ index: 0.8394 }, COMPILED)).toBeNull();
    expect(checkSurveyValue({ counts: { A: 120, B: 30 } }, COMPILED)).toBeNull();
  });
});

describe('survey sentences show the index with its percentage decimals', () => {
  it('an index of 0,85 reads 85,00 %', () => {
    expect(scoreLeaf(RULE, 15, { index: 0.85 }, S).explanation).toStrictEqual({
      vi: 'Chỉ số khảo sát 85,00 %: 12,75/15 điểm',
      en: 'Survey index 85.00%: 12.75/15 points',
    });
  });

  it('170 very satisfied and 30 satisfied answers weigh 94,00 %', () => {
    expect(scoreLeaf(RULE, 15, { counts: { A: 170, B: 30 } }, S).explanation).toStrictEqual({
      vi: '200 phiếu, chỉ số hài lòng 94,00 %: 14,1/15 điểm',
      en: '200 answers, weighted index 94.00%: 14.1/15 points',
    });
  });
});
