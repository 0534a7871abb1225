import { defineConfig, mergeConfig } from 'vitest/config';
import base from './vitest.config.js';

/**
 * `MUTATION_TESTS`: comma-separated globs that narrow the test files (a static mutant runs every
 * test file; re-checking static survivors of one folder against its own tests is then minutes,
 * not hours). Each glob names test files, as in vitest's `include`; see docs/mutation.md.
 */
const only = process.env.MUTATION_TESTS?.split(',').filter((glob) => glob !== '');

/**
 * The test run Stryker uses (`npm run mutation`): the unit tests and the TSDoc examples, without
 * the suites that test other things than the core's logic and only slow each mutant down (the
 * fuzzing, the SQL engines, the CLI child processes and the browser, the lint rule).
 */
const config = mergeConfig(
  base,
  defineConfig({
    test: {
      exclude: [
        'test/bench/**',
        'test/fuzz/**',
        'test/sql/**',
        'test/cli/**',
        'test/lint/**',
        'node_modules/**',
        'dist/**',
        '.stryker-tmp/**',
      ],
    },
  }),
);

// mergeConfig concatenates lists, so the narrowed list replaces the base one here.
if (only !== undefined && only.length > 0 && config.test) config.test.include = only;

export default config;
