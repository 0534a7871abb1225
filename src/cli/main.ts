/**
 * The `cchc` executable: runs {@link run} on `process.argv` and exits with its code.
 * Built by tsup to `dist/cli.js` with a `#!/usr/bin/env node` banner.
 * @internal
 * @module
 */
import { run } from './run.js';

const code = await run(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr });
process.exitCode = code;
