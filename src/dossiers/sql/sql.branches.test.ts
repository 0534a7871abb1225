import { describe, expect, it } from 'vitest';
import { expectCchcError } from '../../../test/helpers/cchcError.js';
import {
  type DossierStatsSqlOptions,
  dossierStatsSql,
  META_COLUMNS,
  STATS_COLUMNS,
} from './dossierStatsSql.js';
import { rowsToDossierStats } from './rowsToDossierStats.js';

const period = { from: '2024-03-01', to: '2024-03-31' };
const columns = {
  id: 'id',
  channel: 'channel',
  status: 'status',
  receivedAt: 'received_at',
  finishedAt: 'finished_at',
} as const;
const base: DossierStatsSqlOptions = { dialect: 'duckdb', table: 'ho_so', columns, period };

describe('dossierStatsSql: time columns and value lists', () => {
  it.each(['postgres', 'duckdb'] as const)(
    '%s: a time column given as { column } without a type is a timestamptz column',
    (dialect) => {
      const plain = dossierStatsSql({ ...base, dialect });
      const asObject = dossierStatsSql({
        ...base,
        dialect,
        columns: { ...columns, receivedAt: { column: 'received_at' }, finishedAt: { column: 'finished_at' } },
      });
      const typed = dossierStatsSql({
        ...base,
        dialect,
        columns: { ...columns, receivedAt: { column: 'received_at', type: 'timestamptz' } },
      });
      expect(asObject.text).toBe(plain.text);
      expect(asObject.params).toEqual(plain.params);
      expect(typed.text).toBe(plain.text);
      // A date column is read differently: the default is not 'date'.
      const dated = dossierStatsSql({
        ...base,
        dialect,
        columns: { ...columns, receivedAt: { column: 'received_at', type: 'date' } },
      });
      expect(dated.text).not.toBe(plain.text);
    },
  );

  it('maps no channel at all when channelValues lists none: every channel code is -1 (unknown)', () => {
    const q = dossierStatsSql({ ...base, channelValues: {} });
    const defaults = dossierStatsSql(base);
    expect(q.text).toContain('-1 AS ch');
    expect(defaults.text).not.toContain('-1 AS ch');
    // The default channel names are bound as parameters; with an empty mapping they are not.
    expect(defaults.params).toEqual(expect.arrayContaining(['online', 'inPerson', 'postal']));
    expect(q.params).not.toContain('online');
    expect(q.params).not.toContain('inPerson');
    expect(q.params).not.toContain('postal');
  });

  it('maps only the channels given, and checks their values are distinct', () => {
    const q = dossierStatsSql({ ...base, channelValues: { online: [2] } });
    expect(q.text).toContain('ELSE -1 END');
    expect(q.text).not.toContain('-1 AS ch');
    expect(q.params).toContain(2);
    expectCchcError(
      () => dossierStatsSql({ ...base, channelValues: { online: [2], postal: [2] } }),
      'INVALID_OPTIONS',
      ['options', 'channelValues', 'postal'],
    );
  });
});

describe('dossierStatsSql: an own "__proto__" key in frozen options', () => {
  it('gives the options error, never a TypeError from the copy', async () => {
    const { deepFreeze } = await import('../../../test/helpers/deepFreeze.js');
    const options = deepFreeze(JSON.parse('{"__proto__":{"valueOf":1},"valueOf":1}'));
    expectCchcError(() => dossierStatsSql(options as never), 'INVALID_OPTIONS', ['options', 'dialect']);
    expect(({} as { valueOf: unknown }).valueOf).toBe(Object.prototype.valueOf);
  });
});

describe('dossierStatsSql: type messages of its options', () => {
  it.each([
    [{ table: 5 }, ['options', 'table'], 'expected a table name, received the number 5.'],
    [
      { channelValues: { online: 'online' } },
      ['options', 'channelValues', 'online'],
      'expected a list of stored values, received the string "online".',
    ],
    [
      { supplements: 'bo_sung' },
      ['options', 'supplements'],
      'expected { table, dossierId, requestedAt, completedAt? }, received the string "bo_sung".',
    ],
    [
      {
        supplements: {
          table: 'bo_sung',
          dossierId: 'ho_so_id',
          requestedAt: { column: 'yeu_cau', type: 'day' },
        },
      },
      ['options', 'supplements', 'requestedAt'],
      null,
    ],
  ] as const)('%j → path %j', (extra, path, message) => {
    const error = expectCchcError(
      () => dossierStatsSql({ ...base, ...extra } as never),
      'INVALID_OPTIONS',
      path as unknown as (string | number)[],
    );
    if (message !== null) expect(error.issues[0]?.message).toBe(message);
  });
});

