/**
 * Tests of the example runner itself: it must catch a wrong example, name the file and line, and
 * understand the ways examples are written (trailing comments, multi-line statements and
 * literals, await, try/catch).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { type ExampleBlock, ExampleSyntaxError, findExampleBlocks, generateExample } from './extract.js';
import { GENERATED_DIR, ROOT, resolveSpecifier, runExample } from './run.js';

const DIR = path.join(GENERATED_DIR, 'selftest');

/** A doc comment around `lines`, as a source file `test/fixture/<name>.ts` would have it. */
function docSource(name: string, lines: string[]): string {
  return [
    '/**',
    ` * Fixture ${name}.`,
    ' * @example',
    ' * ```ts',
    ...lines.map((line) => (line === '' ? ' *' : ` * ${line}`)),
    ' * ```',
    ' */',
    `export function ${name}() {}`,
    '',
  ].join('\n');
}

function block(name: string, lines: string[]): ExampleBlock {
  const found = findExampleBlocks(docSource(name, lines), `test/fixture/${name}.ts`);
  expect(found).toHaveLength(1);
  return found[0]!;
}

async function run(name: string, lines: string[]): Promise<string[]> {
  return runExample(block(name, lines), DIR);
}

function generate(name: string, lines: string[]) {
  return generateExample(block(name, lines), { id: name, runtime: './runtime.js', resolve: () => null });
}

describe('findExampleBlocks', () => {
  it('finds ```ts blocks, their first line and the symbol they document', () => {
    const source = [
      '/**',
      ' * Doc.',
      ' * ```ts',
      ' * const a = 1;',
      ' *   a;',
      ' * ```',
      ' * ```js',
      ' * not extracted',
      ' * ```',
      ' */',
      'export const one = 1;',
      '/** ```typescript',
      ' * two;',
      ' * ``` */',
      'export async function two() {}',
    ].join('\n');
    expect(findExampleBlocks(source, 'x.ts')).toEqual([
      { file: 'x.ts', line: 4, symbol: 'one', code: 'const a = 1;\n  a;' },
      { file: 'x.ts', line: 13, symbol: 'two', code: 'two;' },
    ]);
  });

  it('names class members after their class', () => {
    const source = [
      'export class Box {',
      '  /**',
      '   * ```ts',
      '   * 1;',
      '   * ```',
      '   */',
      '  open(): void {}',
      '}',
    ].join('\n');
    expect(findExampleBlocks(source, 'x.ts')[0]?.symbol).toBe('Box.open');
  });

  it('rejects a fence that is never closed', () => {
    expect(() => findExampleBlocks('/**\n * ```ts\n * 1;\n */\nexport const a = 1;', 'x.ts')).toThrow(
      /x\.ts:2: .*never closed/,
    );
  });

  it('finds the examples of the real sources, with lines matching the file', () => {
    const file = 'src/numeric/ratio.ts';
    const source = readFileSync(path.join(ROOT, file), 'utf8');
    const [found] = findExampleBlocks(source, file);
    expect(found?.symbol).toBe('ratio');
    const lines = source.split('\n');
    found!.code.split('\n').forEach((text, i) => {
      expect(lines[found!.line - 1 + i]).toContain(text);
    });
  });
});

