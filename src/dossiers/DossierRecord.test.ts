import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { recordArbitrary } from '../../test/fixtures/records/arbitraries.js';
import {
  DossierChannelSchema,
  DossierRecordSchema,
  DossierStatusSchema,
  DossierSupplementSchema,
  DossierTimestampSchema,
} from './DossierRecord.js';
import { fastAccepts } from './summarize/readRecord.js';
import { civilFromDays, daysFromCivil, formatInstant, parseTimestamp } from './summarize/timestamp.js';

const valid = {
  id: 'H01.2024.000123',
  procedureCode: '1.001234',
  unit: 'UBND-xa-A',
  level: 'xa',
  channel: 'online',
  receivedAt: '2024-03-01T09:15:00+07:00',
  dueAt: '2024-03-05',
  finishedAt: '2024-03-04T16:00:00+07:00',
  status: 'resolved',
  returnedByPost: false,
  supplements: [{ requestedAt: '2024-03-02', completedAt: '2024-03-03' }],
} as const;

describe('DossierTimestampSchema', () => {
  it.each([
    ['2024-03-05', Date.UTC(2024, 2, 4, 17)],
    ['2024-02-29', Date.UTC(2024, 1, 28, 17)],
    ['2024-03-05T14:30', Date.UTC(2024, 2, 5, 7, 30)],
    ['2024-03-05 14:30:15', Date.UTC(2024, 2, 5, 7, 30, 15)],
    ['2024-03-05t14:30:15.5', Date.UTC(2024, 2, 5, 7, 30, 15, 500)],
    ['2024-03-05T14:30:15.123456789', Date.UTC(2024, 2, 5, 7, 30, 15, 123)],
    ['2024-03-05T07:30:00Z', Date.UTC(2024, 2, 5, 7, 30)],
    ['2024-03-05T07:30:00z', Date.UTC(2024, 2, 5, 7, 30)],
    ['2024-03-05T14:30:00+07:00', Date.UTC(2024, 2, 5, 7, 30)],
    ['2024-03-05T14:30:00+0700', Date.UTC(2024, 2, 5, 7, 30)],
    ['2024-03-05T14:30:00+07', Date.UTC(2024, 2, 5, 7, 30)],
    ['2024-03-05T02:30:00-05:00', Date.UTC(2024, 2, 5, 7, 30)],
    ['2000-01-01', Date.UTC(1999, 11, 31, 17)],
  ])('reads %s as an instant in UTC+7 when it has no offset', (text, expected) => {
    expect(DossierTimestampSchema.parse(text)).toBe(text);
    expect(parseTimestamp(text, 420)).toBe(expected);
  });

  it('agrees with Date.parse on random instants written with an offset', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1900-01-01'), max: new Date('2200-01-01'), noInvalidDate: true }),
        (d) => {
          const iso = d.toISOString();
          expect(parseTimestamp(iso, 420)).toBe(d.getTime());
          expect(parseTimestamp(formatInstant(d.getTime(), 420), 0)).toBe(d.getTime());
          expect(parseTimestamp(formatInstant(d.getTime(), -330), 0)).toBe(d.getTime());
        },
      ),
    );
  });

  it('converts day numbers both ways', () => {
    fc.assert(
      fc.property(fc.integer({ min: -600_000, max: 800_000 }), (days) => {
        const [y, m, d] = civilFromDays(days);
        expect(daysFromCivil(y, m, d)).toBe(days);
        expect(Date.UTC(y, m - 1, d) / 86_400_000).toBe(days);
      }),
    );
  });

  it('accepts a Date and keeps it', () => {
    const d = new Date(Date.UTC(2024, 2, 5));
    expect(DossierTimestampSchema.parse(d)).toBe(d);
  });

  it.each([
    ['05/03/2024'],
    ['2024-3-5'],
    ['2023-02-29'],
    ['2024-04-31'],
    ['2024-13-01'],
    ['2024-00-10'],
    ['2024-03-05T24:00'],
    ['2024-03-05T12:60'],
    ['2024-03-05T12:30:60'],
    ['2024-03-05T12'],
    ['2024-03-05T12:30:00.'],
    ['2024-03-05T12:30:00+15:00'],
    ['2024-03-05T12:30:00+07:0'],
    ['2024-03-05T12:30:00 +07:00'],
    ['2024-03-05X12:30'],
    ['2024-03-05Z'],
    [''],
  ])('rejects %j with a sentence of ours', (text) => {
    const result = DossierTimestampSchema.safeParse(text);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toMatch(/^expected a date 'YYYY-MM-DD', an ISO 8601 date-time/);
    expect(Number.isNaN(parseTimestamp(text, 420))).toBe(true);
  });

  it('rejects an invalid Date, numbers and null', () => {
    expect(DossierTimestampSchema.safeParse(new Date(Number.NaN)).error?.issues[0]?.message).toMatch(
      /received an invalid Date/,
    );
    expect(DossierTimestampSchema.safeParse(1709596800000).error?.issues[0]?.message).toMatch(
      /received the number 1709596800000/,
    );
    expect(DossierTimestampSchema.safeParse(null).success).toBe(false);
  });
});

