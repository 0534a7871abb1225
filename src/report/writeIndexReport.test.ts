import { describe, expect, it } from 'vitest';
import example from '../../test/fixtures/rules/example-district.json' with { type: 'json' };
import { expectCchcError } from '../../test/helpers/cchcError.js';
import { deepFreeze } from '../../test/helpers/deepFreeze.js';
import { defineRuleSet } from '../rules/defineRuleSet.js';
import type { AssessmentInput } from '../scoring/Assessment.js';
import { scoreUnit } from '../scoring/scoreUnit.js';
import { writeIndexReport } from './writeIndexReport.js';

// The golden case of scoreUnit.test.ts (checked by hand there): 84,5/100, Tốt.
const golden = scoreUnit(defineRuleSet(example), {
  unit: { id: 'u1', name: 'Huyện A', level: 'huyen' },
  period: '2025',
  ruleSet: { id: 'example-district-2025', version: '1' },
  data: {
    plan: { done: 41, total: 57 },
    dossiers: { received: { online: 8535, inPerson: 138 }, resolved: { early: 8000, onTime: 600, late: 73 } },
    procedures: [{ before: 91.5, after: 63 }],
  },
  entries: {
    '1.1': { self: { value: 'kip-thoi' }, 'appraisal-1': { value: 'khong-kip-thoi' } },
    '1.3': { self: { value: true } },
    '1.4': { self: { value: 5.5 }, 'appraisal-1': { value: 5 }, 'appraisal-2': { value: 5.25 } },
    '2.4': { self: { value: 60 } },
    '9': { superior: { value: 8.5 } },
    B1: { superior: { value: 3 } },
    T1: { superior: { value: 2 } },
  },
});

// Đắk Song (Đắk Nông), 6 months 2023: 90 self-assessed points (61 so far) + 10 by the province, pending.
const dakSongRules = defineRuleSet({
  id: 'dak-song',
  version: '1',
  legalBasis: 'illustrative',
  level: 'huyen',
  total: 100,
  bands: [
    { label: 'Tốt', minPercent: 80 },
    { label: 'Khá', minPercent: 60 },
    { label: 'Yếu', minPercent: 0 },
  ],
  children: [
    {
      id: '1',
      name: 'Các tiêu chí tự đánh giá',
      max: 90,
      assessor: 'self',
      rule: { kind: 'manual', step: 0.25 },
    },
    {
      id: '2',
      name: 'UBND tỉnh đánh giá',
      max: 10,
      assessor: 'superior',
      rule: { kind: 'manual', step: 0.25 },
    },
  ],
});
const score = (entries: AssessmentInput['entries']) =>
  scoreUnit(dakSongRules, {
    unit: { id: 'dak-song', name: 'Huyện Đắk Song' },
    period: '6 tháng 2023',
    entries,
  });
const dakSong = score({ '1': { self: { value: 61 } } });

