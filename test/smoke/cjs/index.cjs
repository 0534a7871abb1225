// CommonJS consumer of the packed tarball. Run by test/smoke/run.sh, from a throwaway project.
const assert = require('node:assert/strict');
const cchc = require('cchc-index');
const { ratio, percent } = require('cchc-index');
const testing = require('cchc-index/testing');
const node = require('cchc-index/node');
const { checkRequired, exercise, exerciseNode, exerciseTesting } = require('./shared.cjs');

exercise('cjs', cchc);
exerciseTesting('cjs', cchc, testing);
assert.equal(ratio(28.5, 91.5), 0.3114754098360656);
assert.equal(percent(ratio(19255, 19944)), 96.55);
assert.equal(require('cchc-index/package.json').name, 'cchc-index');
checkRequired('cjs', cchc);
exerciseNode('cjs', node).then(
  () => console.log('cjs: ok'),
  (error) => {
    console.error(error);
    process.exitCode = 1;
  },
);
