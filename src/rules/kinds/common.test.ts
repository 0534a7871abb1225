import { describe, expect, it } from 'vitest';
import { toDec } from '../../numeric/decimal.js';
import { checkPointsWithinMax, decOrNull, obj } from './common.js';

describe('decOrNull', () => {
  it.each([
    [1.5, '1.5'],
    [' 2.50 ', '2.5'],
    ['-1e-3', '-0.001'],
  ])('%o is %s', (v, d) => {
    expect(decOrNull(v)?.toString()).toBe(d);
  });
  it.each([
    [Number.NaN],
    [Number.POSITIVE_INFINITY],
    ['1e9999999999999999'], // valid notation, beyond Decimal's exponent range
    ['8.535,5'],
    ['abc'],
    [''],
    [null],
    [true],
    [[1]],
  ])('%o is null', (v) => {
    expect(decOrNull(v)).toBeNull();
  });
});

describe('obj', () => {
  it('a plain object only', () => {
    const o = { a: 1 };
    expect(obj(o)).toBe(o);
    expect(obj(null)).toBeNull();
    expect(obj([1])).toBeNull();
    expect(obj('x')).toBeNull();
  });
});

describe('checkPointsWithinMax', () => {
  const run = (points: unknown, max: string | null) => {
    const out: string[] = [];
    checkPointsWithinMax(
      points,
      max === null ? null : toDec(max),
      ['p'],
      (path, m) => out.push(`${path}: ${m}`),
      'x',
    );
    return out;
  };
  it('pushes only points above the maximum', () => {
    expect(run(2, '2')).toEqual([]); // on the bound
    expect(run('2.0001', '2')).toEqual(["p: x gives 2.0001 points, more than the node's maximum 2."]);
    expect(run(3, null)).toEqual([]); // no usable maximum
    expect(run('abc', '2')).toEqual([]); // the schema reports it
  });
});
