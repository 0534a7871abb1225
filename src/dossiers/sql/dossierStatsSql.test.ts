import { describe, expect, it } from 'vitest';
import { CchcError } from '../../errors/CchcError.js';
import { type DossierStatsSqlOptions, dossierStatsSql } from './dossierStatsSql.js';

const period = { from: '2024-03-01', to: '2024-03-31' };
const columns = {
  id: 'id',
  channel: 'channel',
  status: 'status',
  receivedAt: 'received_at',
  dueAt: { column: 'due_at', type: 'date' },
  finishedAt: 'finished_at',
  unit: 'unit',
} as const;
const base: DossierStatsSqlOptions = { dialect: 'postgres', table: 'ho_so', columns, period };

function caught(fn: () => unknown): CchcError {
  try {
    fn();
  } catch (error) {
    if (error instanceof CchcError) return error;
    throw error;
  }
  throw new Error('expected a CchcError');
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
    Object.freeze(value);
  }
  return value;
}

/** Quoted identifiers removed, what is left of the text must hold no caller-given character run. */
function unquoted(text: string): string {
  return text.replace(/"[A-Za-z0-9_]*"/g, '""');
}

describe('dossierStatsSql: parameters', () => {
  it('binds the period, asOf and offset as parameters, in UTC+7 by default', () => {
    const q = dossierStatsSql(base);
    // 2024-03-01T00:00+07:00, 2024-03-31T23:59:59.999+07:00, 7 h in ms.
    expect(q.params.slice(0, 3)).toEqual([1709226000000, 1711904399999, 25_200_000]);
    expect(q.text).not.toContain('1709226000000');
    expect(q.text).not.toContain('2024');
    expect(q.period).toEqual(period);
    expect(q.asOf).toBe('2024-03-31T23:59:59.999+07:00');
  });

  it('follows utcOffsetMinutes and asOf (a bare date is the end of that day)', () => {
    const q = dossierStatsSql({ ...base, utcOffsetMinutes: 0, asOf: '2024-03-10' });
    expect(q.params.slice(0, 3)).toEqual([Date.UTC(2024, 2, 1), Date.UTC(2024, 2, 11) - 1, 0]);
    expect(q.asOf).toBe('2024-03-10T23:59:59.999Z');
  });

  it('numbers every placeholder it binds, once, in order, and binds nothing unused', () => {
    for (const dialect of ['postgres', 'duckdb'] as const) {
      for (const groupBy of [undefined, 'month', ['unit', 'month']] as const) {
        for (const granularity of ['date', 'exact'] as const) {
          const q = dossierStatsSql({ ...base, dialect, groupBy, granularity });
          expect(new Set(q.text.match(/'[^']*'/g))).toEqual(
            new Set(groupBy === undefined ? ["''", "'1970-01-01'"] : ["''", "'1970-01-01'", "'0'", "'-'"]),
          );
          const used = new Set([...q.text.matchAll(/\$(\d+)/g)].map((m) => Number(m[1])));
          expect([...used].sort((a, b) => a - b)).toEqual(q.params.map((_, i) => i + 1));
        }
      }
    }
  });

  it('binds stored channel and status values, never writes them', () => {
    const hostile = ["'); DROP TABLE ho_so; --", 'x"y', '$1', '\\', 7];
    const q = dossierStatsSql({
      ...base,
      channelValues: { online: hostile, inPerson: ['b'], postal: ['c'] },
      statusValues: { processing: ['p'], resolved: ["' OR ''='"] },
    });
    expect(q.params).toEqual(expect.arrayContaining([...hostile, "' OR ''='"]));
    expect(q.text).not.toContain('DROP');
    expect(q.text).not.toContain('x"y');
    // The only string literals in the text are the query's own.
    expect(new Set(q.text.match(/'[^']*'/g))).toEqual(new Set(["''", "'1970-01-01'"]));
    // A status left out of a given map has no stored value (so nothing of another type is compared).
    expect(q.params).not.toContain('withdrawn');
  });

  it('writes the same text and parameters for the same options (deterministic), and does not mutate them', () => {
    const options = deepFreeze({ ...base, groupBy: ['unit', 'month'] } as DossierStatsSqlOptions);
    expect(dossierStatsSql(options)).toEqual(dossierStatsSql(options));
  });

  it('writes each dialect’s integer division', () => {
    expect(dossierStatsSql({ ...base, dialect: 'duckdb' }).text).toContain('//');
    expect(dossierStatsSql(base).text).not.toContain('//');
    expect(dossierStatsSql(base).text).toContain('extract(epoch FROM');
    expect(dossierStatsSql({ ...base, dialect: 'duckdb' }).text).toContain('epoch_us(');
  });

  it('counts repeated ids unless duplicateIds is "unchecked"', () => {
    expect(dossierStatsSql(base).text).toContain('"duplicate_ids"');
    expect(dossierStatsSql(base).checksDuplicateIds).toBe(true);
    const unchecked = dossierStatsSql({ ...base, duplicateIds: 'unchecked' });
    expect(unchecked.text).not.toContain('duplicate_ids');
    expect(unchecked.checksDuplicateIds).toBe(false);
  });

  it('reports the grouping in the order given, without repeats', () => {
    expect(dossierStatsSql({ ...base, groupBy: ['month', 'unit', 'month'] }).groupBy).toEqual([
      'month',
      'unit',
    ]);
    expect(dossierStatsSql({ ...base, groupBy: 'procedure' }).groupBy).toEqual(['procedure']);
    expect(dossierStatsSql(base).groupBy).toEqual([]);
  });
});

describe('dossierStatsSql: identifiers', () => {
  const hostileNames = [
    'ho_so"; DROP TABLE ho_so; --',
    'a"b',
    'a b',
    '1abc',
    '',
    'ho_so--',
    'x/*',
    "x'",
    'a.b.c',
    '.a',
    'a.',
    'Ngày_nhận',
    'x\u0000',
    'x;',
    'x'.repeat(64),
  ];

  it.each(hostileNames)('refuses the table name %j with its path', (name) => {
    const e = caught(() => dossierStatsSql({ ...base, table: name }));
    expect(e.code).toBe('INVALID_OPTIONS');
    expect(e.issues[0]?.path).toEqual(['options', 'table']);
  });

  it.each(hostileNames.filter((n) => !/^[A-Za-z_][A-Za-z0-9_]*\.[A-Za-z_][A-Za-z0-9_]*$/.test(n)))(
    'refuses the column name %j, in plain and { column } form',
    (name) => {
      const plain = caught(() => dossierStatsSql({ ...base, columns: { ...columns, unit: name } }));
      expect(plain.code).toBe('INVALID_OPTIONS');
      expect(plain.issues[0]?.path).toEqual(['options', 'columns', 'unit']);
      const timed = caught(() =>
        dossierStatsSql({
          ...base,
          columns: { ...columns, receivedAt: { column: name, type: 'timestamp' } },
        }),
      );
      expect(timed.code).toBe('INVALID_OPTIONS');
      expect(timed.issues[0]?.path?.slice(0, 3)).toEqual(['options', 'columns', 'receivedAt']);
    },
  );

  it('refuses hostile names in the supplements table too', () => {
    const e = caught(() =>
      dossierStatsSql({
        ...base,
        supplements: { table: 'bo_sung', dossierId: 'id" OR 1=1', requestedAt: 'requested_at' },
      }),
    );
    expect(e.issues[0]?.path).toEqual(['options', 'supplements', 'dossierId']);
  });

  it('quotes every identifier, with the schema as its own part', () => {
    const q = dossierStatsSql({
      ...base,
      table: 'Mot_Cua.Ho_So',
      columns: { ...columns, unit: 'Don_Vi', procedureCode: 'select' },
      supplements: {
        table: 'mot_cua.bo_sung',
        dossierId: 'ma_ho_so',
        requestedAt: 'ngay_yc',
        completedAt: 'ngay_bs',
      },
    });
    expect(q.text).toContain('FROM "Mot_Cua"."Ho_So" AS d');
    expect(q.text).toContain('d."Don_Vi"');
    expect(q.text).toContain('d."select"');
    expect(q.text).toContain('FROM "mot_cua"."bo_sung" AS s');
    expect(q.text).toContain('s."ma_ho_so"');
    // Outside double quotes, no caller name appears.
    expect(unquoted(q.text)).not.toMatch(/Mot_Cua|Ho_So|Don_Vi|ma_ho_so|ngay_yc|ngay_bs/);
  });

  it('refuses an unqualified supplements table named like the query’s own dossier rows', () => {
    const e = caught(() =>
      dossierStatsSql({ ...base, supplements: { table: 'CCHC_DOSSIER', dossierId: 'id', requestedAt: 'r' } }),
    );
    expect(e.issues[0]?.path).toEqual(['options', 'supplements', 'table']);
    expect(() =>
      dossierStatsSql({
        ...base,
        supplements: { table: 'public.cchc_dossier', dossierId: 'id', requestedAt: 'r' },
      }),
    ).not.toThrow();
  });
});

describe('dossierStatsSql: options', () => {
  it('refuses duplicateIds "first", which SQL cannot express', () => {
    const e = caught(() => dossierStatsSql({ ...base, duplicateIds: 'first' }));
    expect(e.code).toBe('INVALID_OPTIONS');
    expect(e.issues[0]?.path).toEqual(['options', 'duplicateIds']);
    expect(e.issues[0]?.message).toMatch(/no order/);
  });

  it('validates the summary options as summarizeDossiers does (same paths)', () => {
    const cases: [Record<string, unknown>, (string | number)[]][] = [
      [{ period: undefined }, ['options', 'period']],
      [{ period: { from: '2024-03-31', to: '2024-03-01' } }, ['options', 'period', 'to']],
      [{ asOf: '2024-04-02' }, ['options', 'asOf']],
      [{ granularity: 'hour' }, ['options', 'granularity']],
      [{ utcOffsetMinutes: 7.5 }, ['options', 'utcOffsetMinutes']],
      [{ groupBy: ['unit', 'agency'] }, ['options', 'groupBy']],
      [{ withdrawnAndReturned: 'late' }, ['options', 'withdrawnAndReturned']],
      [{ typo: true }, ['options']],
      [{ dialect: 'mysql' }, ['options', 'dialect']],
      [{ columns: { ...columns, received: 'x' } }, ['options', 'columns']],
      [
        { columns: { ...columns, dueAt: { column: 'due_at', type: 'datetime' } } },
        ['options', 'columns', 'dueAt'],
      ],
      [{ channelValues: { online: [] } }, ['options', 'channelValues', 'online']],
      [{ channelValues: { online: [1.5] } }, ['options', 'channelValues', 'online', 0]],
      [{ statusValues: { resolved: [null] } }, ['options', 'statusValues', 'resolved', 0]],
    ];
    for (const [change, path] of cases) {
      const e = caught(() => dossierStatsSql({ ...base, ...change } as DossierStatsSqlOptions));
      expect(e.code, JSON.stringify(change)).toBe('INVALID_OPTIONS');
      expect(e.issues[0]?.path.slice(0, path.length), JSON.stringify(change)).toEqual(path);
    }
  });

  it('refuses a stored value given under two names', () => {
    const e = caught(() =>
      dossierStatsSql({ ...base, channelValues: { online: [1, 2], inPerson: [2], postal: [3] } }),
    );
    expect(e.issues[0]?.path).toEqual(['options', 'channelValues', 'inPerson']);
    // The same text and number are different stored values.
    expect(() => dossierStatsSql({ ...base, channelValues: { online: [1], inPerson: ['1'] } })).not.toThrow();
  });

  it('refuses what is not an options object', () => {
    for (const bad of [null, undefined, 'postgres', [], 42]) {
      const e = caught(() => dossierStatsSql(bad as unknown as DossierStatsSqlOptions));
      expect(e.code).toBe('INVALID_OPTIONS');
      expect(e.issues[0]?.path).toEqual(['options']);
    }
  });

  it('writes each classification option into the query (they change the text, not only the parameters)', () => {
    const texts = new Set(
      [
        {},
        { granularity: 'exact' },
        { pauseForSupplements: false },
        { multipleSupplements: 'pause' },
        { withdrawnAndReturned: 'onTime' },
        { withdrawnAndReturned: 'byDueDate' },
      ].map(
        (o) =>
          dossierStatsSql({
            ...base,
            ...o,
            supplements: { table: 'bo_sung', dossierId: 'id', requestedAt: 'r' },
          } as DossierStatsSqlOptions).text,
      ),
    );
    expect(texts.size).toBe(6);
  });
});
