/**
 * The fast paths of the summariser against the general ones, so that they can never drift: the
 * fast timestamp reader against `parseTimestamp`, the fast record reader (timestamps, order checks)
 * against a reading through the schema and `parseTimestamp`, and the duplicate-id check (bitmap and
 * sets) against a set of `String(id)`.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { recordArbitrary } from '../../../test/fixtures/records/arbitraries.js';
import { CchcError } from '../../errors/CchcError.js';
import { issueFromZod } from '../../errors/fromZod.js';
import { DossierRecordSchema } from '../DossierRecord.js';
import { summarizeDossiers } from '../summarizeDossiers.js';
import { fastAccepts, fastDay, fastTimestamp, NO_DAY, newScratch, readRecord } from './readRecord.js';
import { daysFromCivil, localDay, parseTimestamp } from './timestamp.js';

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** Timestamps near every shape the readers know, valid or nearly so. */
const timestampText = fc
  .record({
    year: fc.oneof(fc.integer({ min: 1890, max: 2210 }), fc.integer({ min: 0, max: 9999 })),
    month: fc.integer({ min: 0, max: 13 }),
    day: fc.integer({ min: 0, max: 32 }),
    sep: fc.constantFrom('T', 't', ' ', '_'),
    hour: fc.integer({ min: 0, max: 25 }),
    minute: fc.integer({ min: 0, max: 61 }),
    second: fc.option(fc.integer({ min: 0, max: 61 })),
    fraction: fc.option(fc.stringMatching(/^[0-9]{0,10}$/)),
    zone: fc.oneof(
      fc.constantFrom('', '', 'Z', 'z', '+', '-07', '+0700', 'Z0'),
      fc
        .record({
          sign: fc.constantFrom('+', '-'),
          h: fc.integer({ min: 0, max: 16 }),
          m: fc.integer({ min: 0, max: 61 }),
          colon: fc.constantFrom(':', ':', ''),
        })
        .map(({ sign, h, m, colon }) => `${sign}${pad(h)}${colon}${pad(m)}`),
    ),
    shape: fc.integer({ min: 0, max: 3 }),
  })
  .map((t) => {
    const date = `${pad(t.year, 4)}-${pad(t.month)}-${pad(t.day)}`;
    if (t.shape === 0) return date;
    let text = `${date}${t.sep}${pad(t.hour)}:${pad(t.minute)}`;
    if (t.second !== null) {
      text += `:${pad(t.second)}`;
      if (t.fraction !== null && t.shape === 3) text += `.${t.fraction}`;
    }
    return text + t.zone;
  });

/** A text with one character replaced, inserted or removed. */
const mutated = fc
  .tuple(
    timestampText,
    fc.nat(),
    fc.constantFrom('replace', 'insert', 'remove'),
    fc.oneof(
      fc.constantFrom('0', '9', '/', ':', '-', '+', '.', 'T', ' ', 'Z', '\u0660'),
      fc.string({ minLength: 1, maxLength: 1 }),
    ),
  )
  .map(([text, at, how, c]) => {
    const i = at % (text.length + 1);
    if (how === 'insert') return text.slice(0, i) + c + text.slice(i);
    if (how === 'remove') return text.slice(0, i) + text.slice(i + 1);
    return text.slice(0, i) + c + text.slice(i + 1);
  });

const anyTimestamp: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: timestampText },
  { weight: 3, arbitrary: mutated },
  { weight: 1, arbitrary: fc.date({ noInvalidDate: false }) },
  { weight: 1, arbitrary: fc.anything() },
);

const offset = fc.oneof(fc.constant(420), fc.integer({ min: -840, max: 840 }));

