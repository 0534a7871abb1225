import { defineConfig, mergeConfig } from 'vitest/config';
import base from './vitest.config.js';

/**
 * The test run Stryker uses (`npm run mutation`): the unit tests and the TSDoc examples, without
 * the suites that test other things than the core's logic and only slow each mutant down (the
 * fuzzing, the SQL engines, the CLI child processes and the browser, the lint rule).
 */
export default mergeConfig(
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
