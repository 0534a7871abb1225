/**
 * Figures of docs/quality.md that are not test results: the size of the core bundle (minified and
 * gzipped, zod and decimal.js left out) and the time to load the built package, against loading
 * its two dependencies alone in the same run.
 *
 *   npm run build && npx tsx test/bench/quality.ts
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

const ROOT = path.resolve(import.meta.dirname, '../..');
const RUNS = 21;

async function bundleSize(entry: string): Promise<{ minified: number; gzip: number }> {
  const result = await build({
    entryPoints: [path.join(ROOT, entry)],
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'neutral',
    external: ['zod', 'decimal.js'],
    write: false,
    logLevel: 'error',
  });
  const code = result.outputFiles[0]?.contents ?? new Uint8Array();
  return { minified: code.byteLength, gzip: gzipSync(code, { level: 9 }).byteLength };
}

/** Median wall time (ms) of `code` in a fresh node process, measured inside that process. */
function loadTime(code: string): number {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i += 1) {
    const out = execFileSync(
      process.execPath,
      [
        '-e',
        `const t=process.hrtime.bigint();${code};process.stdout.write(String(Number(process.hrtime.bigint()-t)/1e6))`,
      ],
      { cwd: ROOT, encoding: 'utf8' },
    );
    times.push(Number(out));
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(RUNS / 2)] ?? Number.NaN;
}

const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;

const core = await bundleSize('src/index.ts');
const testing = await bundleSize('src/testing/index.ts');
console.log(
  `core bundle (src/index.ts), zod and decimal.js external: ${kib(core.minified)} min, ${kib(core.gzip)} min+gzip`,
);
console.log(
  `testing subpath (src/testing/index.ts with the parts of the core it uses): ${kib(testing.minified)} min, ${kib(testing.gzip)} min+gzip`,
);

if (!existsSync(path.join(ROOT, 'dist/index.cjs'))) {
  console.log('import time: run `npm run build` first');
} else {
  const deps = loadTime("require('zod');require('decimal.js')");
  const cjs = loadTime("require('./dist/index.cjs')");
  console.log(
    `require('cchc-index'): ${cjs.toFixed(1)} ms median of ${RUNS} fresh processes; zod + decimal.js alone ${deps.toFixed(1)} ms (×${(cjs / deps).toFixed(2)}); the library's own share ${(cjs - deps).toFixed(1)} ms`,
  );
}
