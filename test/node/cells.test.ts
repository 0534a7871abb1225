/** Cell values of exports → library values; header matching; row problems as issues. */
import { describe, expect, it } from 'vitest';
import { CchcError } from '../../src/errors/CchcError.js';
import { cellBoolean, cellNumber, cellText, cellTimestamp, utf8Of } from '../../src/node/cells.js';
import { columnLetter, locateColumns, mergeColumns, normalizeLabel } from '../../src/node/columns.js';
import { problemIssue, rowError } from '../../src/node/RowProblem.js';

describe('cellText', () => {
  it.each([
    [null, ''],
    [undefined, ''],
    ['', ''],
    ['abc', 'abc'],
    ['  Trực tuyến ', 'Trực tuyến'],
    ['\tx', 'x'],
    ['x\t', 'x'],
    ['\u00a0Hà Nội\u00a0', 'Hà Nội'],
    ['a b', 'a b'],
    [91.5, '91.5'],
    [true, 'true'],
    [new Date(Date.UTC(2024, 2, 5)), '2024-03-05'],
    [new Date(Date.UTC(2024, 2, 5, 14, 30, 5)), '2024-03-05T14:30:05'],
    [new Date(Date.UTC(987, 0, 9, 0, 0, 1)), '0987-01-09T00:00:01'],
  ] as const)('%j → %j', (cell, text) => {
    expect(cellText(cell)).toBe(text);
  });
});

describe('cellTimestamp', () => {
  it.each([
    ['', ''],
    ['2024-03-05', '2024-03-05'],
    ['2024-03-05 14:30', '2024-03-05 14:30'],
    ['05/03/2024', '2024-03-05'],
    ['5/3/2024', '2024-03-05'],
    ['05-03-2024', '2024-03-05'],
    ['05.03.2024', '2024-03-05'],
    ['05/03/2024 14:30', '2024-03-05T14:30:00'],
    ['05/03/2024 9:05:07', '2024-03-05T09:05:07'],
    ['05/03/2024T14:30', '2024-03-05T14:30:00'],
    ['05/03/2024, 14:30', '2024-03-05T14:30:00'],
    ['14:30 05/03/2024', '2024-03-05T14:30:00'],
    ['8:15:30, 5/3/2024', '2024-03-05T08:15:30'],
    ['hôm qua', 'hôm qua'],
    ['2024/03/05', '2024/03/05'],
  ])('%j → %j', (cell, text) => {
    expect(cellTimestamp(cell)).toBe(text);
  });

  it('reads an Excel date as its wall-clock time', () => {
    expect(cellTimestamp(new Date(Date.UTC(2024, 11, 31, 23, 59)))).toBe('2024-12-31T23:59:00');
    expect(cellTimestamp(new Date(Date.UTC(2024, 0, 1)))).toBe('2024-01-01');
  });
});

describe('cellBoolean', () => {
  it.each([
    [true, true],
    [false, false],
    [1, true],
    [0, false],
    [2, null],
    ['Có', true],
    [' x ', true],
    ['Đạt', true],
    ['co', true],
    ['KHÔNG', false],
    ['không đạt', false],
    ['', false],
    [null, false],
    ['có lẽ', null],
  ] as const)('%j → %j', (cell, value) => {
    expect(cellBoolean(cell)).toBe(value);
  });
});

describe('cellNumber', () => {
  it.each([
    [91.5, false, '91.5'],
    [Number.NaN, false, null],
    [Number.POSITIVE_INFINITY, false, null],
    ['91.5', false, '91.5'],
    ['91,5', false, '91.5'],
    ['-0,25', false, '-0.25'],
    ['1.234,5', false, '1234.5'],
    ['1.234.567,25', false, '1234567.25'],
    ['1 234,5', false, '1234.5'],
    ['1.234', false, '1.234'],
    ['1.234', true, '1234'],
    ['1.234.567', true, '1234567'],
    ['.5', false, '.5'],
    ['1e3', false, '1e3'],
    ['', false, null],
    [null, false, null],
    ['mười', false, null],
    ['1,2,3', false, null],
    ['12.34.5', true, null],
  ] as const)('%j (vi groups: %j) → %j', (cell, viGroups, value) => {
    expect(cellNumber(cell, viGroups)).toBe(value);
  });
});

describe('utf8Of', () => {
  it('keeps ASCII, decodes UTF-8 byte strings', () => {
    expect(utf8Of('HS001')).toBe('HS001');
    expect(utf8Of(Buffer.from('Trực tuyến', 'utf8').toString('latin1'))).toBe('Trực tuyến');
  });
});

describe('header matching', () => {
  it('normalises like headers: NFC, trimmed, lower-case, single spaces', () => {
    expect(normalizeLabel('  Ngày   TIẾP\tnhận ')).toBe('ngày tiếp nhận');
    expect(normalizeLabel('Ngày tiếp nhận'.normalize('NFD'))).toBe('ngày tiếp nhận');
  });

  it.each([
    [0, 'A'],
    [1, 'B'],
    [25, 'Z'],
    [26, 'AA'],
    [51, 'AZ'],
    [701, 'ZZ'],
    [702, 'AAA'],
  ])('column %i is %s', (index, letter) => {
    expect(columnLetter(index)).toBe(letter);
  });

  it('locates each field at the first header matching one of its aliases; empty headers never match', () => {
    const header = [null, 'Số hồ sơ', 'Mã hồ sơ', undefined, ' KÊNH  NỘP', '', 'Ghi chú lạ'];
    expect(
      locateColumns(header, {
        id: ['mã hồ sơ', 'số hồ sơ'],
        channel: ['kênh nộp'],
        note: [''],
        none: undefined,
      }),
    ).toEqual({ id: 1, channel: 4 });
  });

  it('merges overrides: a string or a list replaces the aliases of its field, undefined keeps them', () => {
    const defaults = { id: ['mã hồ sơ'], channel: ['kênh nộp'], unit: ['đơn vị'] };
    expect(mergeColumns(defaults, { id: 'Số HS', channel: ['Nơi nộp', 'Kênh'], unit: undefined })).toEqual({
      id: ['Số HS'],
      channel: ['Nơi nộp', 'Kênh'],
      unit: ['đơn vị'],
    });
    expect(mergeColumns(defaults, undefined)).toEqual(defaults);
    expect(mergeColumns(defaults, undefined)).not.toBe(defaults);
  });
});

describe('row problems', () => {
  const cell = { file: 'x.csv', row: 3, column: '"Kênh nộp" (B)', field: 'channel', message: 'bad.' };
  const row = { file: 'x.csv', row: 4, column: null, field: null, message: 'empty row.' };

  it('as issues: path [file, row, column], the message naming them', () => {
    expect(problemIssue(cell)).toEqual({
      path: ['x.csv', 3, '"Kênh nộp" (B)'],
      message: 'x.csv, row 3, column "Kênh nộp" (B): bad.',
    });
    expect(problemIssue(row)).toEqual({ path: ['x.csv', 4], message: 'x.csv, row 4: empty row.' });
  });

  it('as an INVALID_INPUT error with a summary and the cause', () => {
    const cause = new Error('inner');
    const one = rowError([cell], cause);
    expect(one).toBeInstanceOf(CchcError);
    expect(one.code).toBe('INVALID_INPUT');
    expect(one.cause).toBe(cause);
    expect(one.message).toContain('x.csv: a bad row.');
    const two = rowError([cell, row]);
    expect(two.issues).toHaveLength(2);
    expect(two.message).toContain('x.csv: 2 bad rows.');
    expect(two.cause).toBeUndefined();
  });
});
