/**
 * The `cchc` command run in-process through `run(argv, io)` with a fake io: every sub-command,
 * format and option, the help texts, usage errors (exit 2) and bad input (exit 1) with their exact
 * messages, and the progress bar only on a terminal. The child-process test (cli.test.ts) checks
 * the executable itself; this one checks what it prints.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { HELP } from '../../src/cli/i18n.js';
import { type CliIo, progressBar, run } from '../../src/cli/run.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const fx = (name: string) => path.join(ROOT, 'test/fixtures/cli', name);
const dir = mkdtempSync(path.join(tmpdir(), 'cchc-run-'));
const tmp = (name: string, text: string) => {
  const file = path.join(dir, name);
  writeFileSync(file, text);
  return file;
};

interface Captured {
  code: number;
  stdout: string;
  stderr: string;
}

function fakeIo(isTTY?: boolean): { io: CliIo; out: () => string; err: () => string } {
  let out = '';
  let err = '';
  return {
    io: {
      stdout: { write: (t: string) => (out += t) },
      stderr: { write: (t: string) => (err += t), ...(isTTY === undefined ? {} : { isTTY }) },
    },
    out: () => out,
    err: () => err,
  };
}

async function cchc(...args: string[]): Promise<Captured> {
  const f = fakeIo(false);
  const code = await run(args, f.io);
  return { code, stdout: f.out(), stderr: f.err() };
}

const RULES = fx('rule-set.json');
const ASSESS = fx('assessments.csv');
const DOSSIERS = fx('dossiers.csv');
const MARCH = ['--from', '2024-03-01', '--to', '2024-03-31'];

const baseRuleSet = () => JSON.parse(readFileSync(RULES, 'utf8')) as Record<string, unknown>;

describe('cchc help and dispatch', () => {
  it('prints the main help for no command, --help, -h and help, in vi and en', async () => {
    for (const args of [[], ['--help'], ['-h'], ['help']]) {
      const r = await cchc(...args);
      expect(r).toEqual({ code: 0, stdout: `${HELP.main!.vi}\n`, stderr: '' });
    }
    const en = await cchc('--help', '--lang', 'en');
    expect(en.stdout).toBe(`${HELP.main!.en}\n`);
    expect(en.stdout).toContain('Usage: cchc <command> [options]');
  });

  it('prints the version', async () => {
    expect(await cchc('--version')).toEqual({ code: 0, stdout: 'cchc-index\n', stderr: '' });
    expect((await cchc('-v')).stdout).toBe('cchc-index\n');
  });

  it('prints the help of every sub-command (even without its arguments), vi and en', async () => {
    for (const sub of ['validate', 'score', 'dossiers', 'reduction', 'report']) {
      const vi = await cchc(sub, '--help');
      expect(vi.code, sub).toBe(0);
      expect(vi.stdout, sub).toMatch(new RegExp(`^Cách dùng: cchc ${sub} `));
      expect(vi.stdout, sub).toBe(`${HELP[sub]!.vi}\n`);
      const en = await cchc(sub, '-h', '--lang', 'en');
      expect(en.stdout, sub).toMatch(new RegExp(`^Usage: cchc ${sub} `));
      expect(en.stderr, sub).toBe('');
    }
  });

  it('an unknown command exits 2 with a hint, in the language asked', async () => {
    expect(await cchc('nope')).toEqual({
      code: 2,
      stdout: '',
      stderr: 'Lệnh không có: nope. Xem "cchc --help".\n',
    });
    expect((await cchc('nope', '--lang', 'en')).stderr).toBe('No such command: nope. See "cchc --help".\n');
  });

  it('usage errors of the option parser exit 2 naming the command', async () => {
    const r = await cchc('validate', RULES, '--bogus');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^cchc validate: Unknown option '--bogus'/);
    const missingValue = await cchc('dossiers', DOSSIERS, '--from');
    expect(missingValue.code).toBe(2);
    expect(missingValue.stderr).toMatch(/^cchc dossiers: Option '--from <value>' argument missing/);
  });

  it('--lang other than vi or en is a usage error in every sub-command', async () => {
    for (const sub of ['validate', 'score', 'dossiers', 'reduction', 'report']) {
      expect(await cchc(sub, '--lang', 'fr'), sub).toEqual({
        code: 2,
        stdout: '',
        stderr: `cchc ${sub}: --lang: expected vi or en, received "fr".\n`,
      });
    }
  });

  it('rethrows errors that are neither usage errors nor input problems', async () => {
    // The folder of --html does not exist: writeFile fails with ENOENT, a bug or an environment
    // problem that must not be disguised as an exit code.
    const out = path.join(dir, 'no-such-folder', 'r.html');
    await expect(run(['report', '--html', out], fakeIo().io)).rejects.toMatchObject({ code: 'ENOENT' });
  });
});

describe('cchc validate', () => {
  it('a valid rule set: exit 0 and one line, vi and en', async () => {
    expect(await cchc('validate', RULES)).toEqual({
      code: 0,
      stdout: 'Bộ tiêu chí example-district-2025 (phiên bản 1) hợp lệ.\n',
      stderr: '',
    });
    expect((await cchc('validate', RULES, '--lang', 'en')).stdout).toBe(
      'Rule set example-district-2025 (version 1) is valid.\n',
    );
  });

  it('an invalid rule set: exit 1 and every problem with its path', async () => {
    expect(await cchc('validate', fx('bad-rule-set.json'))).toEqual({
      code: 1,
      stdout:
        'Bộ tiêu chí có 2 lỗi:\n' +
        '  children[0].rule.yes: "yes" gives 5 points, more than the node\'s maximum 2.\n' +
        '  total: the top-level maxima add up to 2, not to the total 3.\n',
      stderr: '',
    });
  });

  it('lists warnings after a valid rule set (singular and plural in en)', async () => {
    const file = tmp(
      'warn-rules.json',
      JSON.stringify({ ...baseRuleSet(), bands: [{ label: 'Tốt', minPercent: 80 }] }),
    );
    const vi = await cchc('validate', file);
    expect(vi.code).toBe(0);
    expect(vi.stdout).toBe(
      'Bộ tiêu chí example-district-2025 (phiên bản 1) hợp lệ.\n1 cảnh báo:\n  bands: no band starts at 0 %: a unit below 80 % gets no band.\n',
    );
    expect((await cchc('validate', file, '--lang', 'en')).stdout).toContain('\n1 warning:\n');
    const rs = baseRuleSet();
    const bonus = rs.bonus as { children: { max: number }[] };
    bonus.children[0]!.max = 0;
    const two = tmp('warn2-rules.json', JSON.stringify({ ...rs, bands: [{ label: 'Tốt', minPercent: 80 }] }));
    expect((await cchc('validate', two, '--lang', 'en')).stdout).toBe(
      'Rule set example-district-2025 (version 1) is valid.\n2 warnings:\n' +
        '  bonus.children[0].max: this leaf is worth 0 points.\n' +
        '  bands: no band starts at 0 %: a unit below 80 % gets no band.\n',
    );
  });

  it('one problem in English is singular', async () => {
    const file = tmp('total-rules.json', JSON.stringify({ ...baseRuleSet(), total: 101 }));
    expect(await cchc('validate', file, '--lang', 'en')).toEqual({
      code: 1,
      stdout:
        'The rule set has 1 problem:\n  total: the top-level maxima add up to 100, not to the total 101.\n',
      stderr: '',
    });
  });

  it('--format json: ok with warnings, or the issues', async () => {
    const ok = await cchc('validate', RULES, '--format', 'json');
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.stdout)).toEqual({ ok: true, warnings: [] });
    const bad = await cchc('validate', fx('bad-rule-set.json'), '--format', 'json');
    expect(bad.code).toBe(1);
    const json = JSON.parse(bad.stdout);
    expect(json.ok).toBe(false);
    expect(json.issues.map((i: { path: unknown[] }) => i.path)).toEqual([
      ['children', 0, 'rule', 'yes'],
      ['total'],
    ]);
  });

  it('usage errors: no file, a format it does not have, a missing file, a file that is not JSON', async () => {
    expect(await cchc('validate')).toEqual({
      code: 2,
      stdout: '',
      stderr: 'cchc validate: Thiếu <rule-set.json>. Xem "--help".\n',
    });
    expect((await cchc('validate', '--lang', 'en')).stderr).toBe(
      'cchc validate: Missing <rule-set.json>. See "--help".\n',
    );
    expect((await cchc('validate', RULES, '--format', 'csv')).stderr).toBe(
      'cchc validate: --format: expected table, json, received "csv".\n',
    );
    const missing = path.join(dir, 'missing.json');
    expect(await cchc('validate', missing)).toEqual({
      code: 2,
      stdout: '',
      stderr: `cchc validate: ${missing}: cannot read it (ENOENT).\n`,
    });
    expect((await cchc('validate', dir)).stderr).toBe(`cchc validate: ${dir}: cannot read it (EISDIR).\n`);
    const notJson = tmp('not.json', '{ "id": ');
    const r = await cchc('validate', notJson);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      new RegExp(`^cchc validate: ${notJson.replace(/[.\\/]/g, '\\$&')}: not valid JSON \\(.+\\)\\.\\n$`),
    );
  });

  it('reads a rule set saved with a byte order mark', async () => {
    const file = tmp('bom-rules.json', `\uFEFF${readFileSync(RULES, 'utf8')}`);
    expect((await cchc('validate', file)).code).toBe(0);
  });
});

describe('cchc score', () => {
  it('table: one table per unit (vi figures) and the ranking', async () => {
    const r = await cchc('score', RULES, ASSESS);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const blocks = r.stdout.split('\n\n');
    expect(blocks).toHaveLength(4);
    expect(blocks[0]).toBe(
      [
        'UBND xã A (xa-a), 2024: Tốt',
        '#     Lĩnh vực                          Điểm  Tối đa   Tỷ lệ',
        '────  ────────────────────────────────  ────  ──────  ──────',
        '1     Công tác chỉ đạo, điều hành CCHC     9      10  90,00%',
        '2     Cải cách thủ tục hành chính         72      80  90,00%',
        '9     Đánh giá của UBND tỉnh             8,5      10  85,00%',
        'Tổng                                    89,5     100  89,50%',
      ].join('\n'),
    );
    expect(blocks[3]).toBe(
      [
        'Xếp hạng',
        'Hạng  Đơn vị             Điểm  Chỉ số  Xếp loại',
        '────  ────────────────  ─────  ──────  ────────',
        '   1  UBND xã C (xa-c)   92,5  92,50%  Tốt',
        '   2  UBND xã A (xa-a)   89,5  89,50%  Tốt',
        '   3  UBND xã B (xa-b)  76,25  76,25%  Khá',
        '',
      ].join('\n'),
    );
  });

  it('csv: raw JS-notation numbers and percentages in any language, quoted where needed', async () => {
    for (const lang of ['vi', 'en']) {
      const r = await cchc('score', RULES, ASSESS, '--format', 'csv', '--lang', lang);
      expect(r.code).toBe(0);
      const blocks = r.stdout.split('\n\n');
      const head = lang === 'vi' ? '#,Lĩnh vực,Điểm,Tối đa,Tỷ lệ' : '#,Field,Points,Max,Percent';
      const total = lang === 'vi' ? 'Tổng' : 'Total';
      expect(blocks[1]).toBe(
        [
          head,
          '1,"Công tác chỉ đạo, điều hành CCHC",5.5,10,55.00%',
          '2,Cải cách thủ tục hành chính,63.75,80,79.69%',
          '9,Đánh giá của UBND tỉnh,7,10,70.00%',
          `${total},,76.25,100,76.25%`,
        ].join('\n'),
      );
      const rank = lang === 'vi' ? 'Hạng,Đơn vị,Điểm,Chỉ số,Xếp loại' : 'Rank,Unit,Points,Index,Band';
      expect(blocks[3]).toBe(
        `${rank}\n1,UBND xã C (xa-c),92.5,92.50%,Tốt\n2,UBND xã A (xa-a),89.5,89.50%,Tốt\n3,UBND xã B (xa-b),76.25,76.25%,Khá\n`,
      );
      expect(r.stdout).not.toMatch(/"\d+,\d+%?"/); // no vi decimal comma anywhere
    }
  });

  it('md: a heading per table, vi figures, right-aligned numbers', async () => {
    const r = await cchc('score', RULES, ASSESS, '--format', 'md');
    expect(
      r.stdout.startsWith(
        '### UBND xã A (xa-a), 2024: Tốt\n\n| # | Lĩnh vực | Điểm | Tối đa | Tỷ lệ |\n| --- | --- | ---: | ---: | ---: |\n',
      ),
    ).toBe(true);
    expect(r.stdout).toContain(
      '\n\n### Xếp hạng\n\n| Hạng | Đơn vị | Điểm | Chỉ số | Xếp loại |\n| ---: | --- | ---: | ---: | --- |\n',
    );
    expect(r.stdout).toContain('| 3 | UBND xã B (xa-b) | 76,25 | 76,25% | Khá |');
  });

  it('json: the ranking and the reports', async () => {
    const r = await cchc('score', RULES, ASSESS, '--format', 'json');
    const json = JSON.parse(r.stdout);
    expect(
      json.ranking.map((x: { rank: number; unit: { id: string }; points: number }) => [
        x.rank,
        x.unit.id,
        x.points,
      ]),
    ).toEqual([
      [1, 'xa-c', 92.5],
      [2, 'xa-a', 89.5],
      [3, 'xa-b', 76.25],
    ]);
    expect(json.reports).toHaveLength(3);
  });

  it('units without a name or band, fields without a name, a field not applicable (—)', async () => {
    const rs = baseRuleSet();
    const children = rs.children as Record<string, unknown>[];
    const noName = { ...children[2]! };
    delete noName.name;
    const rules = tmp(
      'plain-rules.json',
      JSON.stringify({
        ...rs,
        bands: [{ label: 'Tốt', minPercent: 80 }],
        children: [children[0], children[1], noName],
      }),
    );
    const assessments = tmp(
      'plain.json',
      JSON.stringify([
        {
          unit: { id: 'u1' },
          period: '2024',
          entries: {
            '1.1': { self: { notApplicable: true } },
            '1.2': { self: { notApplicable: true } },
            '1.3': { self: { notApplicable: true } },
            '1.4': { self: { notApplicable: true } },
            '2.4': { self: { value: 10 } },
            '9': { superior: { value: 5 } },
          },
        },
      ]),
    );
    const table = await cchc('score', rules, assessments);
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(/^u1 \(u1\), 2024\n/); // no band: no ": Tốt"
    expect(table.stdout).toMatch(/\n1 +Công tác chỉ đạo, điều hành CCHC +0 +10 +—\n/);
    expect(table.stdout).toMatch(/\n9 +5 +10 +50,00%\n/); // a field without a name
    expect(table.stdout).toMatch(/\n {3}1 {2}u1 +15 +16,67%\n/); // ranking: the id, no band
    const csv = await cchc('score', rules, assessments, '--format', 'csv');
    expect(csv.stdout).toContain('\n1,"Công tác chỉ đạo, điều hành CCHC",0,10,\n'); // null rate: empty cell
    expect(csv.stdout).toContain('\n9,,5,10,50.00%\n');
    expect(csv.stdout).toContain('\n1,u1,15,16.67%,\n');
  });

  it('--period gives the period of a table without a period column; several files add up', async () => {
    const a = tmp('a.csv', 'Mã đơn vị,Mã tiêu chí,Vòng chấm,Điểm\nxa-a,2.4,Tự chấm,70\n');
    const b = tmp('b.csv', 'Mã đơn vị,Mã tiêu chí,Vòng chấm,Điểm\nxa-b,2.4,Tự chấm,"60,5"\n');
    const r = await cchc('score', RULES, a, b, '--period', '2025', '--format', 'csv');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('\n1,xa-a,70,70.00%,Khá\n2,xa-b,60.5,60.50%,Trung bình\n');
    const without = await cchc('score', RULES, a);
    expect(without.code).toBe(1);
    expect(without.stderr).toMatch(
      /^cchc score: INVALID_INPUT\n {2}a\.csv: no header row with the columns unit \("mã đơn vị", "đơn vị", "unit"\); criterion \("mã tiêu chí", "tiêu chí", "criterion"\); period \("kỳ đánh giá", "kỳ", "năm", "period"\) \(the first row has "Mã đơn vị", "Mã tiêu chí", "Vòng chấm", "Điểm"\); pass columns to map the file's headers\.\n$/,
    );
  });

  it('usage errors: missing arguments, a bad format, an invalid rule set', async () => {
    expect((await cchc('score')).stderr).toBe('cchc score: Thiếu <rule-set.json>. Xem "--help".\n');
    expect(await cchc('score', RULES)).toEqual({
      code: 2,
      stdout: '',
      stderr: 'cchc score: Thiếu <assessments...>. Xem "--help".\n',
    });
    expect((await cchc('score', RULES, ASSESS, '--format', 'xml')).stderr).toBe(
      'cchc score: --format: expected table, json, csv, md, received "xml".\n',
    );
    const bad = fx('bad-rule-set.json');
    expect(await cchc('score', bad, ASSESS, '--lang', 'en')).toEqual({
      code: 2,
      stdout: '',
      stderr:
        `cchc score: ${bad}: The rule set has 2 problems:\n` +
        '  children[0].rule.yes: "yes" gives 5 points, more than the node\'s maximum 2.\n' +
        '  total: the top-level maxima add up to 2, not to the total 3.\n',
    });
  });

  it('a bad assessment row exits 1 naming the file, row and column', async () => {
    const file = tmp(
      'bad-stage.csv',
      'Mã đơn vị,Kỳ đánh giá,Mã tiêu chí,Vòng chấm,Điểm\nxa-a,2024,1.1,Hội đồng,1\n',
    );
    expect(await cchc('score', RULES, file)).toEqual({
      code: 1,
      stdout: '',
      stderr:
        'cchc score: INVALID_INPUT\n' +
        '  bad-stage.csv, row 2, column "Vòng chấm" (D): expected a stage ("Tự chấm", "Thẩm định lần 1", "Cấp trên", "Điều tra XHH" …), received "Hội đồng".\n',
    });
  });

  it('assessments the rule set rejects: the first 20 issues with their paths, then a count', async () => {
    const list = Array.from({ length: 25 }, (_, i) => ({
      unit: { id: `u${i}` },
      period: '2024',
      entries: { nope: { self: { value: 1 } } },
    }));
    const r = await cchc('score', RULES, tmp('unknown-ids.json', JSON.stringify(list)));
    expect(r.code).toBe(1);
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines[0]).toBe('cchc score: INVALID_ASSESSMENT');
    expect(lines).toHaveLength(22);
    expect(lines[1]).toBe(
      '  assessments[0].entries.nope: unknown node id "nope": no node of rule set "example-district-2025" has it.',
    );
    expect(lines[20]).toMatch(/^ {2}assessments\[19\]\.entries\.nope: /);
    expect(lines[21]).toBe('  … 5 more');
  });
});

describe('cchc dossiers', () => {
  it('table by unit: the II.06a rows, the total and the paragraph; nothing on stderr when not a terminal', async () => {
    const r = await cchc('dossiers', DOSSIERS, ...MARCH, '--by', 'unit');
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const lines = r.stdout.split('\n');
    expect(lines[0]).toMatch(/^Đơn vị +Tổng tiếp nhận +Kỳ trước +Trực tuyến .* Tỷ lệ trực tuyến$/);
    expect(lines[2]).toMatch(/^UBND xã A +3 +0 +1 +1 +1 +3 +1 +1 +1 +0 +0 +0 +66,67% +33,33%$/);
    expect(lines[3]).toMatch(/^UBND xã B; huyện C +3 +1 +2 +0 +0 +0 +0 +0 +0 +2 +1 +1 +— +100,00%$/);
    expect(lines[4]).toMatch(/^Tổng +6 +1 +3 +1 +1 +3 +1 +1 +1 +2 +1 +1 +66,67% +60,00%$/);
    expect(lines[5]).toBe('');
    expect(lines[6]).toMatch(/^Tổng số hồ sơ tiếp nhận: 06 hồ sơ/);
  });

  it('by month and by procedure; csv has raw counts and JS-notation rates, empty for no rate', async () => {
    const month = await cchc('dossiers', DOSSIERS, ...MARCH, '--by', 'month', '--format', 'csv');
    expect(month.stdout).toBe(
      'Tháng,Tổng tiếp nhận,Kỳ trước,Trực tuyến,Trực tiếp,BCCI,Đã giải quyết,Trước hạn,Đúng hạn,Quá hạn,Đang giải quyết,Trong hạn,Quá hạn,Tỷ lệ đúng hạn,Tỷ lệ trực tuyến\n' +
        '2024-03,6,1,3,1,1,3,1,1,1,2,1,1,66.67%,60.00%\n' +
        'Tổng,6,1,3,1,1,3,1,1,1,2,1,1,66.67%,60.00%\n',
    );
    const unit = await cchc('dossiers', DOSSIERS, ...MARCH, '--by', 'unit', '--format', 'csv');
    expect(unit.stdout).toContain('\n"UBND xã B; huyện C",3,1,2,0,0,0,0,0,0,2,1,1,,100.00%\n');
    const proc = await cchc(
      'dossiers',
      DOSSIERS,
      ...MARCH,
      '--by',
      'procedure',
      '--format',
      'md',
      '--lang',
      'en',
    );
    expect(proc.stdout).toContain('| Procedure | Received | Carried over |');
    expect(proc.stdout).toContain(
      '| 2.000111 | 2 | 0 | 1 | 0 | 1 | 1 | 0 | 0 | 1 | 1 | 1 | 0 | 0.00% | 50.00% |',
    );
    expect(proc.stdout).toContain('\nDossiers received: 6 (1 carried over;');
  });

  it('a group without the column is "(không có)" / "(none)"; no --by: only the total', async () => {
    const r = await cchc(
      'dossiers',
      fx('bad-dossiers.csv'),
      ...MARCH,
      '--by',
      'unit',
      '--skip-bad-rows',
      '--format',
      'csv',
    );
    expect(r.stdout.split('\n')[1]).toBe('(không có),1,0,1,0,0,1,1,0,0,0,0,0,100.00%,100.00%');
    const en = await cchc(
      'dossiers',
      fx('bad-dossiers.csv'),
      ...MARCH,
      '--by',
      'unit',
      '--skip-bad-rows',
      '--lang',
      'en',
    );
    expect(en.stdout).toMatch(/\n\(none\) +1 /);
    const total = await cchc('dossiers', DOSSIERS, ...MARCH, '--format', 'csv');
    expect(total.stdout.split('\n')).toEqual([
      ',Tổng tiếp nhận,Kỳ trước,Trực tuyến,Trực tiếp,BCCI,Đã giải quyết,Trước hạn,Đúng hạn,Quá hạn,Đang giải quyết,Trong hạn,Quá hạn,Tỷ lệ đúng hạn,Tỷ lệ trực tuyến',
      'Tổng,6,1,3,1,1,3,1,1,1,2,1,1,66.67%,60.00%',
      '',
    ]);
  });

  it('json: meta, totals with rates per group, problems', async () => {
    const r = await cchc(
      'dossiers',
      DOSSIERS,
      ...MARCH,
      '--by',
      'unit',
      '--format',
      'json',
      '--basis',
      'due',
    );
    const json = JSON.parse(r.stdout);
    expect(json.total.stats.withdrawn).toBe(1);
    expect(json.total.totals.received).toBe(6);
    expect(json.total.channels.onlineShare).toBeCloseTo(0.6, 12);
    expect(json.groups.map((g: { key: { unit: string } }) => g.key.unit)).toEqual([
      'UBND xã A',
      'UBND xã B; huyện C',
    ]);
    expect(json.groups[0].timeliness).toHaveProperty('onTimeOrEarlyRate');
    expect(json.problems).toEqual([]);
  });

  it('--as-of, --basis, --duplicates first and --delimiter/--encoding are passed on', async () => {
    const dup = tmp(
      'dup.csv',
      'id,channel,receivedAt,dueAt,finishedAt\nA,online,2024-03-01,2024-03-05,2024-03-04\nA,postal,2024-03-02,2024-03-05,\n',
    );
    const error = await cchc('dossiers', dup, ...MARCH);
    expect(error.code).toBe(1);
    expect(error.stderr).toBe(
      'cchc dossiers: INVALID_INPUT\n  dup.csv, row 3, column "id" (A): the dossier "A" appears a second time: expected each dossier once (a bad export?); pass duplicateIds: "first" to count the first row only.\n',
    );
    const first = JSON.parse(
      (await cchc('dossiers', dup, ...MARCH, '--duplicates', 'first', '--format', 'json')).stdout,
    );
    expect(first.meta.ignored.duplicates).toBe(1);
    const unchecked = JSON.parse(
      (await cchc('dossiers', dup, ...MARCH, '--duplicates', 'unchecked', '--format', 'json')).stdout,
    );
    expect(unchecked.total.totals.received).toBe(2);
    // --as-of before the finishing date: the dossier is still pending at that time.
    const asOf = JSON.parse(
      (
        await cchc(
          'dossiers',
          dup,
          ...MARCH,
          '--duplicates',
          'first',
          '--as-of',
          '2024-03-03',
          '--format',
          'json',
        )
      ).stdout,
    );
    expect(asOf.meta.asOf).toMatch(/^2024-03-03/);
    const tab = tmp('tab.txt', 'id\tchannel\treceivedAt\nT1\tonline\t2024-03-02\n');
    const t = JSON.parse(
      (await cchc('dossiers', tab, ...MARCH, '--delimiter', 'tab', '--format', 'json')).stdout,
    );
    expect(t.total.stats.received.online).toBe(1);
    const semi = tmp('semi.csv', 'id;channel;receivedAt\nS1;postal;2024-03-02\n');
    const s = JSON.parse(
      (await cchc('dossiers', semi, ...MARCH, '--delimiter', ';', '--encoding', 'utf8', '--format', 'json'))
        .stdout,
    );
    expect(s.total.stats.received.postal).toBe(1);
    const latin = path.join(dir, 'latin.csv');
    writeFileSync(latin, Buffer.from('id,channel,receivedAt,unit\nL1,online,2024-03-02,Ph\xfa\n', 'latin1'));
    const l = await cchc(
      'dossiers',
      latin,
      ...MARCH,
      '--encoding',
      'latin1',
      '--by',
      'unit',
      '--format',
      'csv',
    );
    expect(l.stdout).toContain('\nPhú,1,');
  });

  it('--sheet picks a worksheet of an XLSX export by name or position', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Ghi chú').addRow(['nothing here']);
    const ws = wb.addWorksheet('Hồ sơ');
    ws.addRow(['Mã hồ sơ', 'Hình thức', 'Ngày tiếp nhận']);
    ws.addRow(['X1', 'Trực tuyến', new Date(Date.UTC(2024, 2, 4))]);
    const file = path.join(dir, 'export.xlsx');
    await wb.xlsx.writeFile(file);
    for (const sheet of ['Hồ sơ', '2']) {
      const r = await cchc('dossiers', file, ...MARCH, '--sheet', sheet, '--format', 'csv');
      expect(r.code, sheet).toBe(0);
      expect(r.stdout, sheet).toContain('\nTổng,1,0,1,0,0,0,0,0,0,1,1,0,,100.00%\n');
    }
  });

  it('a bad row exits 1 with its file, row and column; --skip-bad-rows lists every one on stderr', async () => {
    const bad = fx('bad-dossiers.csv');
    const r = await cchc('dossiers', bad, ...MARCH);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(
      /^cchc dossiers: INVALID_INPUT\n {2}bad-dossiers\.csv, row 3, column "Kênh nộp" \(B\): expected a channel \(.*\), received "Fax"; pass channelValues to map other texts\.\n$/,
    );
    const skip = await cchc('dossiers', bad, ...MARCH, '--skip-bad-rows', '--lang', 'en');
    expect(skip.code).toBe(0);
    const lines = skip.stderr.trimEnd().split('\n');
    expect(lines[0]).toBe('3 bad rows were left out:');
    expect(lines[1]).toMatch(/^ {2}bad-dossiers\.csv, row 3, column "Kênh nộp" \(B\): expected a channel/);
    expect(lines[2]).toBe(
      `  bad-dossiers.csv, row 4, column "Ngày hẹn trả" (D): expected a date 'YYYY-MM-DD', an ISO 8601 date-time such as '2024-03-05T14:30:00+07:00', or a Date, received the string "2024-02-31" (the cell reads "31/02/2024").`,
    );
    expect(lines[3]).toBe(
      '  bad-dossiers.csv, row 5, column "Ngày trả kết quả" (E): expected a time on or after receivedAt ("2024-03-03"), received "2024-03-01".',
    );
    expect(skip.stdout).toMatch(/\nTotal +1 +0 +1 /);
  });

  it('--skip-bad-rows lists the first 50 bad rows and counts the rest; vi singular', async () => {
    const rows = Array.from({ length: 53 }, (_, i) => `B${i},Fax,2024-03-01`);
    const file = tmp('many-bad.csv', `id,channel,receivedAt\nG1,online,2024-03-01\n${rows.join('\n')}\n`);
    const r = await cchc('dossiers', file, ...MARCH, '--skip-bad-rows');
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines[0]).toBe('53 dòng lỗi đã bị bỏ qua:');
    expect(lines).toHaveLength(52);
    expect(lines[50]).toMatch(/^ {2}many-bad\.csv, row 52, column "channel" \(B\): /);
    expect(lines[51]).toBe('  … 3 more');
    const one = tmp('one-bad.csv', 'id,channel,receivedAt\nB1,Fax,2024-03-01\n');
    expect((await cchc('dossiers', one, ...MARCH, '--skip-bad-rows', '--lang', 'en')).stderr).toMatch(
      /^1 bad row was left out:\n/,
    );
  });

  it('bad summary options (an impossible date) exit 1 with the option path', async () => {
    expect(await cchc('dossiers', DOSSIERS, '--from', '2024-13-01', '--to', '2024-03-31')).toEqual({
      code: 1,
      stdout: '',
      stderr:
        'cchc dossiers: INVALID_OPTIONS\n  options.period.from: expected a date \'YYYY-MM-DD\' or a Date, received the string "2024-13-01".\n',
    });
    const enc = await cchc('dossiers', DOSSIERS, ...MARCH, '--encoding', 'klingon');
    expect(enc.code).toBe(1);
    expect(enc.stderr).toBe(
      'cchc dossiers: INVALID_OPTIONS\n  options.encoding: unknown text encoding "klingon".\n',
    );
  });

  it('a missing export exits 1 naming it', async () => {
    const missing = path.join(dir, 'nope.csv');
    expect(await cchc('dossiers', missing, ...MARCH)).toEqual({
      code: 1,
      stdout: '',
      stderr: `cchc dossiers: INVALID_INPUT\n  ${missing}: cannot read it (no such file).\n`,
    });
  });

  it('usage errors: the export, --from/--to, --by, --basis, --duplicates, --format, --threads', async () => {
    const cases: [string[], string][] = [
      [[], 'Thiếu <export>. Xem "--help".'],
      [[DOSSIERS], 'Thiếu --from YYYY-MM-DD --to YYYY-MM-DD. Xem "--help".'],
      [[DOSSIERS, '--from', '2024-03-01'], 'Thiếu --from YYYY-MM-DD --to YYYY-MM-DD. Xem "--help".'],
      [[DOSSIERS, ...MARCH, '--by', 'day'], '--by: expected unit, procedure or month, received "day".'],
      [
        [DOSSIERS, ...MARCH, '--basis', 'x'],
        '--basis: expected resolved, due, toProcess or portal766, received "x".',
      ],
      [
        [DOSSIERS, ...MARCH, '--duplicates', 'last'],
        '--duplicates: expected error, first or unchecked, received "last".',
      ],
      [[DOSSIERS, ...MARCH, '--format', 'html'], '--format: expected table, json, csv, md, received "html".'],
      [[DOSSIERS, ...MARCH, '--threads', '0'], '--threads: expected a whole number from 1, received "0".'],
      [
        [DOSSIERS, ...MARCH, '--threads', '2.5'],
        '--threads: expected a whole number from 1, received "2.5".',
      ],
    ];
    for (const [args, message] of cases) {
      expect(await cchc('dossiers', ...args), message).toEqual({
        code: 2,
        stdout: '',
        stderr: `cchc dossiers: ${message}\n`,
      });
    }
  });

  it('--threads is accepted and changes nothing in the result', async () => {
    const plain = await cchc('dossiers', DOSSIERS, ...MARCH, '--format', 'json');
    for (const threads of ['1', '3']) {
      expect(await cchc('dossiers', DOSSIERS, ...MARCH, '--format', 'json', '--threads', threads)).toEqual(
        plain,
      );
    }
  });

  it('every --basis is accepted', async () => {
    for (const basis of ['resolved', 'due', 'toProcess', 'portal766']) {
      expect((await cchc('dossiers', DOSSIERS, ...MARCH, '--basis', basis)).code, basis).toBe(0);
    }
  });
});

describe('the progress bar', () => {
  it('is drawn on stderr only when it is a terminal, and cleared at the end', async () => {
    const tty = fakeIo(true);
    expect(await run(['dossiers', DOSSIERS, ...MARCH, '--format', 'csv'], tty.io)).toBe(0);
    // One chunk: the bar jumps to 100 % and the line is cleared.
    expect(tty.err()).toBe(`\r[${'#'.repeat(30)}] 100%\r\u001b[K`);
    expect(tty.out()).toContain('Tổng,6,');
    for (const isTTY of [false, undefined]) {
      const pipe = fakeIo(isTTY);
      expect(await run(['dossiers', DOSSIERS, ...MARCH, '--format', 'csv'], pipe.io)).toBe(0);
      expect(pipe.err()).toBe('');
      expect(pipe.out()).toBe(tty.out());
    }
  });

  it('redraws when the whole percentage changes, ignores unknown or zero totals', () => {
    expect(progressBar(fakeIo(false).io)).toBeUndefined();
    expect(progressBar(fakeIo().io)).toBeUndefined();
    const f = fakeIo(true);
    const bar = progressBar(f.io)!;
    bar(10, null);
    bar(10, 0);
    expect(f.err()).toBe('');
    bar(1, 3); // 33 %
    bar(1.001, 3); // still 33 %: no redraw
    bar(2, 3); // 66 %
    bar(5, 3); // past the end: 100 %
    expect(f.err()).toBe(
      `\r[${'#'.repeat(10)}${'.'.repeat(20)}]  33%` +
        `\r[${'#'.repeat(20)}${'.'.repeat(10)}]  66%` +
        `\r[${'#'.repeat(30)}] 100%\r\u001b[K`,
    );
  });
});

describe('cchc reduction', () => {
  const PROC = fx('procedures.csv');

  it('table: vi figures, 07 procedures, and the paragraph', async () => {
    const r = await cchc('reduction', PROC);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/\n1\.003 +Chứng thực bản sao +1,5 +1 +0,5 +33,3%\n/);
    expect(r.stdout).toMatch(/\nTổng +07 +91,5 +63 +28,5 +31,1%\n/);
    expect(r.stdout).toContain('Tỷ lệ cắt giảm: 31,1%');
  });

  it('csv: raw numbers and count, JS-notation rates, no paragraph', async () => {
    const r = await cchc('reduction', PROC, '--format', 'csv');
    expect(r.stdout.split('\n')).toEqual([
      'Mã TTHC,Tên TTHC,Trước,Sau,Cắt giảm,Tỷ lệ',
      '1.001,Cấp giấy phép xây dựng,20,15,5,25.0%',
      '1.002,Đăng ký hộ kinh doanh,3,2,1,33.3%',
      '1.003,Chứng thực bản sao,1.5,1,0.5,33.3%',
      '1.004,Đăng ký khai sinh,5,3,2,40.0%',
      '1.005,Cấp phép quảng cáo,10,7,3,30.0%',
      '1.006,Thẩm định dự án,45,30,15,33.3%',
      '1.007,Cấp giấy chứng nhận,7,5,2,28.6%',
      'Tổng,7,91.5,63,28.5,31.1%',
      '',
    ]);
  });

  it('md in en with --method mean; json', async () => {
    const md = await cchc('reduction', PROC, '--format', 'md', '--method', 'mean', '--lang', 'en');
    expect(md.stdout).toContain(
      '| Code | Name | Before | After | Reduced | Rate |\n| --- | --- | ---: | ---: | ---: | ---: |\n',
    );
    expect(md.stdout).toContain('| Total | 07 | 91.5 | 63 | 28.5 | 31.9% |');
    expect(md.stdout).toContain('Mean reduction rate: 31.9%.');
    const json = JSON.parse((await cchc('reduction', PROC, '--format', 'json', '--method', 'pooled')).stdout);
    expect([json.count, json.before, json.after, json.reduced]).toEqual([7, 91.5, 63, 28.5]);
  });

  it('procedures without code or name leave the cells empty', async () => {
    const file = tmp('times.csv', 'Thời gian trước cắt giảm,Thời gian sau cắt giảm\n10,5\n');
    expect((await cchc('reduction', file, '--format', 'csv')).stdout).toBe(
      'Mã TTHC,Tên TTHC,Trước,Sau,Cắt giảm,Tỷ lệ\n,,10,5,5,50.0%\nTổng,1,10,5,5,50.0%\n',
    );
  });

  it('usage errors and a bad row', async () => {
    expect((await cchc('reduction')).stderr).toBe('cchc reduction: Thiếu <procedures.csv>. Xem "--help".\n');
    expect(await cchc('reduction', PROC, '--method', 'median')).toEqual({
      code: 2,
      stdout: '',
      stderr: 'cchc reduction: --method: expected pooled or mean, received "median".\n',
    });
    expect((await cchc('reduction', PROC, '--format', 'tsv')).code).toBe(2);
    const bad = tmp(
      'bad-times.csv',
      'Mã TTHC,Thời gian trước cắt giảm,Thời gian sau cắt giảm\n1.001,mười,5\n',
    );
    expect(await cchc('reduction', bad)).toEqual({
      code: 1,
      stdout: '',
      stderr:
        'cchc reduction: INVALID_INPUT\n  bad-times.csv, row 2, column "Thời gian trước cắt giảm" (B): expected a time (a number such as 20 or 91,5), received "mười".\n',
    });
  });
});

describe('cchc report', () => {
  let full: string;
  let fullOut: Captured;

  beforeAll(async () => {
    full = path.join(dir, 'full.html');
    fullOut = await cchc(
      'report',
      RULES,
      ASSESS,
      '--dossiers',
      DOSSIERS,
      ...MARCH,
      '--procedures',
      fx('procedures.csv'),
      '--html',
      full,
    );
  });

  it('writes one HTML file with the units, the ranking, the timeliness and the paragraphs', () => {
    expect(fullOut).toEqual({ code: 0, stdout: `Đã ghi ${path.resolve(full)}.\n`, stderr: '' });
    const html = readFileSync(full, 'utf8');
    expect(html).toContain('<html lang="vi">');
    expect(html).toContain('<title>Báo cáo Chỉ số cải cách hành chính</title>');
    expect(html).toContain(
      '<p class="subtitle">Illustrative district index (90 self-assessed + 10 provincial points) (1), 2024</p>',
    );
    expect(html.match(/<figure class="chart fields"/g)).toHaveLength(3);
    expect(html).toContain('<g class="rank" data-unit="xa-c" data-rank="1">');
    expect(html).toContain('<g class="rank" data-unit="xa-b" data-rank="3">');
    // --by defaults to unit in the report: one timeliness bar per unit.
    expect(html).toContain('data-group="UBND xã A"');
    expect(html).toContain('data-group="UBND xã B; huyện C"');
    expect(html).toContain('Tổng số hồ sơ tiếp nhận: 06 hồ sơ');
    expect(html).toContain('Tỷ lệ cắt giảm: 31,1%');
    expect(html).not.toMatch(/\b(src|href)=/);
  });

  it('dossiers only, by month, with a title, in English', async () => {
    const out = path.join(dir, 'dossiers.html');
    const r = await cchc(
      'report',
      '--dossiers',
      DOSSIERS,
      ...MARCH,
      '--by',
      'month',
      '--title',
      'Q1 <2024>',
      '--lang',
      'en',
      '--html',
      out,
    );
    expect(r).toEqual({ code: 0, stdout: `Wrote ${path.resolve(out)}.\n`, stderr: '' });
    const html = readFileSync(out, 'utf8');
    expect(html).toContain('<title>Q1 &lt;2024&gt;</title>');
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('data-group="2024-03"');
    expect(html).not.toContain('class="chart fields"');
    expect(html).toContain('Dossiers received: 6');
  });

  it('a group without its column is labelled "(none)"; a rule set without a name shows its id; units without bands', async () => {
    const rs = baseRuleSet();
    delete rs.name;
    const rules = tmp(
      'unnamed-rules.json',
      JSON.stringify({ ...rs, bands: [{ label: 'Tốt', minPercent: 90 }] }),
    );
    const out = path.join(dir, 'plain.html');
    const r = await cchc(
      'report',
      rules,
      ASSESS,
      '--dossiers',
      fx('bad-dossiers.csv'),
      ...MARCH,
      '--skip-bad-rows',
      '--by',
      'procedure',
      '--html',
      out,
    );
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/^3 dòng lỗi đã bị bỏ qua:\n/);
    const html = readFileSync(out, 'utf8');
    expect(html).toContain('<p class="subtitle">example-district-2025 (1), 2024</p>');
    expect(html).toContain('data-group="(không có)"');
    expect(html).toContain('<td>1</td><td>UBND xã C</td><td>92,5/100</td><td>92,50%</td><td>Tốt</td>');
    expect(html).toContain('<td>2</td><td>UBND xã A</td><td>89,5/100</td><td>89,50%</td><td></td>');
  });

  it('procedures only', async () => {
    const out = path.join(dir, 'procedures.html');
    expect((await cchc('report', '--procedures', fx('procedures.csv'), '--html', out)).code).toBe(0);
    const html = readFileSync(out, 'utf8');
    expect(html).toContain('Tỷ lệ cắt giảm: 31,1%');
    expect(html).not.toContain('<svg');
  });

  it('usage errors: no --html, a rule set without assessments, dossiers without a period', async () => {
    expect(await cchc('report', RULES, ASSESS)).toEqual({
      code: 2,
      stdout: '',
      stderr: 'cchc report: Thiếu --html out.html. Xem "--help".\n',
    });
    const out = path.join(dir, 'never.html');
    expect((await cchc('report', RULES, '--html', out, '--lang', 'en')).stderr).toBe(
      'cchc report: Missing <assessments...>. See "--help".\n',
    );
    expect((await cchc('report', '--dossiers', DOSSIERS, '--html', out)).stderr).toBe(
      'cchc report: Thiếu --from YYYY-MM-DD --to YYYY-MM-DD. Xem "--help".\n',
    );
    expect(() => readFileSync(out)).toThrow(); // nothing written
  });
});
