import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { LOC_BINH_2024, THAI_BINH_2020 } from '../../test/fixtures/dossiers/worked.js';
import { expectCchcError } from '../../test/helpers/cchcError.js';
import { deepFreeze } from '../../test/helpers/deepFreeze.js';
import { channelShares } from '../dossiers/channelShares.js';
import { DossierStatsSchema } from '../dossiers/DossierStats.js';
import { dossierTotals } from '../dossiers/dossierTotals.js';
import { timeliness } from '../dossiers/timeliness.js';
import { taskCompletion } from '../plans/taskCompletion.js';
import { timeReduction } from '../procedures/timeReduction.js';
import { defineRuleSet } from '../rules/defineRuleSet.js';
import { scoreUnit } from '../scoring/scoreUnit.js';
import { describeResult } from './describeResult.js';
import { inspectable } from './inspectable.js';

const report = scoreUnit(
  defineRuleSet({
    id: 'demo',
    version: '1',
    legalBasis: 'illustrative',
    level: 'huyen',
    total: 100,
    bands: [
      { label: 'Khá', minPercent: 60 },
      { label: 'Yếu', minPercent: 0 },
    ],
    children: [
      { id: '1', max: 90, assessor: 'self', rule: { kind: 'manual', step: 0.25 } },
      { id: '2', max: 10, assessor: 'superior', rule: { kind: 'manual', step: 0.25 } },
    ],
  }),
  {
    unit: { id: 'dak-song', name: 'Huyện Đắk Song' },
    period: '2023-H1',
    entries: { '1': { self: { value: 61 } } },
  },
);

const locBinh = timeReduction([
  { before: 50, after: 30 },
  { before: 41.5, after: 33 },
]);

describe('describeResult', () => {
  it.each([
    [locBinh, 'vi', 'Cắt giảm thời gian: 02 TTHC, 91,5 → 63 ngày, giảm 28,5 ngày (31,1%)'],
    [locBinh, 'en', 'Time reduction: 2 procedures, 91.5 → 63 days, cut 28.5 (31.1%)'],
    [
      timeliness(THAI_BINH_2020.stats),
      'vi',
      'Giải quyết hồ sơ (resolved): 61.953 hồ sơ; trước hạn 83,94%, đúng hạn 16,05%, quá hạn 0,01%; trước hạn và đúng hạn 99,99%',
    ],
    [
      channelShares(LOC_BINH_2024.stats),
      'vi',
      'Kênh tiếp nhận: 8.673 hồ sơ; trực tuyến 98,41%, trực tiếp 1,59%, BCCI 0%',
    ],
    [
      channelShares(LOC_BINH_2024.stats),
      'en',
      'Channels: 8,673 dossiers; online 98.41%, in person 1.59%, by post 0%',
    ],
    [taskCompletion({ done: 41, total: 57 }), 'vi', 'Hoàn thành kế hoạch: 41/57 nhiệm vụ (71,93%)'],
    [taskCompletion({ done: 0, total: 0 }), 'vi', 'Hoàn thành kế hoạch: 0/0 nhiệm vụ (không phát sinh)'],
    [
      dossierTotals(LOC_BINH_2024.stats),
      'vi',
      'Tổng hợp hồ sơ: tiếp nhận 8.673, đã giải quyết 8.673, đang giải quyết 0, chênh lệch 0',
    ],
    [
      DossierStatsSchema.parse({ ...THAI_BINH_2020.stats, pending: { overdue: 5 } }),
      'vi',
      'Thống kê hồ sơ: tiếp nhận 0, đã giải quyết 61.953, đang giải quyết 05',
    ],
    [report, 'vi', 'Chỉ số CCHC Huyện Đắk Song kỳ 2023-H1: 61/100 điểm (61%), xếp loại Khá'],
    [report, 'en', 'Index of Huyện Đắk Song, 2023-H1: 61/100 points (61%), band Khá'],
  ] as const)('%#: %s', (value, lang, expected) => {
    expect(describeResult(value, { lang })).toBe(expected);
  });

  it.each([
    ['a plain object', { hello: 'world' }],
    ['null', null],
    ['a number', 3],
    ['an array', [locBinh]],
    ['a result with NaN', { ...locBinh, before: Number.NaN }],
    ['a result with a wrong type', { ...taskCompletion({ done: 1, total: 2 }), done: 'one' }],
    // Was 'Chỉ số CCHC [object Object] kỳ 2023-H1: …': texts are never String() of an unknown value.
    ['a report whose unit id is an object', { ...report, unit: { id: {}, name: null } }],
    ['a report whose unit id has no prototype', { ...report, unit: { id: Object.create(null), name: null } }],
    ['a report whose band label is a number', { ...report, band: { label: 7 } }],
    ['timeliness with an object basis', { ...timeliness(THAI_BINH_2020.stats), basis: {} }],
  ])('gives null for %s', (_what, value) => {
    expect(describeResult(value)).toBeNull();
  });

  it('rejects bad options', () => {
    expectCchcError(() => describeResult(locBinh, { lang: 'fr' as never }), 'INVALID_OPTIONS', [
      'options',
      'lang',
    ]);
  });
});

