/** `npm run repl` (examples/repl.ts), run as a child process with its input piped in. */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');
const TSX = path.join(ROOT, 'node_modules', '.bin', 'tsx');

function runRepl(input: string, args: string[] = []): string {
  const run = spawnSync(TSX, ['examples/repl.ts', ...args], {
    cwd: ROOT,
    input,
    encoding: 'utf8',
    timeout: 60_000,
  });
  expect(run.status, run.stderr).toBe(0);
  return run.stdout;
}

describe('examples/repl.ts', () => {
  it('preloads the library and prints results with their key figures first', () => {
    const out = runRepl(
      [
        'timeReduction({ before: 91.5, after: 63 })',
        'cchc.writeReductionReport({ count: 7, before: 91.5, after: 63 })',
        '1 + 1',
        '.exit',
        '',
      ].join('\n'),
    );
    expect(out).toContain('Cắt giảm thời gian: 01 TTHC, 91,5 → 63 ngày, giảm 28,5 ngày (31,1%)\n{');
    expect(out).toContain('rate: 0.3114754098360656');
    expect(out).toContain('Tổng số TTHC được thực hiện rà soát: 07 TTHC;');
    expect(out).toContain('cchc> 2\n');
  });

  it('writes English summaries with --lang en', () => {
    const out = runRepl('taskCompletion({ done: 41, total: 57 })\n.exit\n', ['--lang', 'en']);
    expect(out).toContain('Plan completion: 41/57 tasks (71.93%)');
  });
});
