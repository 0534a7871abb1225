import DecimalJs from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { Dec, divOrNull, JS_DECIMAL, rateOrNull, roundHalfUp, toDec, toNum, ZERO } from './decimal.js';
import { percent } from './percent.js';
import { ratio } from './ratio.js';

describe('the private Decimal clone', () => {
  it('rounds half-up with 40 significant digits', () => {
    expect(Dec.precision).toBe(40);
    expect(Dec.rounding).toBe(DecimalJs.ROUND_HALF_UP);
    expect(new Dec(2).div(3).toString()).toBe('0.6666666666666666666666666666666666666667');
  });

  it('is not changed by Decimal.set on the global constructor, nor changes it', () => {
    const saved = { precision: DecimalJs.precision, rounding: DecimalJs.rounding };
    try {
      DecimalJs.set({ precision: 3, rounding: DecimalJs.ROUND_DOWN });
      expect(ratio(28.5, 91.5)).toBe(0.3114754098360656);
      expect(percent(0.0125, { decimals: 1 })).toBe(1.3);
      expect(Dec.precision).toBe(40);
    } finally {
      DecimalJs.set(saved);
    }
    expect(DecimalJs.precision).toBe(saved.precision);
  });

  it('toDec reads a number through its shortest text: 0.1 is exactly 0.1', () => {
    expect(toDec(0.1).toString()).toBe('0.1');
    expect(toDec('91.5').toString()).toBe('91.5');
    const d = new Dec(7);
    expect(toDec(d)).toBe(d);
  });

  it('toNum gives the nearest double and turns -0 into 0', () => {
    expect(toNum(new Dec('0.1'))).toBe(0.1);
    expect(Object.is(toNum(new Dec('-0')), 0)).toBe(true);
    expect(Object.is(toNum(new Dec('-1e-400')), 0)).toBe(true);
  });

  it('divOrNull and rateOrNull return null on a zero denominator', () => {
    expect(divOrNull(new Dec(1), ZERO)).toBeNull();
    expect(divOrNull(new Dec(1), new Dec(4))?.toString()).toBe('0.25');
    expect(rateOrNull(new Dec(28.5), new Dec(91.5))).toBe(0.3114754098360656);
    expect(rateOrNull(ZERO, ZERO)).toBeNull();
  });

  it.each([
    ['0.125', 2, '0.13'],
    ['0.135', 2, '0.14'],
    ['-0.125', 2, '-0.13'],
    ['1.005', 2, '1.01'],
    ['2.5', 0, '3'],
    ['-2.5', 0, '-3'],
    ['0.124999999', 2, '0.12'],
  ])('roundHalfUp(%s, %i) = %s', (value, decimals, expected) => {
    expect(roundHalfUp(new Dec(value), decimals).toString()).toBe(expected);
  });

  it.each([
    ['91.5', true],
    ['-1e-7', true],
    ['.5', true],
    ['5.', true],
    ['+1E+3', true],
    ['91,5', false],
    ['', false],
    ['.', false],
    ['1e', false],
    ['0x1', false],
    [' 1', false], // callers trim first
  ])('JS_DECIMAL %j → %s', (text, ok) => {
    expect(JS_DECIMAL.test(text)).toBe(ok);
  });
});
