/**
 * The three snippets of docs/testing.md ("## vitest", "## jest", "## node:test"), each run as written
 * under its real test runner in a child process. The snippets are read from the doc, so a drifting
 * snippet fails here.
 *
 * Each run gets a temporary project laid out like a province's: the snippet as its test file, the
 * rule set `bo-tieu-chi-huyen-2025.json` and `golden-cases.json` beside it, and
 * `node_modules/cchc-index/` with a package.json whose `exports["./testing"]` gives `import` an ESM
 * and `require` a CommonJS bundle of the current src/testing/index.ts (built with esbuild, as tsup
 * would), so `import`/`require('cchc-index/testing')` resolve as in a real install and no build is
 * needed first. jest (pinned in package.json) is a devDependency for this test alone; vitest is this
 * repo's own, run with a config of the temporary project, not this repo's.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const DOC = readFileSync(path.join(ROOT, 'docs/testing.md'), 'utf8');
/** Each child run gets this long; the vitest test around it a little longer. */
const CHILD_TIMEOUT = 150_000;
const TEST_TIMEOUT = 180_000;

/** The ```<lang> block of a doc's section, as written. */
function sectionSnippet(markdown: string, heading: string, lang: 'js' | 'ts'): string {
  const start = markdown.indexOf(`\n${heading}\n`);
  if (start < 0) throw new Error(`no section "${heading}"`);
  const next = markdown.indexOf('\n## ', start + heading.length + 2);
  const section = markdown.slice(start, next < 0 ? undefined : next);
  const match = new RegExp(`\`\`\`${lang}\\n([\\s\\S]*?)\`\`\``).exec(section);
  if (!match) throw new Error(`no \`\`\`${lang} block in section "${heading}"`);
  return match[1]!;
}

/**
 * The province's rule set: 1.1 (options, 1 point), 2 (manual, 89 points, self-assessed) and 9
 * (manual, 10 points, scored by the province), total 100, bands from 'Tốt' at 80 % down to 0 %.
 * Valid with `failOnWarnings: true`, as the vitest snippet asks.
 */
const RULE_SET = {
  id: 'bo-tieu-chi-huyen-2025',
  version: '1',
  name: 'Bộ tiêu chí cấp huyện 2025 (test/docs/testingSnippets.test.ts)',
  level: 'huyen',
  legalBasis: 'illustrative, for the snippets of docs/testing.md',
  total: 100,
  bands: [
    { label: 'Tốt', minPercent: 80 },
    { label: 'Khá', minPercent: 70 },
    { label: 'Trung bình', minPercent: 50 },
    { label: 'Yếu', minPercent: 0 },
  ],
  children: [
    {
      id: '1.1',
      name: 'Ban hành kế hoạch CCHC năm',
      max: 1,
      assessor: 'self',
      rule: {
        kind: 'options',
        options: [
          { id: 'kip-thoi', label: 'Ban hành kịp thời', points: 1 },
          { id: 'khong-kip-thoi', label: 'Ban hành không kịp thời', points: 0.5 },
        ],
      },
    },
    {
      id: '2',
      name: 'Các nhiệm vụ CCHC còn lại',
      max: 89,
      assessor: 'self',
      rule: { kind: 'manual', step: 0.25 },
    },
    {
      id: '9',
      name: 'Đánh giá của UBND tỉnh',
      max: 10,
      assessor: 'superior',
      rule: { kind: 'manual', step: 0.25 },
    },
  ],
};

/** huyện A: 0.5 + 75.5 + 8.5 = 84.5 of 100, 'Tốt'. */
const ASSESSMENT = {
  unit: { id: 'huyen-a', name: 'Huyện A' },
  period: '2025',
  entries: {
    '1.1': { self: { value: 'khong-kip-thoi' } },
    '2': { self: { value: 75.5 } },
    '9': { superior: { value: 8.5 } },
  },
};

/** `golden-cases.json`: 'huyện A' passes, 'huyện B' expects 1.1 at 1 and fails on that row. */
const GOLDEN_CASES = {
  'huyện A': {
    assessment: ASSESSMENT,
    expected: { total: 84.5, band: 'Tốt', points: { '1.1': 0.5, '9': 8.5 } },
  },
  'huyện B': {
    assessment: { ...ASSESSMENT, unit: { id: 'huyen-b', name: 'Huyện B' } },
    expected: { points: { '1.1': 1 } },
  },
};

/** The row the failing case must print: node, name, expected, actual, difference, reason. */
const TABLE_ROW = /1\.1 +Ban hành kế hoạch CCHC năm +1 +0\.5 +-0\.5 +OPTION_CHOSEN/;

let bundles: Promise<{ esm: string; cjs: string }> | undefined;