describe('writeIndexReport', () => {
  it.each([
    [
      'the golden district case',
      golden,
      undefined,
      'Kết quả Chỉ số CCHC kỳ 2025 của Huyện A: tổng điểm đạt 84,5/100 điểm, Chỉ số CCHC đạt 84,5%, xếp loại Tốt. Điểm các tiêu chí: 83 điểm; điểm thưởng: 2 điểm (đạt mức tối đa); điểm trừ: 0,5 điểm. Trong đó: tự đánh giá 74,5/90 điểm (82,78%); cấp trên đánh giá 8,5/10 điểm (85%). Các lĩnh vực mất nhiều điểm nhất: Cải cách thủ tục hành chính (mất 13,25/80 điểm); Công tác chỉ đạo, điều hành CCHC (mất 2,25/10 điểm); Đánh giá của UBND tỉnh (mất 1,5/10 điểm).',
    ],
    [
      'the golden district case in English',
      golden,
      { lang: 'en', topFields: 1 },
      'Administrative reform index of Huyện A, period 2025: 84.5/100 points, index 84.5%, band Tốt. Criteria points: 83; bonus: 2 (capped); deductions: 0.5. By assessor: self-assessed 74.5/90 points (82.78%); assessed by the superior level 8.5/10 points (85%). Fields losing the most points: Cải cách thủ tục hành chính (13.25 of 80 points lost).',
    ],
    [
      'Đắk Song 6/2023, the province still to score',
      dakSong,
      undefined,
      'Kết quả Chỉ số CCHC kỳ 6 tháng 2023 của Huyện Đắk Song: tổng điểm đạt 61/100 điểm, Chỉ số CCHC đạt 61%, xếp loại Khá (tạm tính); còn 10 điểm chưa chấm. Trong đó: tự đánh giá 61/90 điểm (67,78%); cấp trên đánh giá: chưa chấm (10 điểm). Các lĩnh vực mất nhiều điểm nhất: Các tiêu chí tự đánh giá (mất 29/90 điểm).',
    ],
    [
      'Đắk Song 6/2023 in English',
      dakSong,
      { lang: 'en', topFields: 0 },
      'Administrative reform index of Huyện Đắk Song, period 6 tháng 2023: 61/100 points, index 61%, band Khá (provisional); 10 points not yet scored. By assessor: self-assessed 61/90 points (67.78%); assessed by the superior level: not yet scored (10 points).',
    ],
  ] as const)('%s', (_what, report, options, expected) => {
    expect(writeIndexReport(report, options)).toBe(expected);
  });

  it('rounds percentages with decimals and points with pointDecimals', () => {
    const report = score({ '1': { self: { value: 61.25 } }, '2': { superior: { value: 8.5 } } });
    expect(writeIndexReport(report)).toContain('tổng điểm đạt 69,75/100 điểm, Chỉ số CCHC đạt 69,75%');
    expect(writeIndexReport(report, { decimals: 1, pointDecimals: 1 })).toContain(
      'tổng điểm đạt 69,8/100 điểm, Chỉ số CCHC đạt 69,8%',
    );
    expect(writeIndexReport(report, { decimals: 1 })).toContain('tự đánh giá 61,25/90 điểm (68,1%)');
  });

  it('says when nothing was lost and when points did not arise', () => {
    expect(writeIndexReport(score({ '1': { self: { value: 90 } }, '2': { superior: { value: 10 } } }))).toBe(
      'Kết quả Chỉ số CCHC kỳ 6 tháng 2023 của Huyện Đắk Song: tổng điểm đạt 100/100 điểm, Chỉ số CCHC đạt 100%, xếp loại Tốt. Trong đó: tự đánh giá 90/90 điểm (100%); cấp trên đánh giá 10/10 điểm (100%). Không có lĩnh vực nào bị mất điểm.',
    );
    expect(
      writeIndexReport(score({ '1': { self: { notApplicable: true } }, '2': { superior: { value: 9 } } })),
    ).toBe(
      'Kết quả Chỉ số CCHC kỳ 6 tháng 2023 của Huyện Đắk Song: tổng điểm đạt 9/10 điểm (không tính 90 điểm không phát sinh), Chỉ số CCHC đạt 90%, xếp loại Tốt. Trong đó: tự đánh giá: không phát sinh; cấp trên đánh giá 9/10 điểm (90%). Các lĩnh vực mất nhiều điểm nhất: UBND tỉnh đánh giá (mất 1/10 điểm).',
    );
    const none = writeIndexReport(
      score({ '1': { self: { notApplicable: true } }, '2': { superior: { notApplicable: true } } }),
      { lang: 'en' },
    );
    expect(none).toContain('index: none arose');
    expect(none).not.toContain('—');
  });

  it('adds the lost points of a field exactly, largest loss first', () => {
    // Field 2 of the golden case: 2.1 loses 0,25 and 2.4 loses 13 → 13,25.
    const field2 = golden.lostPoints.filter((l) => l.id.startsWith('2.')).map((l) => l.lost);
    expect(field2.sort()).toEqual([0.25, 13]);
    expect(writeIndexReport(golden, { topFields: 10 })).toMatch(
      /\(mất 13,25\/80 điểm\); .*\(mất 2,25\/10 điểm\); .*\(mất 1,5\/10 điểm\)\.$/,
    );
  });

  it('does not mutate the report', () => {
    const report = deepFreeze(structuredClone(golden));
    expect(writeIndexReport(report)).toBe(writeIndexReport(golden));
  });

  it.each([
    ['not a report', {}, undefined, 'INVALID_INPUT', ['report', 'unit']],
    [
      'a report with NaN points',
      { ...golden, total: { ...golden.total, points: Number.NaN } },
      undefined,
      'INVALID_INPUT',
      ['report', 'total', 'points'],
    ],
    ['an unknown language', golden, { lang: 'fr' }, 'INVALID_OPTIONS', ['options', 'lang']],
    ['a fractional topFields', golden, { topFields: 1.5 }, 'INVALID_OPTIONS', ['options', 'topFields']],
    ['an unknown option', golden, { top: 3 }, 'INVALID_OPTIONS', ['options']],
  ] as const)('rejects %s', (_what, report, options, code, path) => {
    const error = expectCchcError(() => writeIndexReport(report as never, options as never), code, path);
    expect(error.issues[0]?.path).toEqual(path);
  });
});
