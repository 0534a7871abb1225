// Checks shared by the ESM and CJS consumers (copied into each throwaway project by run.sh).
const assert = require('node:assert/strict');

/** Exports that must be there. Move a name from OPTIONAL to REQUIRED once it has landed. */
const REQUIRED = [
  'ratio',
  'percent',
  'apportion',
  'checkTarget',
  'CchcError',
  'isCchcError',
  'formatIssuePath',
  'ERROR_CODES',
  'timeReduction',
  'formatPercent',
  'timeliness',
  'scoreUnit',
];
/** Exports being written now: exercised when present, reported when not. */
const OPTIONAL = [];

function exercise(kind, cchc) {
  assert.equal(typeof cchc.ratio, 'function', `${kind}: ratio is exported`);
  assert.equal(cchc.ratio(28.5, 91.5), 0.3114754098360656, `${kind}: ratio(28.5, 91.5)`);
  assert.equal(cchc.ratio(0, 0), null, `${kind}: ratio(0, 0)`);
  console.log(`${kind}: ratio(28.5, 91.5) = ${cchc.ratio(28.5, 91.5)}`);

  let caught;
  try {
    cchc.ratio('91,5', 1);
  } catch (error) {
    caught = error;
  }
  assert.ok(caught instanceof cchc.CchcError, `${kind}: a CchcError is thrown`);
  assert.equal(caught.code, 'INVALID_INPUT');
  assert.deepEqual(caught.issues[0].path, ['part']);

  if (typeof cchc.timeReduction === 'function') {
    const review = cchc.timeReduction({ before: 91.5, after: 63 });
    assert.equal(review.reduced, 28.5, `${kind}: timeReduction reduced`);
    assert.equal(review.rate, 0.3114754098360656, `${kind}: timeReduction rate`);
    console.log(`${kind}: timeReduction({ before: 91.5, after: 63 }) = ${JSON.stringify(review)}`);
  } else {
    console.log(`${kind}: timeReduction is not exported (yet): skipped`);
  }
}

function checkRequired(kind, cchc) {
  const missing = REQUIRED.filter((name) => !(name in cchc));
  assert.deepEqual(missing, [], `${kind}: required exports missing`);
  const absent = OPTIONAL.filter((name) => !(name in cchc));
  if (absent.length > 0) console.log(`${kind}: optional exports not there yet: ${absent.join(', ')}`);
  if (process.env.SMOKE_REQUIRE_ALL === '1') assert.deepEqual(absent, [], `${kind}: SMOKE_REQUIRE_ALL=1`);
}

module.exports = { REQUIRED, OPTIONAL, exercise, checkRequired };
