/**
 * The `cchc` command run as a child process (`node --import tsx src/cli/main.ts`) on the fixture
 * files of test/fixtures/cli/: exit codes and output.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const FIX = path.join(ROOT, 'test/fixtures/cli');
const fx = (name: string) => path.join(FIX, name);

function cchc(...args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', path.join(ROOT, 'src/cli/main.ts'), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, FORCE_COLOR: '0' },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

// Each case starts several Node processes (with the tsx loader): allow them time on 2 shared cores.
describe('cchc (child process)', { timeout: 60_000 }, () => {
  it('prints help for the command and for every sub-command, in vi and en', () => {
    const main = cchc('--help');
    expect(main.code).toBe(0);
    expect(main.stdout).toContain('cchc <lệnh>');
    for (const sub of ['validate', 'score', 'dossiers', 'reduction', 'report']) {
      const vi = cchc(sub, '--help');
      expect(vi.code, sub).toBe(0);
      expect(vi.stdout, sub).toContain(`cchc ${sub}`);
      const en = cchc(sub, '--help', '--lang', 'en');
      expect(en.stdout, sub).toMatch(/^Usage: /);
    }
  });

  it('validate: exit 0 for a valid rule set, exit 1 listing every problem', () => {
    const ok = cchc('validate', fx('rule-set.json'));
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain('example-district-2025');
    const bad = cchc('validate', fx('bad-rule-set.json'), '--lang', 'en');
    expect(bad.code).toBe(1);
    expect(bad.stdout).toContain('The rule set has 2 problems:');
    expect(bad.stdout).toContain('children[0].rule.yes');
    expect(bad.stdout).toContain('total');
    const json = cchc('validate', fx('bad-rule-set.json'), '--format', 'json');
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stdout).issues.map((i: { path: unknown[] }) => i.path.join('.'))).toEqual([
      'children.0.rule.yes',
      'total',
    ]);
  });

  it('score: a table per unit and the ranking, in every format', () => {
    const table = cchc('score', fx('rule-set.json'), fx('assessments.csv'));
    expect(table.code).toBe(0);
    expect(table.stdout).toContain('UBND xã A (xa-a), 2024: Tốt');
    const ranking = table.stdout.slice(table.stdout.indexOf('Xếp hạng'));
    expect(ranking).toMatch(/1 {2}UBND xã C \(xa-c\) {3}92,5 {2}92,50% {2}Tốt/);
    expect(ranking.indexOf('xa-c')).toBeLessThan(ranking.indexOf('xa-a'));
    expect(ranking.indexOf('xa-a')).toBeLessThan(ranking.indexOf('xa-b'));
    const json = JSON.parse(
      cchc('score', fx('rule-set.json'), fx('assessments.csv'), '--format', 'json').stdout,
    );
    expect(json.ranking.map((r: { rank: number; unit: { id: string } }) => [r.rank, r.unit.id])).toEqual([
      [1, 'xa-c'],
      [2, 'xa-a'],
      [3, 'xa-b'],
    ]);
    // The appraisal of 1.4 (5 instead of the self-assessed 5,5) wins for xa-a: 89,5 points.
    expect(json.reports[0].total.points).toBe(89.5);
    const csv = cchc('score', fx('rule-set.json'), fx('assessments.csv'), '--format', 'csv', '--lang', 'en');
    expect(csv.stdout).toContain('Rank,Unit,Points,Index,Band\n1,UBND xã C (xa-c),92.5,92.50%,Tốt');
    const md = cchc('score', fx('rule-set.json'), fx('assessments.csv'), '--format', 'md');
    expect(md.stdout).toContain('### Xếp hạng');
    expect(md.stdout).toContain('| 1 | UBND xã C (xa-c) | 92,5 | 92,50% | Tốt |');
  });

  it('dossiers: the II.06a table by unit and the paragraph, from a ;-separated BOM file with a title row', () => {
    const r = cchc(
      'dossiers',
      fx('dossiers.csv'),
      '--from',
      '2024-03-01',
      '--to',
      '2024-03-31',
      '--by',
      'unit',
    );
    expect(r.code).toBe(0);
    expect(r.stderr).toBe(''); // not a terminal: no progress bar
    expect(r.stdout).toMatch(/UBND xã A +3 +0 +1 +1 +1 +3 +1 +1 +1 +0 +0 +0 +66,67% +33,33%/);
    expect(r.stdout).toMatch(/UBND xã B; huyện C +3 +1 +2 +0 +0 +0 +0 +0 +0 +2 +1 +1 +— +100,00%/);
    expect(r.stdout).toContain('Tổng số hồ sơ tiếp nhận: 06 hồ sơ');
    const json = JSON.parse(
      cchc('dossiers', fx('dossiers.csv'), '--from', '2024-03-01', '--to', '2024-03-31', '--format', 'json')
        .stdout,
    );
    expect(json.total.stats.withdrawn).toBe(1);
    expect(json.meta.ignored.closedBeforePeriod).toBe(1);
  });

  it('dossiers: a bad row stops with exit 1 naming the file, row and column; --skip-bad-rows lists them all', () => {
    const r = cchc('dossiers', fx('bad-dossiers.csv'), '--from', '2024-03-01', '--to', '2024-03-31');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('bad-dossiers.csv, row 3, column "Kênh nộp" (B)');
    const skip = cchc(
      'dossiers',
      fx('bad-dossiers.csv'),
      '--from',
      '2024-03-01',
      '--to',
      '2024-03-31',
      '--skip-bad-rows',
      '--format',
      'json',
    );
    expect(skip.code).toBe(0);
    const out = JSON.parse(skip.stdout);
    expect(out.total.stats.resolved.early).toBe(1);
    expect(out.problems.map((p: { row: number; field: string }) => [p.row, p.field])).toEqual([
      [3, 'channel'],
      [4, 'dueAt'],
      [5, 'finishedAt'],
    ]);
    expect(skip.stderr).toContain('3 dòng lỗi đã bị bỏ qua');
  });

  it('reduction: Lộc Bình 2024, 07 procedures, 91,5 → 63 days, 31,1%', () => {
    const r = cchc('reduction', fx('procedures.csv'));
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Tổng +07 +91,5 +63 +28,5 +31,1%/);
    expect(r.stdout).toContain('Tỷ lệ cắt giảm: 31,1%');
    const json = JSON.parse(cchc('reduction', fx('procedures.csv'), '--format', 'json').stdout);
    expect([json.count, json.before, json.after, json.reduced]).toEqual([7, 91.5, 63, 28.5]);
  });

  it('usage errors exit 2', () => {
    expect(cchc('nope').code).toBe(2);
    expect(cchc('dossiers', fx('dossiers.csv')).code).toBe(2);
    expect(cchc('score', fx('rule-set.json'), '--format', 'xml', fx('assessments.csv')).code).toBe(2);
    expect(cchc('validate', fx('missing.json')).code).toBe(2);
  });

  it('report: writes a self-contained HTML file', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'cchc-cli-'));
    const out = path.join(dir, 'report.html');
    const r = cchc(
      'report',
      fx('rule-set.json'),
      fx('assessments.csv'),
      '--dossiers',
      fx('dossiers.csv'),
      '--from',
      '2024-03-01',
      '--to',
      '2024-03-31',
      '--procedures',
      fx('procedures.csv'),
      '--html',
      out,
    );
    expect(r.code).toBe(0);
    const html = readFileSync(out, 'utf8');
    expect(html).toContain('<svg');
    expect(html).not.toMatch(/\b(src|href)=/);
    expect(html).toContain('Tỷ lệ cắt giảm: 31,1%');
  });
});