describe('fast timestamp reader against parseTimestamp', () => {
  it('reads exactly what parseTimestamp reads, or declines (NaN)', () => {
    fc.assert(
      fc.property(anyTimestamp, offset, (value, off) => {
        const fast = fastTimestamp(value, off);
        if (!Number.isNaN(fast)) expect(Object.is(fast, parseTimestamp(value, off))).toBe(true);
      }),
      { numRuns: 20_000 },
    );
  });

  it('never declines the common shapes it is meant for (so the fast path is really taken)', () => {
    const common = fc
      .record({
        ms: fc.integer({ min: Date.UTC(1900, 0, 2), max: Date.UTC(2199, 11, 30) }),
        shape: fc.integer({ min: 0, max: 9 }),
        zone: fc.integer({ min: -14 * 60, max: 14 * 60 }),
      })
      .map(({ ms, shape, zone }) => {
        const iso = new Date(ms).toISOString(); // YYYY-MM-DDTHH:mm:ss.sssZ
        const minute = iso.slice(0, 16);
        const second = iso.slice(0, 19);
        const z = `${zone < 0 ? '-' : '+'}${pad(Math.floor(Math.abs(zone) / 60))}:${pad(Math.abs(zone) % 60)}`;
        return [
          iso.slice(0, 10),
          minute,
          minute.replace('T', ' '),
          second,
          second.replace('T', ' '),
          `${minute}Z`,
          `${second}Z`,
          `${minute}${z}`,
          `${second}${z}`,
          new Date(ms),
        ][shape]!;
      });
    fc.assert(
      fc.property(common, offset, (value, off) => {
        expect(fastTimestamp(value, off)).toBe(parseTimestamp(value, off));
        expect(Number.isNaN(fastTimestamp(value, off))).toBe(false);
      }),
      { numRuns: 5_000 },
    );
  });

  it('has the day number of every date of its table (1900–2199), and declines outside it', () => {
    for (let year = 1900; year < 2200; year++) {
      for (let month = 1; month <= 12; month++) {
        for (const day of [1, 28, 29, 30, 31]) {
          const text = `${year}-${pad(month)}-${pad(day)}`;
          const general = parseTimestamp(text, 0);
          const fast = fastDay(text);
          if (Number.isNaN(general)) expect(fast).toBe(NO_DAY);
          else expect(fast).toBe(daysFromCivil(year, month, day));
        }
      }
    }
    expect(fastDay('1899-12-31')).toBe(NO_DAY);
    expect(fastDay('2200-01-01')).toBe(NO_DAY);
    expect(fastDay('1969-12-31')).toBe(-1);
    expect(parseTimestamp('1899-12-31', 0)).toBe(daysFromCivil(1899, 12, 31) * 86_400_000);
  });

  it.each([
    ['2024-03-05T14:30:00.5+07:00', 'a fraction'],
    ['2024-03-05T14:30+0700', '±HHmm'],
    ['2024-03-05T14:30+07', '±HH'],
    ['2024-03-05t14:30z', 'a lower-case z'],
    ['1066-10-14', 'a year before the table'],
  ])('leaves %j (%s) to the general reader, which reads it', (text) => {
    expect(fastTimestamp(text, 420)).toBeNaN();
    expect(Number.isNaN(parseTimestamp(text, 420))).toBe(false);
  });
});

/** A record as read by the general path: the schema, then `parseTimestamp` and the order rules. */
function readGeneral(value: unknown, off: number) {
  const parsed = DossierRecordSchema.safeParse(value);
  if (!parsed.success) return { ok: false as const, inOrder: false };
  const r = parsed.data;
  const ms = (v: unknown) => (v === undefined ? Number.NaN : parseTimestamp(v, off));
  const dateOnly = (v: unknown) => typeof v === 'string' && v.length === 10;
  const notBefore = (a: unknown, b: unknown) =>
    dateOnly(a) || dateOnly(b) ? localDay(ms(a), off) >= localDay(ms(b), off) : ms(a) >= ms(b);
  let inOrder =
    (r.finishedAt === undefined || notBefore(r.finishedAt, r.receivedAt)) &&
    (r.dueAt === undefined || localDay(ms(r.dueAt), off) >= localDay(ms(r.receivedAt), off));
  for (const sup of r.supplements ?? []) {
    if (!notBefore(sup.requestedAt, r.receivedAt)) inOrder = false;
    if (sup.completedAt !== undefined && !notBefore(sup.completedAt, sup.requestedAt)) inOrder = false;
  }
  return {
    ok: true as const,
    inOrder,
    receivedMs: ms(r.receivedAt),
    dueMs: ms(r.dueAt),
    finishedMs: ms(r.finishedAt),
    requestedMs: (r.supplements ?? []).map((s) => ms(s.requestedAt)),
    completedMs: (r.supplements ?? []).map((s) => ms(s.completedAt)),
  };
}

/** Records with timestamps of every kind, in order or not, and sometimes malformed. */
const recordLike = fc
  .record({
    base: recordArbitrary,
    receivedAt: fc.option(anyTimestamp, { freq: 3 }),
    dueAt: fc.option(anyTimestamp, { freq: 3 }),
    finishedAt: fc.option(anyTimestamp, { freq: 3 }),
    requestedAt: fc.option(anyTimestamp, { freq: 3 }),
  })
  .map(({ base, receivedAt, dueAt, finishedAt, requestedAt }) => {
    const r: Record<string, unknown> = { ...base };
    if (receivedAt !== null) r.receivedAt = receivedAt;
    if (dueAt !== null) r.dueAt = dueAt;
    if (finishedAt !== null && r.finishedAt !== undefined) r.finishedAt = finishedAt;
    if (requestedAt !== null && Array.isArray(r.supplements) && r.supplements.length > 0) {
      r.supplements = [{ ...(r.supplements[0] as object), requestedAt }, ...r.supplements.slice(1)];
    }
    return r;
  });

