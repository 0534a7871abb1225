/**
 * Deterministic synthetic dossier records (one row per hồ sơ, as a one-stop export gives them) for
 * the dossier benchmark: a seeded PRNG, never Math.random, so every run and every contender sees
 * the same records. Timestamps are flat strings from small interned tables (as a parser would
 * produce them, without cons-strings), local time without an offset (read in UTC+7).
 *
 * Mix: 3 channels; 15 % still processing, 73 % resolved, 4 % withdrawn, 4 % returned, 4 % rejected;
 * received from 2023-10-01 to 2024-04-15 (period 2024-01-01 – 2024-03-31, so some are carried
 * over, some closed before the period, some received after it); 1 % without a due date; 10 % with
 * one supplement request and 2 % with two (some never completed, some requested after closing);
 * 8 % returned by post.
 * @module
 */
import type { DossierRecordInput } from '../../../src/dossiers/DossierRecord.js';
import { createRng } from '../lib/prng.js';

/** The benchmark's reporting period. */
export const PERIOD = { from: '2024-01-01', to: '2024-03-31' } as const;

/** Day number of 1970-01-01 + n (civil), for the tables. */
function civil(day: number): string {
  const d = new Date(day * 86_400_000);
  return d.toISOString().slice(0, 10);
}

/** Forces a flat (sequential) string. */
function flat(s: string): string {
  return JSON.parse(JSON.stringify(s)) as string;
}

const FIRST_DAY = Math.floor(Date.UTC(2023, 9, 1) / 86_400_000); // 2023-10-01
const LAST_RECEIVED = Math.floor(Date.UTC(2024, 3, 15) / 86_400_000); // 2024-04-15
const DAYS = LAST_RECEIVED - FIRST_DAY + 60;
const DATES: string[] = Array.from({ length: DAYS }, (_, i) => flat(civil(FIRST_DAY + i)));
const MORNING = ['07:30', '08:00', '08:45', '09:15', '10:00', '10:30', '11:00', '11:20'];
const AFTERNOON = ['13:30', '14:00', '14:45', '15:10', '16:00', '16:30', '17:00'];
const AM: string[][] = DATES.map((d) => MORNING.map((t) => flat(`${d} ${t}`)));
const PM: string[][] = DATES.map((d) => AFTERNOON.map((t) => flat(`${d} ${t}`)));
const UNITS = Array.from({ length: 60 }, (_, i) => flat(`UBND-xa-${String(i + 1).padStart(3, '0')}`));
const PROCEDURES = Array.from({ length: 300 }, (_, i) => flat(`1.00${String(1000 + i * 7)}`));
const CHANNELS = ['online', 'online', 'inPerson', 'inPerson', 'inPerson', 'postal'] as const;

/** Makes the record number `i` of the stream seeded `seed` from a shared RNG. */
function makeRecord(i: number, r: ReturnType<typeof createRng>): DossierRecordInput {
  const recv = r.int(0, LAST_RECEIVED - FIRST_DAY);
  const rec: DossierRecordInput = {
    id: i,
    procedureCode: PROCEDURES[r.int(0, PROCEDURES.length - 1)]!,
    unit: UNITS[r.int(0, UNITS.length - 1)]!,
    channel: CHANNELS[r.int(0, CHANNELS.length - 1)]!,
    receivedAt: AM[recv]![r.int(0, MORNING.length - 1)]!,
    status: 'processing',
  };
  const hasDue = !r.chance(0.01);
  const dueDay = recv + r.int(3, 15);
  if (hasDue) rec.dueAt = DATES[dueDay]!;
  const roll = r.next();
  const fin = recv + r.int(0, 20);
  if (roll >= 0.15) {
    rec.status = roll < 0.88 ? 'resolved' : roll < 0.92 ? 'withdrawn' : roll < 0.96 ? 'returned' : 'rejected';
    rec.finishedAt = PM[fin]![r.int(0, AFTERNOON.length - 1)]!;
    if (r.chance(0.08)) rec.returnedByPost = true;
  }
  const sup = r.next();
  if (sup < 0.12) {
    const n = sup < 0.02 ? 2 : 1;
    const sups: { requestedAt: string; completedAt?: string }[] = [];
    let at = recv;
    for (let k = 0; k < n; k++) {
      at += r.int(0, 6);
      const s: { requestedAt: string; completedAt?: string } = { requestedAt: DATES[at]! };
      if (!r.chance(0.1)) s.completedAt = DATES[at + r.int(0, 5)]!;
      sups.push(s);
    }
    rec.supplements = sups;
  }
  return rec;
}

/** `n` records as an array. */
export function generateRecords(n: number, seed = 766): DossierRecordInput[] {
  const r = createRng(seed);
  const out: DossierRecordInput[] = new Array(n);
  for (let i = 0; i < n; i++) out[i] = makeRecord(i, r);
  return out;
}

/** The same `n` records, one at a time, from a sync generator. */
export function* recordStream(n: number, seed = 766): Generator<DossierRecordInput> {
  const r = createRng(seed);
  for (let i = 0; i < n; i++) yield makeRecord(i, r);
}

/**
 * The same `n` records from an async generator, yielding to the event loop every `chunk` records
 * (as a file or database stream would) and calling `onChunk` there (memory sampling).
 */
export async function* recordStreamAsync(
  n: number,
  onChunk: () => void = () => {},
  seed = 766,
  chunk = 65_536,
): AsyncGenerator<DossierRecordInput> {
  const r = createRng(seed);
  for (let i = 0; i < n; i++) {
    if (i % chunk === 0) {
      onChunk();
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
    yield makeRecord(i, r);
  }
  onChunk();
}