describe('inspectable', () => {
  it('prints the key figures first in node:util inspect', () => {
    const text = inspect(inspectable(locBinh), { colors: false });
    expect(text.split('\n')[0]).toBe('Cắt giảm thời gian: 02 TTHC, 91,5 → 63 ngày, giảm 28,5 ngày (31,1%)');
    expect(text).toContain('rate: 0.3114754098360656');
    expect(inspect(inspectable(report, { lang: 'en' }), { depth: 0 }).split('\n')[0]).toBe(
      'Index of Huyện Đắk Song, 2023-H1: 61/100 points (61%), band Khá',
    );
    expect(inspect(inspectable({ a: 1 }))).toBe('{ a: 1 }');
  });

  it('leaves JSON, keys and deep equality unchanged (the inspect method is non-enumerable)', () => {
    for (const result of [locBinh, report, taskCompletion({ done: 41, total: 57 })]) {
      const shown = inspectable(result);
      expect(shown).toStrictEqual(result);
      expect(shown).not.toBe(result);
      expect(JSON.stringify(shown)).toBe(JSON.stringify(result));
      expect(Object.keys(shown)).toEqual(Object.keys(result));
      expect(Object.getOwnPropertySymbols(shown)).toEqual([Symbol.for('nodejs.util.inspect.custom')]);
      expect(
        Object.getOwnPropertyDescriptor(shown, Symbol.for('nodejs.util.inspect.custom'))?.enumerable,
      ).toBe(false);
      expect({ ...shown }).toStrictEqual(result);
    }
    // A frozen result gives a frozen copy; the original is untouched.
    expect(Object.isFrozen(inspectable(report))).toBe(true);
    expect(Object.getOwnPropertySymbols(report)).toEqual([]);
  });

  // Fuzz counterexample: Object.assign set the copy's prototype from an own "__proto__" key, then
  // threw a TypeError on "toString", read-only in that frozen prototype.
  it('copies an own "__proto__" key as a key, never as the prototype', () => {
    const result = deepFreeze(JSON.parse('{"__proto__": {"toString": 0}, "toString": 1e-7}') as object);
    const shown = inspectable(result);
    expect(Object.getPrototypeOf(shown)).toBe(Object.prototype);
    expect(Object.keys(shown)).toEqual(['__proto__', 'toString']);
    expect(Object.getOwnPropertyDescriptor(shown, '__proto__')?.value).toEqual({ toString: 0 });
    expect(shown).toStrictEqual(result);
    expect(Object.isFrozen(shown)).toBe(true);
  });

  it('does not mutate its input', () => {
    const result = deepFreeze(structuredClone(locBinh));
    expect(inspectable(result)).toStrictEqual(locBinh);
  });

  it.each([
    ['null', null, ['result']],
    ['a number', 3, ['result']],
    ['an array', [1], ['result']],
    // Fuzz counterexamples: the copy would hand the caller NaN / Infinity as a "result".
    ['a NaN deep inside', { '': [Number.NaN] }, ['result', '', 0]],
    [
      'an edited report',
      { ...report, total: { ...report.total, points: Number.POSITIVE_INFINITY } },
      ['result', 'total', 'points'],
    ],
    [
      'NaN in a result',
      { ...taskCompletion({ done: 41, total: 57 }), withDeadline: { '': [Number.NaN] } },
      ['result', 'withDeadline', '', 0],
    ],
  ])('rejects %s', (_what, value, path) => {
    expectCchcError(() => inspectable(value as never), 'INVALID_INPUT', path);
  });

  it('says what it expected of a non-finite number, also deep and in cyclic values', () => {
    const error = expectCchcError(() => inspectable({ a: [1, { b: -Infinity }] }), 'INVALID_INPUT', [
      'result',
      'a',
      1,
      'b',
    ]);
    expect(error.issues[0]?.message).toBe(
      'expected a result of the library, whose numbers are always finite, received -Infinity.',
    );
    const cyclic: { self?: unknown; n: number } = { n: 1 };
    cyclic.self = cyclic;
    expect(inspectable(cyclic).n).toBe(1);
    let deep: unknown = Number.NaN;
    for (let i = 0; i < 50_000; i += 1) deep = { a: deep };
    const path = expectCchcError(() => inspectable(deep as object), 'INVALID_INPUT', [
      'result',
      ...Array<string>(50_000).fill('a'),
    ]);
    expect(path.issues).toHaveLength(1);
  });
});
