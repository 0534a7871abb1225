import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { findExampleBlocks } from '../../test/examples/extract.js';
import * as testing from './index.js';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const sources = readdirSync(HERE, { recursive: true, encoding: 'utf8' })
  .filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts'))
  .map((file) => ({ file, text: readFileSync(path.join(HERE, file), 'utf8') }));

describe('cchc-index/testing', () => {
  it('exports exactly the kit', () => {
    expect(Object.keys(testing).sort()).toEqual([
      'CchcAssertionError',
      'assertScores',
      'assertValidRuleSet',
      'compareScores',
      'scoreCases',
    ]);
  });

  it('documents every exported function and class with a ```ts @example', () => {
    const documented = new Set(
      sources.flatMap(({ file, text }) =>
        findExampleBlocks(text, `src/testing/${file}`).map((b) => b.symbol),
      ),
    );
    const missing = Object.keys(testing).filter((name) => !documented.has(name));
    expect(missing).toEqual([]);
  });

  it('imports no test framework and no node: module, and the core only through its public API', () => {
    // The same rule the build enforces (tsup.config.ts): a subpath shares the core bundle.
    const imports = sources.flatMap(({ file, text }) =>
      [...text.matchAll(/^\s*(?:import|export)\b[^'"]*?from\s+'([^']+)'/gm)].map((m) => ({
        file,
        from: m[1]!,
      })),
    );
    expect(imports.length).toBeGreaterThan(5);
    const allowed = (file: string, from: string) =>
      from === 'decimal.js' ||
      path.resolve(HERE, path.dirname(file), from) === path.resolve(HERE, '../index.js') ||
      (from.startsWith('.') && path.resolve(HERE, path.dirname(file), from).startsWith(HERE + path.sep));
    expect(imports.filter(({ file, from }) => !allowed(file, from))).toEqual([]);
  });
});
