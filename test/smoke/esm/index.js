// ESM consumer of the packed tarball. Run by test/smoke/run.sh, from a throwaway project.
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import * as cchc from 'cchc-index';
import { apportion, CchcError, isCchcError, percent, ratio } from 'cchc-index';
import * as node from 'cchc-index/node';
import * as testing from 'cchc-index/testing';
import { checkRequired, exercise, exerciseNode, exerciseTesting } from './shared.cjs';

exercise('esm', cchc);
exerciseTesting('esm', cchc, testing);
// A dynamic import resolves the subpath too, and to the same module.
assert.equal((await import('cchc-index/testing')).assertScores, testing.assertScores);
assert.equal(ratio(28.5, 91.5), 0.3114754098360656);
assert.equal(percent(ratio(8535, 8673)), 98.41);
assert.deepEqual(apportion([52006, 9942, 5]), [83.94, 16.05, 0.01]);

// The ESM and CJS builds export the same names, and an error of one is recognised by the other
// (a dual-package hazard handled by isCchcError).
const require = createRequire(import.meta.url);
const cjs = require('cchc-index');
assert.deepEqual(
  Object.keys(cjs).sort(),
  Object.keys(cchc).sort(),
  'ESM and CJS builds export the same names',
);
assert.notEqual(cjs.CchcError, CchcError);
let fromCjs;
try {
  cjs.ratio('abc', 1);
} catch (error) {
  fromCjs = error;
}
assert.equal(isCchcError(fromCjs), true, 'isCchcError recognises an error of the CJS build');
assert.equal(require('cchc-index/package.json').name, 'cchc-index');
const cjsTesting = require('cchc-index/testing');
assert.deepEqual(
  Object.keys(cjsTesting).sort(),
  Object.keys(testing).sort(),
  'ESM and CJS testing builds export the same names',
);
checkRequired('esm', cchc);
await exerciseNode('esm', node);
console.log('esm: ok');