/** cchc-index/testing as ESM and as CommonJS, bundled once from the current source. */
function testingBundles(): Promise<{ esm: string; cjs: string }> {
  bundles ??= Promise.all(
    (['esm', 'cjs'] as const).map(async (format) => {
      const result = await build({
        entryPoints: [path.join(ROOT, 'src/testing/index.ts')],
        bundle: true,
        format,
        platform: 'node',
        target: 'node20',
        write: false,
        outfile: `testing.${format === 'esm' ? 'mjs' : 'cjs'}`,
        nodePaths: [path.join(ROOT, 'node_modules')],
        logLevel: 'error',
      });
      return result.outputFiles[0]!.text;
    }),
  ).then(([esm, cjs]) => ({ esm: esm!, cjs: cjs! }));
  return bundles;
}

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

/**
 * A temporary province project: `node_modules/cchc-index/` (package.json with `exports["./testing"]`,
 * testing.mjs, testing.cjs), the rule set and the golden cases, and `files` (name → text).
 */
async function provinceProject(prefix: string, files: Record<string, string>): Promise<string> {
  const dir = mkdtempSync(path.join(tmpdir(), `cchc-${prefix}-`));
  dirs.push(dir);
  const pkg = path.join(dir, 'node_modules/cchc-index');
  mkdirSync(pkg, { recursive: true });
  const { esm, cjs } = await testingBundles();
  writeFileSync(
    path.join(pkg, 'package.json'),
    JSON.stringify({
      name: 'cchc-index',
      version: '0.0.0-test',
      exports: { './testing': { import: './testing.mjs', require: './testing.cjs' } },
    }),
  );
  writeFileSync(path.join(pkg, 'testing.mjs'), esm);
  writeFileSync(path.join(pkg, 'testing.cjs'), cjs);
  writeFileSync(path.join(dir, 'bo-tieu-chi-huyen-2025.json'), JSON.stringify(RULE_SET, null, 2));
  writeFileSync(path.join(dir, 'golden-cases.json'), JSON.stringify(GOLDEN_CASES, null, 2));
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
  return dir;
}

/** The environment of a child run, without the variables vitest set for this test's own worker. */
function childEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (!/^(VITEST|TEST$)/.test(key)) env[key] = value;
  }
  env.FORCE_COLOR = '0';
  env.NO_COLOR = '1';
  return env;
}

interface ChildRun {
  status: number | null;
  signal: NodeJS.Signals | null;
  /** stdout and stderr, for assertions and for failure messages. */
  out: string;
}

/** Runs `node <args>` in `cwd` without blocking this worker; killed after {@link CHILD_TIMEOUT}. */
function runNode(args: string[], cwd: string): Promise<ChildRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd, env: childEnv(), timeout: CHILD_TIMEOUT });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
    });
    child.on('error', reject);
    child.on('close', (status, signal) => resolve({ status, signal, out: `${stdout}\n${stderr}` }));
  });
}

/** The part of jest's and vitest's `--json` report that these tests read. */
interface JsonReport {
  numPassedTests: number;
  numFailedTests: number;
  testResults: {
    assertionResults: { title: string; status: string; failureMessages: string[] }[];
  }[];
}

