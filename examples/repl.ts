/**
 * A Node REPL with cchc-index loaded, printing results readably: the key figures in vi-VN first
 * (`describeResult`), then the object. Run: `npm run repl` (`npm run repl -- --lang en` for English
 * summaries).
 *
 *   cchc> timeReduction({ before: 91.5, after: 63 })
 *   Cắt giảm thời gian: 01 TTHC, 91,5 → 63 ngày, giảm 28,5 ngày (31,1%)
 *   { count: 1, before: 91.5, after: 63, reduced: 28.5, rate: 0.3114754098360656, … }
 *
 * Every export is available as `cchc.<name>` and as a global (`timeReduction(…)`).
 */
import repl from 'node:repl';
import { inspect } from 'node:util';
import * as cchc from '../src/index.js';

const langIndex = process.argv.indexOf('--lang');
const lang = langIndex >= 0 && process.argv[langIndex + 1] === 'en' ? 'en' : 'vi';
const colors = Boolean(process.stdout.isTTY);

/** Prints a value the way the REPL does, with the summary line of a known result first. */
export function writer(value: unknown): string {
  const body = inspect(value, { colors, depth: 4 });
  let summary: string | null = null;
  try {
    summary = cchc.describeResult(value, { lang });
  } catch {
    summary = null;
  }
  return summary === null ? body : `${colors ? `\u001b[1m${summary}\u001b[22m` : summary}\n${body}`;
}

const server = repl.start({ prompt: 'cchc> ', writer, useGlobal: false });
Object.assign(server.context, cchc, { cchc });
if (process.stdin.isTTY) {
  console.log(
    lang === 'vi'
      ? 'cchc-index: thư viện đã nạp sẵn dưới tên `cchc` (và từng hàm, ví dụ timeReduction). Gõ .exit để thoát.'
      : 'cchc-index: the library is loaded as `cchc` (and each function, e.g. timeReduction). Type .exit to leave.',
  );
}
