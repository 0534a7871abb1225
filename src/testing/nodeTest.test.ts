/**
 * The kit under node:test, in a child process: a passing and a failing test, through tsx so that
 * the TypeScript sources load. The failure must reach node:test's report with the diff table.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, expect, it } from 'vitest';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const dir = mkdtempSync(path.join(tmpdir(), 'cchc-node-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const kit = pathToFileURL(path.join(ROOT, 'src/testing/index.ts')).href;
const fixture = pathToFileURL(path.join(ROOT, 'test/fixtures/rules/example-district.json')).href;

const file = path.join(dir, 'province.test.mjs');
writeFileSync(
  file,
  `import { test } from 'node:test';
import { readFileSync } from 'node:fs';
import { assertScores, assertValidRuleSet, scoreCases } from ${JSON.stringify(kit)};
const ruleSet = assertValidRuleSet(JSON.parse(readFileSync(new URL(${JSON.stringify(fixture)}), 'utf8')));
const assessment = { unit: { id: 'u1' }, period: '2025', entries: { '1.1': { self: { value: 'khong-kip-thoi' } } } };
test('passes', () => { assertScores(ruleSet, assessment, { total: 0.5, points: { '1.1': 0.5 } }); });
test('fails with a diff', () => { assertScores(ruleSet, assessment, { points: { '1.1': 1 } }); });
for (const c of scoreCases(ruleSet, [{ name: 'table case', assessment, expected: { total: 0.5 } }])) test(c.name, () => { c.assert(); });
`,
);

it('runs under node:test: passing tests pass, a failing one reports the diff rows', () => {
  const run = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-reporter=tap', file], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 60_000,
  });
  const out = `${run.stdout}\n${run.stderr}`;
  expect(out).toMatch(/^# pass 2$/m);
  expect(out).toMatch(/^# fail 1$/m);
  expect(out).toMatch(/^not ok \d+ - fails with a diff$/m);
  expect(out).toContain('CchcAssertionError');
  expect(out).toMatch(/1\.1 +Ban hành kế hoạch CCHC năm +1 +0\.5 +-0\.5 +OPTION_CHOSEN/);
  expect(run.status).toBe(1);
});