describe('generateExample', () => {
  it('keeps every line where it was, so stack traces point at the source line', () => {
    const b = block('lines', ['const a = 1;', 'a + 1;', '// => 2']);
    const { source } = generateExample(b, { id: 'x', runtime: './r.js', resolve: () => null });
    const lines = source.split('\n');
    expect(lines[b.line - 1]).toBe('const a = 1;');
    expect(lines[b.line]).toBe('__example.v = (a + 1);');
    expect(lines[b.line + 1]).toBe('__example.check(__example.v, (2), 0);');
  });

  it('rewrites imports of cchc-index (and subpaths that exist) to the sources', () => {
    const dir = path.join(GENERATED_DIR, 'selftest', 'src');
    expect(resolveSpecifier(dir, 'cchc-index')).toBe('../../../../src/index.js');
    expect(resolveSpecifier(dir, 'cchc-index/no-such-subpath')).toBeNull();
    expect(resolveSpecifier(dir, 'zod')).toBeNull();
    const b = block('imports', [
      "import { ratio } from 'cchc-index';",
      "const m = await import('cchc-index');",
    ]);
    const { source, imports } = generateExample(b, {
      id: 'x',
      runtime: './r.js',
      resolve: (s) => (s === 'cchc-index' ? '../src/index.js' : null),
    });
    expect(source).toContain('import { ratio } from "../src/index.js";');
    expect(source).toContain('await import("../src/index.js")');
    expect(imports).toEqual([
      { line: b.line, specifier: 'cchc-index', target: '../src/index.js', names: ['ratio'] },
    ]);
  });

  it('does not take "// =>" inside a string for an assertion', () => {
    expect(generate('strings', ["const s = '// => 1';", 's;', "// => '// => 1'"]).assertions).toHaveLength(1);
  });

  it.each([
    [
      'a "// =>" after a blank line',
      ['1;', '', '// => 1'],
      /:7: "\/\/ =>" must come right after a statement/,
    ],
    ['a "// =>" first in the block', ['// => 1'], /:5: "\/\/ =>" must come right after a statement/],
    ['a "// =>" after a comment', ['1;', '// note', '// => 1'], /:7: "\/\/ =>" must come right after/],
    ['a "// =>" after an if statement', ['if (true) 1;', '// => 1'], /follows a IfStatement/],
    [
      'an incomplete literal',
      ['1;', '// => [1,'],
      /:6: the expected value after "\/\/ =>" is not one complete JS literal/,
    ],
    ['text that is not a literal', ['1;', '// => 31.1 (rounded)'], /not one complete JS literal/],
    ['an expression instead of a literal', ['1;', '// => Math.max(1, 2)'], /not one complete JS literal/],
    ['code that does not parse', ['const = 1;'], /:5: the example does not parse/],
  ])('rejects %s, naming the line', (_what, lines, message) => {
    expect(() => generate('bad', lines)).toThrow(ExampleSyntaxError);
    expect(() => generate('bad', lines)).toThrow(message);
  });
});

