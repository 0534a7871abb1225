/**
 * The lint rule that keeps the core pure (`.biome/core-purity.grit`, enabled in `biome.json`): each
 * forbidden construct is reported in a core file, and left alone in the I/O layers and in tests.
 * Runs the project's own biome on a throwaway tree holding the project's plugin.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');
const BIOME = path.join(ROOT, 'node_modules', '.bin', 'biome');
const work = mkdtempSync(path.join(tmpdir(), 'cchc-purity-'));
cpSync(path.join(ROOT, '.biome'), path.join(work, '.biome'), { recursive: true });
writeFileSync(path.join(work, 'biome.json'), JSON.stringify({ plugins: ['./.biome/core-purity.grit'] }));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** The plugin's diagnostics for one file of the given path and source. */
function pluginHits(file: string, source: string): number {
  const full = path.join(work, file);
  mkdirSync(path.dirname(full), { recursive: true });
  writeFileSync(full, source);
  let out = '';
  try {
    out = execFileSync(BIOME, ['lint', '--max-diagnostics=100', file], {
      cwd: work,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  } catch (error) {
    const e = error as { stdout?: string; stderr?: string };
    out = `${e.stdout ?? ''}${e.stderr ?? ''}`;
  } finally {
    rmSync(full);
  }
  return out.split('\n').filter((line) => /\splugin\s/.test(line) && line.includes(file)).length;
}

const FORBIDDEN: readonly (readonly [string, string])[] = [
  ['Date.now', 'export const t = Date.now();\n'],
  ['Math.random', 'export const r = Math.random();\n'],
  ['Decimal.set', "import Decimal from 'decimal.js';\nDecimal.set({ precision: 5 });\n"],
  ['console', "console.log('x');\n"],
  ['eval', "export const v = eval('1');\n"],
  ['new Function', "export const f = new Function('return 1');\n"],
  ['dynamic import', "export const m = import('zod');\n"],
  ['require', "export const m = require('zod');\n"],
  ['node: import', "import { readFileSync } from 'node:fs';\nexport { readFileSync };\n"],
  ['node: re-export', "export { readFileSync } from 'node:fs';\n"],
  ['node: namespace import', "import * as fs from 'node:fs';\nexport { fs };\n"],
  ['node: side-effect import', "import 'node:util';\n"],
  ['node: default and named import', "import fs, { stat } from 'node:fs';\nexport { fs, stat };\n"],
  ['node: star re-export', "export * from 'node:path';\n"],
];

describe('core purity lint rule', () => {
  it.each(FORBIDDEN)('reports %s in a core file', (_name, source) => {
    expect(pluginHits('src/numeric/probe.ts', source)).toBe(1);
  });

  it.each(FORBIDDEN)('allows %s in src/node/, src/cli/ and tests', (_name, source) => {
    expect(pluginHits('src/node/probe.ts', source)).toBe(0);
    expect(pluginHits('src/cli/probe.ts', source)).toBe(0);
    expect(pluginHits('src/numeric/probe.test.ts', source)).toBe(0);
  });

  it('leaves ordinary core code alone', () => {
    const source = "import { z } from 'zod';\nexport const d = new Date(0);\nexport const s = z.string();\n";
    expect(pluginHits('src/numeric/probe.ts', source)).toBe(0);
  });
});