describe('docs/testing.md, section "vitest"', () => {
  const snippet = sectionSnippet(DOC, '## vitest', 'ts');

  it('the snippet is the one this test expects to run', () => {
    expect(snippet).toContain("from 'vitest'");
    expect(snippet).toContain("from 'cchc-index/testing'");
    expect(snippet).toContain("from './bo-tieu-chi-huyen-2025.json' with { type: 'json' }");
    expect(snippet).toContain("from './golden-cases.json' with { type: 'json' }");
    expect(snippet).toContain('assertValidRuleSet(ruleSetJson, { failOnWarnings: true })');
    expect(snippet).toContain("it('huyện A scores 84.5 (Tốt)'");
    expect(snippet).toMatch(/total: 84\.5,\s+band: 'Tốt',\s+points: \{ '1\.1': 0\.5, '9': 8\.5 \}/);
    expect(snippet).toMatch(/it\.each\(scoreCases\(ruleSet, cases\)\)\('\$name'/);
  });

  it('runs under vitest: the hard-coded case and huyện A pass, huyện B fails with the table', {
    timeout: TEST_TIMEOUT,
  }, async () => {
    const dir = await provinceProject('vitest', {
      'province.test.ts': snippet,
      // A config of its own, so vitest does not pick up this repo's (nor search above `dir`).
      'vitest.config.mjs': `export default { test: { include: ['province.test.ts'], watch: false } };\n`,
    });
    // The snippet's `import ... from 'vitest'` resolves as in a project that installed it.
    symlinkSync(path.join(ROOT, 'node_modules/vitest'), path.join(dir, 'node_modules/vitest'), 'dir');
    const results = path.join(dir, 'results.json');
    const run = await runNode(
      [
        path.join(ROOT, 'node_modules/vitest/vitest.mjs'),
        'run',
        '--root',
        dir,
        '--config',
        path.join(dir, 'vitest.config.mjs'),
        '--reporter=json',
        '--reporter=verbose',
        `--outputFile.json=${results}`,
        '--no-color',
      ],
      dir,
    );
    expect(run.status, run.out).toBe(1);
    const report = JSON.parse(readFileSync(results, 'utf8')) as JsonReport;
    expect([report.numPassedTests, report.numFailedTests], run.out).toEqual([2, 1]);
    const tests = report.testResults.flatMap((f) => f.assertionResults);
    // vitest shows a string `$name` quoted (unlike jest): the titles are 'huyện A', with the quotes.
    expect(tests.map((t) => [t.title, t.status])).toEqual([
      ['huyện A scores 84.5 (Tốt)', 'passed'],
      ["'huyện A'", 'passed'],
      ["'huyện B'", 'failed'],
    ]);
    const failure = tests[2]!.failureMessages.join('\n');
    expect(failure).toContain('CchcAssertionError');
    expect(failure).toMatch(TABLE_ROW);
    expect(run.out).toMatch(/× .*huyện B/);
  });
});

describe('docs/testing.md, section "jest"', () => {
  const snippet = sectionSnippet(DOC, '## jest', 'js');

  it('the snippet is the one this test expects to run', () => {
    expect(snippet).toContain("require('cchc-index/testing')");
    expect(snippet).toContain("require('./bo-tieu-chi-huyen-2025.json')");
    expect(snippet).toContain("require('./golden-cases.json')");
    expect(snippet).toMatch(/test\.each\(scoreCases\(/);
  });

  it('runs under jest: $name titles from the cases, a passing case passes, a failing one prints the table', {
    timeout: TEST_TIMEOUT,
  }, async () => {
    const dir = await provinceProject('jest', { 'province.test.js': snippet });
    // No moduleNameMapper: `require('cchc-index/testing')` goes through node_modules/cchc-index's exports.
    const config = {
      rootDir: dir,
      testEnvironment: 'node',
      transform: {},
      cacheDirectory: path.join(dir, '.jest-cache'),
      watchman: false,
    };
    const results = path.join(dir, 'results.json');
    const bin = createRequire(path.join(ROOT, 'package.json')).resolve('jest/bin/jest');
    const run = await runNode(
      [bin, '--ci', '--config', JSON.stringify(config), '--json', '--outputFile', results],
      dir,
    );
    expect(run.status, run.out).toBe(1);
    const report = JSON.parse(readFileSync(results, 'utf8')) as JsonReport;
    expect([report.numPassedTests, report.numFailedTests], run.out).toEqual([1, 1]);
    const tests = report.testResults.flatMap((f) => f.assertionResults);
    expect(tests.map((t) => [t.title, t.status])).toEqual([
      ['huyện A', 'passed'],
      ['huyện B', 'failed'],
    ]);
    const failure = tests[1]!.failureMessages.join('\n');
    expect(failure).toContain('CchcAssertionError');
    expect(failure).toMatch(TABLE_ROW);
    expect(run.out).toMatch(/✕ huyện B/);
  });
});

describe('docs/testing.md, section "node:test"', () => {
  const snippet = sectionSnippet(DOC, '## node:test', 'js');

  it('the snippet is the one this test expects to run', () => {
    expect(snippet).toContain("from 'node:test'");
    expect(snippet).toContain("from 'cchc-index/testing'");
    expect(snippet).toContain("read('./bo-tieu-chi-huyen-2025.json')");
    expect(snippet).toContain("read('./golden-cases.json')");
    expect(snippet).toContain('new URL(file, import.meta.url)');
    expect(snippet).toMatch(/for \(const c of scoreCases\(/);
    expect(snippet).toMatch(/test\(c\.name,/);
  });

  it('runs under node --test: a passing case passes, a failing one reports the table', {
    timeout: TEST_TIMEOUT,
  }, async () => {
    // `.mjs`: the snippet is an ES module, as `import` and `import.meta.url` say.
    const dir = await provinceProject('node-test', { 'province.test.mjs': snippet });
    const run = await runNode(['--test', '--test-reporter=tap', 'province.test.mjs'], dir);
    expect(run.status, run.out).toBe(1);
    expect(run.out).toMatch(/^# pass 1$/m);
    expect(run.out).toMatch(/^# fail 1$/m);
    expect(run.out).toMatch(/^ok \d+ - huyện A$/m);
    expect(run.out).toMatch(/^not ok \d+ - huyện B$/m);
    expect(run.out).toContain('CchcAssertionError');
    expect(run.out).toMatch(TABLE_ROW);
  });
});
