import { describe, expect, it } from 'vitest';
import { toDec } from '../numeric/decimal.js';
import { fmt, fmtPercent, mkNext } from './text.js';

const env = { scale: 100, pointDecimals: 2, percentDecimals: 2, explain: true };

describe('fmt', () => {
  it.each([
    [5, 2, false, '5,00', '5.00'], // a whole number, untrimmed
    [5, 2, true, '5', '5'],
    [1234567, 0, true, '1.234.567', '1,234,567'],
    [123456, 0, true, '123.456', '123,456'],
    [-1234.5, 2, false, '-1.234,50', '-1,234.50'],
    [-0.001, 2, true, '0', '0'], // rounds to zero: no minus sign
  ])('%s (%s decimals, trim %s) → %s / %s', (v, d, trim, vi, en) => {
    expect(fmt(v, d, 'vi', trim)).toBe(vi);
    expect(fmt(v, d, 'en', trim)).toBe(en);
  });
  it('percent of a ratio', () => {
    expect(fmtPercent(toDec('0.975'), env, 'vi', false)).toBe('97,50 %');
    expect(fmtPercent(0.95, env, 'en', true)).toBe('95%');
  });
});

describe('mkNext', () => {
  it('without explanations the sentences are empty', () => {
    const n = mkNext(0.9, 'more-than', { scaled: 200, dec: null }, { scaled: 100, dec: null }, 'percent', {
      ...env,
      explain: false,
    });
    expect(n).toEqual({
      value: 0.9,
      comparison: 'more-than',
      points: 2,
      gain: 1,
      explanation: { vi: '', en: '' },
    });
  });
  it('a Decimal value is reported as a number', () => {
    const n = mkNext(
      toDec('0.95'),
      'at-least',
      { scaled: 100, dec: null },
      { scaled: 75, dec: null },
      'percent',
      env,
    );
    expect(n.value).toBe(0.95);
    expect(n.explanation).toEqual({
      vi: 'Cần đạt 95 % để được thêm 0,25 điểm',
      en: 'Reach 95% to gain 0.25 points',
    });
  });
});
