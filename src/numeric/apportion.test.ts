import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expectCchcError } from '../../test/helpers/cchcError.js';
import { deepFreeze } from '../../test/helpers/deepFreeze.js';
import { parseExact, rescale, toSteps } from '../../test/helpers/exact.js';
import { apportion } from './apportion.js';

/** Sum of numbers with at most `decimals` places, exactly, in steps of 10^-decimals. */
function exactSum(parts: readonly number[], decimals: number): bigint {
  return parts.reduce((sum, part) => sum + toSteps(part, decimals), 0n);
}

describe('apportion', () => {
  describe('reproduces published figures', () => {
    it('Thái Bình 2020: 52.006 / 9.942 / 05 → 83,94 % / 16,05 % / 0,01 %', () => {
      expect(apportion([52006, 9942, 5])).toEqual([83.94, 16.05, 0.01]);
    });

    it('Lộc Bình 6/2024: 8.535 online / 138 in person → 98,41 % / 1,59 %', () => {
      expect(apportion([8535, 138])).toEqual([98.41, 1.59]);
    });

    it('Vĩnh Phúc 8/2021: 19.255 on time / 689 overdue → 96,55 % / 3,45 %', () => {
      expect(apportion([19255, 689])).toEqual([96.55, 3.45]);
    });

    it('Đắk Song 6/2023 index: 10 provincial + 90 self-assessed points', () => {
      expect(apportion([10, 90], { decimals: 0 })).toEqual([10, 90]);
    });
  });

  describe('largest remainder, ties broken by the larger value then the earlier position', () => {
    it.each([
      // values, options, expected
      [[1, 1, 1], { decimals: 1 }, [33.4, 33.3, 33.3]],
      [[1, 1, 1], {}, [33.34, 33.33, 33.33]],
      [[1, 1, 1], { decimals: 0 }, [34, 33, 33]],
      [[2, 1, 1, 2], { decimals: 0 }, [33, 17, 17, 33]], // remainders .33 .67 .67 .33
      [[1, 2], { decimals: 0 }, [33, 67]],
      [[2, 1], { decimals: 0 }, [67, 33]],
      [[1, 1], { decimals: 0 }, [50, 50]],
      [[1, 1, 1, 1, 1, 1], { decimals: 0 }, [17, 17, 17, 17, 16, 16]],
      [[3, 3, 1], { decimals: 0 }, [43, 43, 14]], // 42.857 42.857 14.286
      [[1, 7], { decimals: 1 }, [12.5, 87.5]], // exact: no remainder
      [[5, 0, 5], { decimals: 0 }, [50, 0, 50]],
      [[0, 7], {}, [0, 100]],
      [[42], {}, [100]],
      [['0.5', '1.5'], {}, [25, 75]],
      [[1, 2], { total: 1, decimals: 3 }, [0.333, 0.667]],
      [[1, 1, 1], { total: 10, decimals: 0 }, [4, 3, 3]],
      [[1, 1, 1], { total: '1', decimals: 4 }, [0.3334, 0.3333, 0.3333]],
    ])('%j %j → %j', (values, options, expected) => {
      expect(apportion(values, options as never)).toEqual(expected);
    });

    it('gives the extra step to the larger value when remainders tie', () => {
      // shares 16.5 and 33 and 50.5 with 0 decimals: .5 and .5 tie; 101 is larger than 33.
      expect(apportion([33, 66, 101], { decimals: 0 })).toEqual([16, 33, 51]);
      expect(apportion([101, 66, 33], { decimals: 0 })).toEqual([51, 33, 16]);
    });

    it('gives a part with value 0 exactly 0, even with steps left over', () => {
      expect(apportion([1, 0, 1, 0, 1], { decimals: 0 })).toEqual([34, 0, 33, 0, 33]);
    });
  });

  it('returns null when there is nothing to split', () => {
    expect(apportion([])).toBeNull();
    expect(apportion([0])).toBeNull();
    expect(apportion([0, 0, '0.000'])).toBeNull();
  });

  describe('rejects bad input', () => {
    it.each([
      ['a negative value', [1, -1], ['values', 1], 'expected a number ≥ 0, received -1.'],
      ['NaN', [Number.NaN, 1], ['values', 0], undefined],
      ['Infinity', [1, 2, Number.POSITIVE_INFINITY], ['values', 2], undefined],
      ['Vietnamese notation', ['8.673', '1,5'], ['values', 1], undefined],
      ['null inside', [1, null], ['values', 1], undefined],
      ['not an array', 5, ['values'], 'expected an array of non-negative numbers.'],
      ['an object', { a: 1 }, ['values'], 'expected an array of non-negative numbers.'],
      ['undefined', undefined, ['values'], 'expected an array of non-negative numbers.'],
    ])('values: %s', (_what, values, path, message) => {
      const error = expectCchcError(() => apportion(values as never), 'INVALID_INPUT', path);
      if (message !== undefined) expect(error.issues[0]?.message).toBe(message);
    });

    it('lists every bad value at once', () => {
      const error = expectCchcError(() => apportion([-1, 2, 'x', -3]), 'INVALID_INPUT', ['values', 0]);
      expect(error.issues.map((issue) => issue.path)).toEqual([
        ['values', 0],
        ['values', 2],
        ['values', 3],
      ]);
    });

    it.each([
      ['decimals above 20', { decimals: 21 }, ['options', 'decimals']],
      ['negative decimals', { decimals: -1 }, ['options', 'decimals']],
      ['fractional decimals', { decimals: 0.5 }, ['options', 'decimals']],
      ['a negative total', { total: -100 }, ['options', 'total']],
      ['a text total', { total: 'cent' }, ['options', 'total']],
      ['an unknown key', { decimal: 1 }, ['options']],
      ['null options', null, ['options']],
    ])('options: %s', (_what, options, path) => {
      expectCchcError(() => apportion([1, 2], options as never), 'INVALID_INPUT', path);
    });
  });

  describe('laws', () => {
    // Counts and quantities with up to 3 decimals, some zeros, some equal values.
    const value = fc.oneof(
      fc.constant(0),
      fc.integer({ min: 0, max: 1_000_000 }),
      fc.integer({ min: 0, max: 10_000_000 }).map((n) => n / 1000),
      fc.constantFrom(1, 2, 5),
    );
    const values = fc.array(value, { minLength: 1, maxLength: 12 });
    const decimals = fc.integer({ min: 0, max: 4 });
    const total = fc.oneof(fc.constant(100), fc.constant(1), fc.integer({ min: 0, max: 10_000 }));

    it('parts add up to exactly the total, in decimal', () => {
      fc.assert(
        fc.property(values, decimals, total, (vs, d, t) => {
          const parts = apportion(vs, { decimals: d, total: t });
          if (vs.every((v) => v === 0)) {
            expect(parts).toBeNull();
            return;
          }
          expect(parts).toHaveLength(vs.length);
          expect(exactSum(parts!, d)).toBe(toSteps(t, d));
        }),
      );
    });

    it('each part is its exact share rounded down or up by one step; zero values get 0', () => {
      fc.assert(
        fc.property(values, decimals, total, (vs, d, t) => {
          const parts = apportion(vs, { decimals: d, total: t });
          if (parts === null) return;
          const exact = vs.map((v) => parseExact(v));
          const scale = Math.max(...exact.map((e) => e.scale));
          const scaled = exact.map((e) => rescale(e, scale));
          const sum = scaled.reduce((a, b) => a + b, 0n);
          const target = BigInt(t) * 10n ** BigInt(d); // total in steps
          parts.forEach((part, i) => {
            const steps = toSteps(part, d);
            // exact share in steps = scaled[i] × target ÷ sum; part must be its floor or floor + 1.
            const floor = (scaled[i]! * target) / sum;
            expect(steps === floor || steps === floor + 1n, `part ${i}: ${part}`).toBe(true);
            if (scaled[i] === 0n) expect(part).toBe(0);
          });
        }),
      );
    });

    it('does not depend on the order of the values (up to which of equal values gets a step)', () => {
      fc.assert(
        fc.property(
          values.chain((vs) => fc.tuple(fc.constant(vs), fc.shuffledSubarray(vs, { minLength: vs.length }))),
          decimals,
          ([vs, shuffled], d) => {
            const pairs = (xs: number[]) => {
              const parts = apportion(xs, { decimals: d });
              return parts === null ? null : xs.map((x, i) => `${x}→${parts[i]}`).sort();
            };
            expect(pairs(shuffled)).toEqual(pairs(vs));
          },
        ),
      );
    });

    it('moves parts with their values when all values differ', () => {
      fc.assert(
        fc.property(fc.uniqueArray(value, { minLength: 1, maxLength: 8 }), decimals, (vs, d) => {
          const parts = apportion(vs, { decimals: d });
          const reversed = apportion([...vs].reverse(), { decimals: d });
          expect(reversed).toEqual(parts === null ? null : [...parts].reverse());
        }),
      );
    });

    it('does not mutate its input', () => {
      fc.assert(
        fc.property(values, decimals, (vs, d) => {
          const frozen = deepFreeze([...vs]);
          const options = deepFreeze({ decimals: d });
          apportion(frozen, options);
          expect(frozen).toEqual(vs);
        }),
      );
    });
  });
});
