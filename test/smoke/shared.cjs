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

/** The `cchc-index/testing` subpath: its exports, a passing and a failing assertion. */
const TESTING = ['CchcAssertionError', 'assertScores', 'assertValidRuleSet', 'compareScores', 'scoreCases'];

function exerciseTesting(kind, cchc, testing) {
  assert.deepEqual(Object.keys(testing).sort(), [...TESTING].sort(), `${kind}: cchc-index/testing exports`);
  const ruleSet = testing.assertValidRuleSet({
    id: 'smoke',
    version: '1',
    legalBasis: 'illustrative',
    level: 'xa',
    total: 1,
    children: [{ id: '1', name: 'Báo cáo', max: 1, assessor: 'self', rule: { kind: 'yes-no' } }],
  });
  const assessment = { unit: { id: 'a' }, period: '2025', entries: { 1: { self: { value: true } } } };
  assert.equal(testing.assertScores(ruleSet, assessment, { total: 1 }).total.points, 1);
  let failure;
  try {
    testing.assertScores(ruleSet, assessment, { points: { 1: 0.5 } });
  } catch (error) {
    failure = error;
  }
  assert.ok(
    failure instanceof testing.CchcAssertionError,
    `${kind}: a failed assertion is a CchcAssertionError`,
  );
  assert.match(failure.message, /^ {2}1 +Báo cáo +0\.5 +1 +\+0\.5 +YES$/m, `${kind}: the diff row`);
  // The subpath uses the core bundle, not a copy of it: errors of the core pass through as the
  // same CchcError class, and a rule set defined by the core is recognised.
  let bad;
  try {
    testing.assertScores(
      ruleSet,
      { unit: { id: 'a' }, period: '2025', entries: { 9: { self: { value: 1 } } } },
      { total: 1 },
    );
  } catch (error) {
    bad = error;
  }
  assert.ok(bad instanceof cchc.CchcError, `${kind}: cchc-index/testing throws the core's CchcError class`);
  const defined = cchc.defineRuleSet(ruleSet);
  assert.equal(
    testing.assertValidRuleSet(defined),
    defined,
    `${kind}: a rule set defined by the core is kept`,
  );
  console.log(`${kind}: cchc-index/testing ok (${failure.message.split('\n')[0]})`);
}

/**
 * `cchc-index/node`: a dossier CSV of 20 MB summarised with one thread and with two. The second
 * starts the helper thread shipped in the package (dist/node-worker.js or .cjs); both must give
 * the same summary. Whether the helper's counts were used depends on how fast it starts, so it is
 * printed, not asserted (the tests check the merging itself).
 */
async function exerciseNode(kind, node) {
  const fs = require('node:fs');
  const os = require('node:os');
  const path = require('node:path');
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), `cchc-smoke-${kind}-`)), 'export.csv');
  const channels = ['Trực tuyến', 'Trực tiếp', 'Bưu chính'];
  const lines = ['Mã hồ sơ,Đơn vị,Kênh nộp,Ngày tiếp nhận,Ngày hẹn trả,Ngày trả kết quả,Trạng thái'];
  for (let i = 1; i <= 280_000; i++) {
    const day = String(1 + (i % 28)).padStart(2, '0');
    const done = i % 4 !== 0;
    lines.push(
      `HS${String(i).padStart(7, '0')},Xã ${i % 40},${channels[i % 3]},2024-03-${day},2024-03-${day},${done ? `2024-03-${day}` : ''},${done ? 'Đã giải quyết' : 'Đang giải quyết'}`,
    );
  }
  fs.writeFileSync(file, `${lines.join('\n')}\n`);
  const period = { from: '2024-03-01', to: '2024-03-31' };
  const one = await node.summarizeDossierFile(file, { period, groupBy: 'unit', threads: 1 });
  let how = null;
  const two = await node.summarizeDossierFile(file, {
    period,
    groupBy: 'unit',
    threads: 2,
    onParallel: (h) => {
      how = h;
    },
  });
  assert.deepEqual(two, one, `${kind}: cchc-index/node, two threads give the one-thread summary`);
  assert.equal(one.meta.records, 280_000);
  assert.equal(how.helpers, 1, `${kind}: cchc-index/node starts its helper thread`);
  console.log(
    `${kind}: cchc-index/node summarised 280 000 rows with 2 threads (helper counts used: ${how.merged})`,
  );
  fs.rmSync(path.dirname(file), { recursive: true, force: true });
}

module.exports = { REQUIRED, OPTIONAL, TESTING, exercise, exerciseTesting, exerciseNode, checkRequired };