describe('runExample', () => {
  it('passes the real examples of src/numeric/ratio.ts', async () => {
    const file = 'src/numeric/ratio.ts';
    const [found] = findExampleBlocks(readFileSync(path.join(ROOT, file), 'utf8'), file);
    expect(await runExample(found!, DIR)).toEqual([]);
  });

  it('catches a wrong example in a scratch copy of src/numeric/ratio.ts, naming file and line', async () => {
    const file = 'src/numeric/ratio.ts';
    const source = readFileSync(path.join(ROOT, file), 'utf8');
    const broken = source.replace('// => 0.3114754098360656', '// => 0.311');
    expect(broken).not.toBe(source);
    const [found] = findExampleBlocks(broken, 'scratch/ratio.ts');
    const line = broken.split('\n').findIndex((text) => text.includes('ratio(28.5, 91.5);')) + 1;
    const problems = await runExample(found!, DIR);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain(`scratch/ratio.ts:${line}: \`ratio(28.5, 91.5)\` // => 0.311`);
    expect(problems[0]).toContain('expected 0.3114754098360656 to strictly equal 0.311');
  });

  it('handles trailing comments on the statement and on the "// =>" line', async () => {
    expect(await run('trailing', ['[1, 2].length; // two items', '// => 2 // the count'])).toEqual([]);
    expect(await run('trailingWrong', ['[1, 2].length; // two items', '// => 3 // the count'])).toHaveLength(
      1,
    );
  });

  it('handles an assertion at the end of the statement line', async () => {
    expect(await run('inline', ['Math.max(1, 2); // => 2'])).toEqual([]);
    expect(await run('inlineWrong', ['Math.max(1, 2); // => 1'])).toHaveLength(1);
  });

  it('handles statements over several lines', async () => {
    const lines = [
      'const xs = [1, 2, 3];',
      'xs',
      '  .map((x) => x * 2)',
      '  .filter((x) => x > 2);',
      '// => [4, 6]',
    ];
    expect(await run('multiLine', lines)).toEqual([]);
    const wrong = await run('multiLineWrong', [...lines.slice(0, -1), '// => [4]']);
    expect(wrong).toHaveLength(1);
    expect(wrong[0]).toMatch(/^test\/fixture\/multiLineWrong\.ts:6: `xs\n {2}\.map/);
  });

  it('handles literals over several "// " continuation lines', async () => {
    const lines = [
      "({ a: 1, b: [1, 2], c: 'x' });",
      '// => {',
      '//   a: 1,',
      '//   b: [1, 2], // two',
      "//   c: 'x',",
      '// }',
    ];
    expect(await run('multiLiteral', lines)).toEqual([]);
    expect(
      await run('multiLiteralWrong', [...lines.slice(0, 3), '//   b: [1, 3],', ...lines.slice(4)]),
    ).toHaveLength(1);
  });

  it('handles await', async () => {
    expect(await run('awaited', ['await Promise.resolve(41 + 1);', '// => 42'])).toEqual([]);
    expect(await run('awaitedWrong', ['await Promise.resolve(41);', '// => 42'])).toHaveLength(1);
  });

  it('asserts a variable declared right above', async () => {
    expect(await run('variable', ['const total = 1 + 2;', '// => 3'])).toEqual([]);
    expect(await run('variableWrong', ['const total = 1 + 2;', '// => 4'])).toHaveLength(1);
  });

  it('checks strictly: an undefined key the literal does not show fails', async () => {
    expect(await run('strict', ['({ a: 1, b: undefined });', '// => { a: 1 }'])).toHaveLength(1);
    expect(
      await run('literals', [
        "[-1, +2, 'a', `b`, true, null, undefined, NaN, -Infinity, { 'k-1': 1, 2: [] }];",
        "// => [-1, 2, 'a', 'b', true, null, undefined, NaN, -Infinity, { 'k-1': 1, 2: [] }]",
      ]),
    ).toEqual([]);
  });

  it('checks inside try and catch blocks, even when the example catches the failure', async () => {
    const lines = [
      'try {',
      "  JSON.parse('{');",
      '} catch (error) {',
      '  error instanceof SyntaxError;',
      '  // => true',
      '}',
    ];
    expect(await run('caught', lines)).toEqual([]);
    const swallowed = ['try {', '  1 + 1;', '  // => 3', '} catch {', '  // nothing', '}'];
    expect(await run('swallowed', swallowed)).toHaveLength(1);
  });

  it('reports a check that never ran (a catch block of code that did not throw)', async () => {
    const lines = [
      'try {',
      "  JSON.parse('{}');",
      '} catch (error) {',
      '  error instanceof SyntaxError;',
      '  // => true',
      '}',
    ];
    const problems = await run('neverRan', lines);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^test\/fixture\/neverRan\.ts:8: .*\n {2}this check never ran/);
  });

  it('runs a block without "// =>" and fails it when it throws, naming the line', async () => {
    expect(await run('plain', ['const a = [1, 2];', 'a.push(3);'])).toEqual([]);
    const problems = await run('throws', ['const a = 1;', "throw new RangeError('boom');"]);
    expect(problems).toEqual(['test/fixture/throws.ts:6: the example threw RangeError: boom']);
  });

  it('names an import that cchc-index does not export', async () => {
    const problems = await run('missingExport', [
      "import { ratio, noSuchThing } from 'cchc-index';",
      'ratio(1, 2);',
      '// => 0.5',
    ]);
    expect(problems[0]).toBe(
      "test/fixture/missingExport.ts:5: the example imports `noSuchThing` from 'cchc-index', which does not export it.",
    );
  });

  it('reports how an example is mis-written as a problem of that example', async () => {
    expect(await run('miswritten', ['1;', '', '// => 1'])).toEqual([
      'test/fixture/miswritten.ts:7: "// =>" must come right after a statement (on the next line, or at the end of its line).',
    ]);
  });
});