describe('fast record reader against the schema and parseTimestamp', () => {
  it('reads the same instants, and finds a record out of order exactly when the rules say so', () => {
    fc.assert(
      fc.property(fc.oneof(recordArbitrary, recordLike), offset, (value, off) => {
        const general = readGeneral(value, off);
        const s = newScratch();
        let error: unknown = null;
        try {
          readRecord(value, off, s, 'records', 0);
        } catch (e) {
          error = e;
        }
        if (!general.ok || !general.inOrder) {
          expect(error).toBeInstanceOf(CchcError);
          expect((error as CchcError).code).toBe('INVALID_INPUT');
          return;
        }
        expect(error).toBe(null);
        expect(fastAccepts(value, off)).toBe(true);
        expect(s.receivedMs).toBe(general.receivedMs);
        expect(s.dueMs).toBe(general.dueMs);
        expect(s.finishedMs).toBe(general.finishedMs);
        expect(s.requestedMs.slice(0, s.supplementCount)).toEqual(general.requestedMs);
        expect(s.completedMs.slice(0, s.supplementCount)).toEqual(general.completedMs);
      }),
      { numRuns: 5_000 },
    );
  });

  it("reports exactly the schema's issues for a record it rejects", () => {
    fc.assert(
      fc.property(recordLike, (value) => {
        const parsed = DossierRecordSchema.safeParse(value);
        if (parsed.success) return;
        let error: unknown = null;
        try {
          readRecord(value, 420, newScratch(), 'records', 7);
        } catch (e) {
          error = e;
        }
        expect(error).toBeInstanceOf(CchcError);
        expect((error as CchcError).issues).toEqual(
          parsed.error.issues.map((issue) => {
            const own = issueFromZod(issue, value);
            return { path: ['records', 7, ...own.path], message: own.message };
          }),
        );
      }),
      { numRuns: 2_000 },
    );
  });
});

describe('duplicate ids: bitmap and sets against a set of String(id)', () => {
  const id = fc.oneof(
    fc.integer({ min: 0, max: 40 }),
    fc.integer({ min: 0, max: 40 }).map(String),
    fc.integer({ min: 0, max: 40 }).map((n) => `0${n}`),
    fc.constantFrom(2 ** 25 - 1, 2 ** 25, 2 ** 25 + 1, 2 ** 40, Number.MAX_SAFE_INTEGER, -0),
    fc.constantFrom('33554431', '33554432', '1099511627776', '9007199254740991', '9007199254740992'),
    fc.constantFrom('9007199254740993', '99999999999999999', '1e3', '+1', ' 1', '1.0', 'HS-1', '0'),
  );
  it('counts the same duplicates and stops at the same record', () => {
    fc.assert(
      fc.property(fc.array(id, { maxLength: 40 }), (ids) => {
        const records = ids.map((i) => ({
          id: i,
          channel: 'online' as const,
          status: 'processing' as const,
          receivedAt: '2024-03-01',
        }));
        const period = { from: '2024-03-01', to: '2024-03-31' };
        const seen = new Set<string>();
        let duplicates = 0;
        let firstRepeat = -1;
        ids.forEach((i, k) => {
          const key = String(i);
          if (seen.has(key)) {
            duplicates += 1;
            if (firstRepeat < 0) firstRepeat = k;
          } else seen.add(key);
        });
        expect(summarizeDossiers(records, { period, duplicateIds: 'first' }).meta.ignored.duplicates).toBe(
          duplicates,
        );
        if (firstRepeat < 0) {
          expect(summarizeDossiers(records, { period }).meta.records).toBe(ids.length);
        } else {
          expect(() => summarizeDossiers(records, { period })).toThrowError(CchcError);
          try {
            summarizeDossiers(records, { period });
          } catch (e) {
            const issue = (e as CchcError).issues[0]!;
            expect(issue.path).toEqual(['records', firstRepeat, 'id']);
            expect(issue.message).toContain(JSON.stringify(String(ids[firstRepeat])));
          }
        }
      }),
      { numRuns: 2_000 },
    );
  });

  it('grows the bitmap for large and scattered ids', () => {
    const ids = [5, 2 ** 25 - 1, 70_000, 1_000_000, 33_554_431];
    const records = ids.map((i) => ({
      id: i,
      channel: 'online' as const,
      status: 'processing' as const,
      receivedAt: '2024-03-01',
    }));
    const period = { from: '2024-03-01', to: '2024-03-31' };
    expect(summarizeDossiers(records, { period, duplicateIds: 'first' }).meta.ignored.duplicates).toBe(1);
  });
});