describe('rowsToDossierStats: counts at the safe-integer bound', () => {
  const query = dossierStatsSql(base);
  const row = (values: Record<string, unknown>) => ({
    ...Object.fromEntries([...STATS_COLUMNS, ...META_COLUMNS, 'duplicate_ids'].map((c) => [c, 0])),
    ...values,
  });

  it('reads 2^53 − 1 written as 16 digits', () => {
    const s = rowsToDossierStats([row({ online: '9007199254740991', records: '9007199254740991' })], query);
    expect(s.total.received.online).toBe(Number.MAX_SAFE_INTEGER);
  });

  it.each(['9007199254740992', '9999999999999999'])(
    'refuses the 16-digit text %s, beyond 2^53 − 1, with its row and column',
    (text) => {
      const error = expectCchcError(
        () => rowsToDossierStats([row({}), row({ late: text })], query),
        'INVALID_INPUT',
        ['rows', 1, 'late'],
      );
      expect(error.issues[0]?.message).toContain(`received the string "${text}"`);
    },
  );
});

describe('dossierStatsSql: the optional columns and modes, in the SQL text', () => {
  const supplements = { table: 'bo_sung', dossierId: 'ho_so_id', requestedAt: 'yeu_cau_luc' } as const;

  it.each(['postgres', 'duckdb'] as const)(
    '%s: a timestamp (without time zone) column is shifted by the offset parameter',
    (dialect) => {
      const tz = dossierStatsSql({ ...base, dialect });
      const local = dossierStatsSql({
        ...base,
        dialect,
        columns: { ...columns, receivedAt: { column: 'received_at', type: 'timestamp' } },
      });
      expect(local.text).not.toBe(tz.text);
      expect(local.text.length).toBeGreaterThan(tz.text.length);
      expect(local.params).toEqual(tz.params);
    },
  );

  it('reads returnedByPost from its column when one is given, FALSE otherwise', () => {
    expect(dossierStatsSql(base).text).toContain('FALSE AS by_post');
    const q = dossierStatsSql({ ...base, columns: { ...columns, returnedByPost: 'tra_qua_bcci' } });
    expect(q.text).toContain('(d."tra_qua_bcci" IS TRUE) AS by_post');
    expect(q.text).not.toContain('FALSE AS by_post');
  });

  it('collapses repeated rows before adding supplement pauses only when ids are unchecked', () => {
    const checked = dossierStatsSql({ ...base, supplements, pauseForSupplements: true });
    const unchecked = dossierStatsSql({
      ...base,
      supplements,
      pauseForSupplements: true,
      duplicateIds: 'unchecked',
    });
    expect(checked.text).toContain('cchc_ended AS k');
    expect(checked.text).not.toContain('SELECT DISTINCT id, rcv, end_ms');
    expect(unchecked.text).toContain('(SELECT DISTINCT id, rcv, end_ms FROM cchc_ended) AS k');
  });

  it('skips a value list given as undefined when checking that stored values are distinct', () => {
    const q = dossierStatsSql({
      ...base,
      channelValues: { online: ['1'], inPerson: undefined, postal: ['3'] },
    });
    expect(q.params).toEqual(expect.arrayContaining(['1', '3']));
    expect(q.params).not.toContain('inPerson');
  });
});

describe('rowsToDossierStats: group order', () => {
  const byUnit = dossierStatsSql({ ...base, groupBy: 'unit' });
  const row = (unit: string | null, online: number) => ({
    ...Object.fromEntries([...STATS_COLUMNS, ...META_COLUMNS, 'duplicate_ids'].map((c) => [c, 0])),
    unit,
    online,
    records: online,
  });

  it.each([
    [['xa-B', 'xa-A', null]],
    [[null, 'xa-B', 'xa-A']],
    [['xa-A', null, 'xa-B']],
    [['xa-B', null, 'xa-A']],
  ])('sorts the units %j by code unit with null last', (units) => {
    const s = rowsToDossierStats(
      units.map((u, i) => row(u, i + 1)),
      byUnit,
    );
    expect(s.groups.map((g) => g.key.unit)).toEqual(['xa-A', 'xa-B', null]);
    expect(s.total.received.online).toBe(6);
  });
});