describe('DossierRecordSchema', () => {
  it('accepts a full record and keeps the values as given', () => {
    expect(DossierRecordSchema.parse(valid)).toEqual(valid);
  });

  it('accepts a minimal open record, and numeric ids', () => {
    expect(
      DossierRecordSchema.safeParse({
        id: 7,
        channel: 'postal',
        status: 'processing',
        receivedAt: '2024-03-01',
      }).success,
    ).toBe(true);
  });

  it('lists the channels and statuses', () => {
    expect(DossierChannelSchema.options).toEqual(['online', 'inPerson', 'postal']);
    expect(DossierStatusSchema.options).toEqual([
      'processing',
      'resolved',
      'withdrawn',
      'returned',
      'rejected',
    ]);
    expect(DossierSupplementSchema.safeParse({ requestedAt: '2024-03-02', note: 'x' }).success).toBe(false);
  });

  it.each([
    [
      { ...valid, channel: 'fax' },
      ['channel'],
      /expected one of "online", "inPerson", "postal", received the string "fax"/,
    ],
    [{ ...valid, status: 'done' }, ['status'], /expected one of "processing"/],
    [{ ...valid, id: '' }, ['id'], /expected a dossier id/],
    [{ ...valid, id: -1 }, ['id'], /expected a dossier id/],
    [{ ...valid, id: 1.5 }, ['id'], /expected a dossier id/],
    [{ ...valid, unit: '' }, ['unit'], /expected a non-empty text/],
    [{ ...valid, receivedAt: '05/03/2024' }, ['receivedAt'], /expected a date 'YYYY-MM-DD'/],
    [{ ...valid, finishedAt: undefined }, ['finishedAt'], /is required for status "resolved"/],
    [{ ...valid, status: 'processing' }, ['finishedAt'], /has no finishedAt/],
    [{ ...valid, returnedByPost: 'yes' }, ['returnedByPost'], /expected true or false/],
    [{ ...valid, supplements: {} }, ['supplements'], /expected a list of supplement requests/],
    [
      { ...valid, supplements: [{ requestedAt: 'soon' }] },
      ['supplements', 0, 'requestedAt'],
      /expected a date/,
    ],
    [{ ...valid, colour: 'red' }, [], /unrecognized key|colour/i],
  ])('rejects a bad field: %#', (record, path, message) => {
    const result = DossierRecordSchema.safeParse(record);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(path);
    expect(result.error?.issues[0]?.message).toMatch(message);
  });
});

describe('the fast record check', () => {
  const timestamp = fc.oneof(
    fc.constantFrom(
      '2024-03-05',
      '2024-03-05T10:00',
      '2024-03-05 10:00:00',
      '2024-03-05T03:00:00Z',
      '2024-03-05T10:00:00+07:00',
    ),
    fc.constantFrom('2024-02-30', '05/03/2024', '', '2024-03-05T25:00'),
    fc.constant(new Date(Date.UTC(2024, 2, 5))),
    fc.constant(new Date(Number.NaN)),
    fc.anything(),
  );
  const field = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });
  const record = fc.record(
    {
      id: fc.oneof(fc.string(), fc.integer({ min: -2, max: 1e6 }), fc.double(), fc.constant(null)),
      procedureCode: field(fc.oneof(fc.string(), fc.integer())),
      unit: field(fc.string()),
      level: field(fc.string()),
      channel: fc.oneof(fc.constantFrom('online', 'inPerson', 'postal', 'fax', 'toString'), fc.anything()),
      receivedAt: timestamp,
      dueAt: field(timestamp),
      finishedAt: field(timestamp),
      status: fc.constantFrom(
        'processing',
        'resolved',
        'withdrawn',
        'returned',
        'rejected',
        'constructor',
        'x',
      ),
      returnedByPost: field(fc.oneof(fc.boolean(), fc.constant('true'))),
      supplements: field(
        fc.oneof(
          fc.array(
            fc.record(
              { requestedAt: timestamp, completedAt: field(timestamp) },
              { requiredKeys: ['requestedAt'] },
            ),
            {
              maxLength: 3,
            },
          ),
          fc.anything(),
        ),
      ),
      extra: fc.anything(),
    },
    { requiredKeys: [] },
  );

  it('never accepts what the schema rejects, and accepts what the schema accepts', () => {
    fc.assert(
      fc.property(record, (r) => {
        const schemaOk = DossierRecordSchema.safeParse(r).success;
        const fastOk = fastAccepts(r, 420);
        if (fastOk) expect(schemaOk).toBe(true);
        // Plain records from JSON or CSV readers always take the fast path.
        if (schemaOk) expect(fastOk).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });

  it('does not take inherited names for channels or statuses', () => {
    expect(fastAccepts({ ...valid, channel: 'toString' }, 420)).toBe(false);
    expect(fastAccepts({ ...valid, status: 'constructor' }, 420)).toBe(false);
    expect(fastAccepts(valid, 420)).toBe(true);
  });

  it('accepts every valid record (they never fall back to zod)', () => {
    fc.assert(
      fc.property(recordArbitrary, (r) => {
        expect(DossierRecordSchema.safeParse(r).success).toBe(true);
        expect(fastAccepts(r, 420)).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });
});
