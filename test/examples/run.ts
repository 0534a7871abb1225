/**
 * Writes an example block as a module under `test/.examples-generated/` (git-ignored), imports it,
 * and lists what went wrong, each message naming the source file and line.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { type ExampleBlock, ExampleSyntaxError, type GeneratedExample, generateExample } from './extract.js';
import { contextOf } from './runtime.js';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const GENERATED_DIR = path.join(ROOT, 'test', '.examples-generated');

function importPath(fromDir: string, file: string): string {
  const relative = path.relative(fromDir, file).split(path.sep).join('/');
  return relative.startsWith('.') ? relative : `./${relative}`;
}

/**
 * `'cchc-index'` → `src/index.ts`; `'cchc-index/<sub>'` → `src/<sub>/index.ts` when that exists
 * (e.g. `cchc-index/testing`). Other specifiers are left alone.
 */
export function resolveSpecifier(fromDir: string, specifier: string): string | null {
  if (specifier === 'cchc-index') return importPath(fromDir, path.join(ROOT, 'src', 'index.js'));
  const sub = /^cchc-index\/([\w-]+)$/.exec(specifier);
  if (sub && existsSync(path.join(ROOT, 'src', sub[1]!, 'index.ts'))) {
    return importPath(fromDir, path.join(ROOT, 'src', sub[1]!, 'index.js'));
  }
  return null;
}

/**
 * Where a block's module goes, relative to the output folder: the source path with the block's
 * line, `src/numeric/ratio.L24.ts`, so that compiler messages about it name the source file.
 */
export function examplePath(block: ExampleBlock): string {
  return block.file.replace(/\.(ts|tsx|mts|cts)$/, '').concat(`.L${block.line}.ts`);
}

/** Deletes generated modules under `dir` that are not in `keep` (blocks that moved or went away). */
export function pruneGenerated(dir: string, keep: ReadonlySet<string>): void {
  if (!existsSync(dir)) return;
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.ts')) continue;
    const full = path.join(entry.parentPath, entry.name);
    if (!keep.has(path.relative(dir, full).split(path.sep).join('/'))) rmSync(full);
  }
}

function writeIfChanged(file: string, text: string): void {
  if (existsSync(file) && readFileSync(file, 'utf8') === text) return;
  writeFileSync(file, text);
}

/** The line of the source file where an example threw, read from the stack (the lines match). */
function thrownAt(error: unknown, moduleName: string): number | null {
  const stack = error instanceof Error ? (error.stack ?? '') : '';
  const escaped = moduleName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const match = new RegExp(`${escaped}:(\\d+)`).exec(stack);
  return match ? Number(match[1]) : null;
}

/**
 * Generates, writes and runs one example; returns the problems found (empty when it passed).
 * `out` is the folder (under `test/.examples-generated/`) the module is written under.
 */
export async function runExample(block: ExampleBlock, out: string): Promise<string[]> {
  const relative = examplePath(block);
  const id = `${path.basename(out)}/${relative}`;
  const file = path.join(out, relative);
  const dir = path.dirname(file);
  const moduleName = path.basename(file);
  let generated: GeneratedExample;
  try {
    generated = generateExample(block, {
      id,
      runtime: importPath(dir, path.join(ROOT, 'test', 'examples', 'runtime.js')),
      resolve: (specifier) => resolveSpecifier(dir, specifier),
    });
  } catch (error) {
    if (error instanceof ExampleSyntaxError) return [error.message];
    throw error;
  }
  mkdirSync(dir, { recursive: true });
  writeIfChanged(file, generated.source);

  const problems: string[] = [];
  for (const used of generated.imports) {
    const target = (await import(
      /* @vite-ignore */ pathToFileURL(path.resolve(dir, used.target)).href
    )) as object;
    for (const name of used.names.filter((n) => !(n in target))) {
      problems.push(
        `${block.file}:${used.line}: the example imports \`${name}\` from '${used.specifier}', which does not export it.`,
      );
    }
  }
  try {
    await import(/* @vite-ignore */ pathToFileURL(file).href);
  } catch (error) {
    const line = thrownAt(error, moduleName);
    const where = `${block.file}:${line ?? block.line}`;
    const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    problems.push(`${where}: the example threw ${text}`);
  }
  const threw = problems.length > 0;
  const context = contextOf(id);
  generated.assertions.forEach((assertion, index) => {
    const outcome = context?.outcomes.get(index);
    const where = `${block.file}:${assertion.line}`;
    if (outcome === undefined) {
      // After a throw, the checks that did not run are explained by the throw.
      if (!threw) {
        problems.push(
          `${where}: \`${assertion.code}\` // => ${assertion.expected}\n  this check never ran (is it in a branch, or in the catch block of code that did not throw?)`,
        );
      }
    } else if (outcome.failure !== null) {
      problems.push(
        `${where}: \`${assertion.code}\` // => ${assertion.expected}\n  ${outcome.failure.split('\n').join('\n  ')}`,
      );
    }
  });
  return problems;
}
