import { describe, expect, it } from 'vitest';
import {
  LOC_BINH_2024_CONSTRUCTED,
  LOC_BINH_2024_TOTALS,
} from '../../test/fixtures/procedures/locBinh2024.js';
import { expectCchcError } from '../../test/helpers/cchcError.js';
import { deepFreeze } from '../../test/helpers/deepFreeze.js';
import { timeReduction } from '../procedures/timeReduction.js';
import { writeReductionReport } from './writeReductionReport.js';

const LOC_BINH_VI =
  'Tổng số TTHC được thực hiện rà soát: 07 TTHC; tổng thời gian giải quyết trước rà soát: 91,5 ngày, sau rà soát: 63 ngày; thời gian cắt giảm: 28,5 ngày. Tỷ lệ cắt giảm: 31,1%.';
const LOC_BINH_EN =
  'Procedures reviewed: 7; total processing time before the review: 91.5 working days, after: 63 working days; time cut: 28.5 working days. Reduction rate: 31.1%.';

describe('writeReductionReport', () => {
  const totals = { count: 7, before: 91.5, after: 63 };
  const list = LOC_BINH_2024_CONSTRUCTED;

  it.each([
    // Lộc Bình (Lạng Sơn), 6 months 2024, as totals, as the 7 procedures, and as their result.
    ['totals', totals, undefined, LOC_BINH_VI],
    ['the procedures', list, undefined, LOC_BINH_VI],
    ['the result', timeReduction(list), undefined, LOC_BINH_VI],
    ['totals as strings', { count: '7', before: '91.5', after: '63' }, undefined, LOC_BINH_VI],
    ['totals in English', totals, { lang: 'en' }, LOC_BINH_EN],
    ['the procedures in English', list, { lang: 'en' }, LOC_BINH_EN],
  ] as const)('Lộc Bình 2024 from %s', (_what, input, options, expected) => {
    expect(writeReductionReport(input as never, options)).toBe(expected);
  });

  it('quotes the published figures of Lộc Bình', () => {
    const text = writeReductionReport(totals);
    expect(text.startsWith(`Tổng số TTHC được thực hiện rà soát: 07 TTHC;`)).toBe(true);
    expect(text).toContain(`Tỷ lệ cắt giảm: ${LOC_BINH_2024_TOTALS.shownRate}`);
    expect(text).toContain('28,5 ngày');
  });

  it.each([
    // input, options, expected
    [totals, { decimals: 2 }, 'Tỷ lệ cắt giảm: 31,15%.'],
    [totals, { decimals: 0 }, 'Tỷ lệ cắt giảm: 31%.'],
    [{ count: 1, before: 3, after: 2 }, { decimals: 0 }, 'Tỷ lệ cắt giảm: 33%.'], // Bắc Ninh 3 → 2 days
    [{ count: 1, before: 20, after: 5 }, { decimals: 0 }, 'Tỷ lệ cắt giảm: 75%.'], // Bắc Ninh 20 → 5 days
    [{ count: 1, before: 20, after: 5 }, undefined, 'Tỷ lệ cắt giảm: 75,0%.'],
    [{ count: 1, before: '10.125', after: 5 }, { timeDecimals: 1 }, 'trước rà soát: 10,1 ngày'],
    [{ count: 1, before: '10.125', after: 5 }, undefined, 'trước rà soát: 10,125 ngày'],
    [
      { count: 12, before: 48, after: 36, unit: 'hours' },
      undefined,
      '12 TTHC; tổng thời gian giải quyết trước rà soát: 48 giờ',
    ],
    [{ count: 1, before: 2, after: 1, unit: 'months' }, { lang: 'en' }, 'time cut: 1 month.'],
    [
      { count: 1, before: 2, after: 1, unit: 'days' },
      { lang: 'en' },
      'before the review: 2 days, after: 1 day;',
    ],
  ] as const)('%j with %j contains %j', (input, options, expected) => {
    expect(writeReductionReport(input as never, options as never)).toContain(expected);
  });

  it('pools or averages the rates of a list (Bắc Ninh 20 → 5, 3 → 2)', () => {
    const bacNinh = [
      { before: 20, after: 5 },
      { before: 3, after: 2 },
    ];
    expect(writeReductionReport(bacNinh, { decimals: 2 })).toContain('Tỷ lệ cắt giảm: 69,57%.');
    expect(writeReductionReport(bacNinh, { decimals: 2, method: 'mean' })).toContain(
      'Tỷ lệ cắt giảm bình quân: 54,17%.',
    );
    expect(writeReductionReport(timeReduction(bacNinh, { method: 'mean' }), { lang: 'en' })).toContain(
      'Mean reduction rate: 54.2%.',
    );
  });

  it('writes a time that grew as an increase, never as a negative cut', () => {
    expect(writeReductionReport({ before: 5, after: 6 })).toBe(
      'Tổng số TTHC được thực hiện rà soát: 01 TTHC; tổng thời gian giải quyết trước rà soát: 5 ngày, sau rà soát: 6 ngày; thời gian tăng thêm: 1 ngày. Tỷ lệ tăng: 20,0%. Có 01 TTHC có thời gian giải quyết tăng sau rà soát.',
    );
    expect(writeReductionReport({ count: 2, before: 5, after: 6 }, { lang: 'en' })).toBe(
      'Procedures reviewed: 2; total processing time before the review: 5 working days, after: 6 working days; time added: 1 working day. Increase rate: 20.0%.',
    );
    expect(writeReductionReport({ count: 2, before: 5, after: 6 })).not.toMatch(/-/);
  });

  it('says "không phát sinh" / "none arose" for a zero denominator, never a dash', () => {
    expect(writeReductionReport({ before: 0, after: 0 })).toContain('Tỷ lệ cắt giảm: không phát sinh.');
    expect(writeReductionReport({ count: 3, before: 0, after: 0 }, { lang: 'en' })).toContain(
      'Reduction rate: none arose.',
    );
    expect(writeReductionReport([])).toBe(
      'Không phát sinh TTHC được rà soát, cắt giảm thời gian giải quyết.',
    );
    expect(writeReductionReport({ count: 0, before: 0, after: 0 }, { lang: 'en' })).toBe(
      'No procedures were reviewed for a cut in processing time.',
    );
    for (const text of [writeReductionReport({ before: 0, after: 0 }), writeReductionReport([])]) {
      expect(text).not.toContain('—');
    }
  });

  it('does not mutate its input or options', () => {
    const input = deepFreeze(structuredClone([...list]));
    const options = deepFreeze({ lang: 'vi' as const, decimals: 1 });
    expect(writeReductionReport(input, options)).toBe(LOC_BINH_VI);
    const result = deepFreeze(timeReduction(list));
    expect(writeReductionReport(result)).toBe(LOC_BINH_VI);
  });

  it.each([
    [
      'a negative time in totals',
      { count: 7, before: -1, after: 63 },
      undefined,
      'INVALID_INPUT',
      ['input', 'before'],
    ],
    [
      'a fractional count',
      { count: 7.5, before: 91.5, after: 63 },
      undefined,
      'INVALID_INPUT',
      ['input', 'count'],
    ],
    [
      'an unknown key in totals',
      { count: 7, before: 91.5, after: 63, x: 1 },
      undefined,
      'INVALID_INPUT',
      ['input'],
    ],
    [
      'NaN in a procedure',
      [{ before: Number.NaN, after: 1 }],
      undefined,
      'INVALID_INPUT',
      ['input', 0, 'before'],
    ],
    [
      'a string that is not a number',
      { before: '91,5', after: 63 },
      undefined,
      'INVALID_INPUT',
      ['input', 'before'],
    ],
    ['null', null, undefined, 'INVALID_INPUT', ['input']],
    [
      'a malformed result',
      { ...timeReduction(list), rate: 'abc' },
      undefined,
      'INVALID_INPUT',
      ['input', 'rate'],
    ],
    ['an unknown language', totals, { lang: 'fr' }, 'INVALID_OPTIONS', ['options', 'lang']],
    ['too many decimals', totals, { decimals: 21 }, 'INVALID_OPTIONS', ['options', 'decimals']],
    ['an unknown option', totals, { locale: 'en' }, 'INVALID_OPTIONS', ['options']],
    ['method with totals', totals, { method: 'mean' }, 'INVALID_OPTIONS', ['options', 'method']],
    [
      'method with a result',
      timeReduction(list),
      { method: 'pooled' },
      'INVALID_OPTIONS',
      ['options', 'method'],
    ],
  ] as const)('rejects %s', (_what, input, options, code, path) => {
    const error = expectCchcError(() => writeReductionReport(input as never, options as never), code, path);
    expect(error.issues[0]?.path).toEqual(path);
    expect(error.issues[0]?.message).toMatch(/^[a-z"].*\.$/);
  });
});
