/**
 * Writes a synthetic one-stop dossier export (Vietnamese headers and values, UTF-8 with BOM, comma
 * separated) for the CSV benchmark: `npx tsx test/bench/csv/generate.ts [rows] [file]`.
 *
 * Deterministic (a fixed linear congruential generator, no Math.random), so every run and every
 * machine reads the same file. About 66 bytes a row: 1 000 000 rows ≈ 66 MB.
 */
import { createWriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));

/** The default file: `test/bench/results/dossiers-1m.csv` (git-ignored). */
export const DEFAULT_FILE = path.resolve(HERE, '../results/dossiers-1m.csv');

export const HEADER =
  'Mã hồ sơ,Đơn vị,Mã TTHC,Kênh nộp,Ngày tiếp nhận,Ngày hẹn trả,Ngày trả kết quả,Trạng thái';

const CHANNELS = ['Trực tuyến', 'Trực tuyến', 'Trực tuyến', 'Trực tiếp', 'Trực tiếp', 'Bưu chính'];
const DAY_MS = 86_400_000;
const START = Date.UTC(2023, 11, 1); // received from 1/12/2023 …
const SPAN_DAYS = 152; // … to the end of April 2024

function day(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** A deterministic generator of 31-bit integers. */
function lcg(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return state >>> 1;
  };
}

/** One row of the export as CSV text (without the line end). */
export function row(i: number, next: () => number): string {
  const unit = `U${String(next() % 40).padStart(2, '0')}`;
  const procedure = `1.00${String(next() % 300).padStart(4, '0')}`;
  const channel = CHANNELS[next() % CHANNELS.length]!;
  const received = START + (next() % SPAN_DAYS) * DAY_MS;
  const due = received + (1 + (next() % 15)) * DAY_MS;
  const r = next() % 100;
  let finished = '';
  let status = 'Đã giải quyết';
  if (r < 8) {
    status = 'Đang giải quyết';
  } else if (r < 10) {
    status = 'Rút hồ sơ';
    finished = day(received + (next() % 5) * DAY_MS);
  } else {
    // Mostly early or on time, some late.
    const offset = (next() % 20) - 16;
    finished = day(Math.max(received, due + offset * DAY_MS));
  }
  return `HS${String(i).padStart(7, '0')},${unit},${procedure},${channel},${day(received)},${day(due)},${finished},${status}`;
}

/** Writes `rows` rows to `file`; resolves when the file is closed. */
export async function generate(rows: number, file: string): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const out = createWriteStream(file);
  const next = lcg(20240630);
  out.write(`\uFEFF${HEADER}\n`);
  let buffer: string[] = [];
  for (let i = 1; i <= rows; i++) {
    buffer.push(row(i, next));
    if (buffer.length === 10_000) {
      if (!out.write(`${buffer.join('\n')}\n`))
        await new Promise<void>((ok) => out.once('drain', () => ok()));
      buffer = [];
    }
  }
  if (buffer.length > 0) out.write(`${buffer.join('\n')}\n`);
  await new Promise<void>((ok, fail) => out.end((error?: Error | null) => (error ? fail(error) : ok())));
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const rows = Number(process.argv[2] ?? 1_000_000);
  const file = path.resolve(process.argv[3] ?? DEFAULT_FILE);
  await generate(rows, file);
  console.log(`wrote ${rows} rows to ${file}`);
}
