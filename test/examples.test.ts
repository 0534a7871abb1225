/**
 * Runs every ```ts example of the TSDoc comments in `src/` as a test: a drifting example fails CI.
 *
 * Each block becomes a module in `test/.examples-generated/blocks/` (git-ignored), e.g.
 * `blocks/src/numeric/ratio.L24.ts` (line n of it is line n of the source file), whose imports of
 * `'cchc-index'` point at `src/index.ts`; a statement followed by `// => <JS literal>` asserts that
 * the statement's value deep-equals the literal (vitest `toStrictEqual`, see `examples/runtime.ts`).
 * How the blocks are read and rewritten: `examples/extract.ts`; tested in `examples/extract.test.ts`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { type ExampleBlock, findExampleBlocks } from './examples/extract.js';
import { examplePath, GENERATED_DIR, pruneGenerated, ROOT, runExample } from './examples/run.js';

const OUT = path.join(GENERATED_DIR, 'blocks');

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...sourceFiles(full));
    else if (
      entry.name.endsWith('.ts') &&
      !entry.name.endsWith('.test.ts') &&
      !entry.name.endsWith('.d.ts')
    ) {
      out.push(full);
    }
  }
  return out.sort();
}

const blocks: ExampleBlock[] = [];
const extractionErrors: string[] = [];
for (const file of sourceFiles(path.join(ROOT, 'src'))) {
  const relative = path.relative(ROOT, file).split(path.sep).join('/');
  try {
    blocks.push(...findExampleBlocks(readFileSync(file, 'utf8'), relative));
  } catch (error) {
    extractionErrors.push(error instanceof Error ? error.message : String(error));
  }
}
pruneGenerated(OUT, new Set(blocks.map((block) => examplePath(block))));

/** `src/numeric/ratio.ts: ratio`, with the line added when a symbol has several blocks. */
function testName(block: ExampleBlock): string {
  const label = block.symbol ?? `line ${block.line}`;
  const same = blocks.filter((b) => b.file === block.file && (b.symbol ?? `line ${b.line}`) === label);
  return same.length > 1 && block.symbol !== null
    ? `${block.file}: ${label} (line ${block.line})`
    : `${block.file}: ${label}`;
}

describe('TSDoc examples', () => {
  it('are found and well-formed', () => {
    expect(extractionErrors).toEqual([]);
    expect(blocks.length).toBeGreaterThan(0);
  });

  it.each(blocks.map((block) => [testName(block), block] as const))('%s', async (_name, block) => {
    const problems = await runExample(block, OUT);
    if (problems.length > 0) throw new Error(problems.join('\n\n'));
  });

  it('cover every exported function and class (STYLE.md: at least one @example each)', async () => {
    const api = (await import('../src/index.js')) as Record<string, unknown>;
    const documented = new Set(blocks.map((block) => block.symbol));
    const missing = Object.keys(api).filter(
      (name) => typeof api[name] === 'function' && !documented.has(name),
    );
    expect(missing, 'exported functions without a ```ts @example').toEqual([]);
  });
});
