#!/usr/bin/env bash
# Smoke test of the published package: `npm pack` the built package, install the tarball into a
# throwaway ESM project and a throwaway CommonJS project, run a script in each, and type-check a
# TypeScript consumer against the packed declarations (node16 ESM, node16 CJS, bundler).
#
# Needs a build (`npm run build`); builds first when dist/ is missing. Exits non-zero on any failure.
# Prints one line per check: `smoke: PASS <name>` or `smoke: FAIL <name>` (.ci/run counts them).
# SMOKE_REQUIRE_ALL=1 makes exports still listed as optional in shared.cjs required.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
HERE="$ROOT/test/smoke"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/cchc-smoke.XXXXXX")"
if [[ "${SMOKE_KEEP:-}" == "1" ]]; then
  echo "smoke: keeping $WORK"
else
  trap 'rm -rf "$WORK"' EXIT
fi

failed=0
passed=0
pass() { passed=$((passed + 1)); echo "smoke: PASS $1"; }
fail() { failed=$((failed + 1)); echo "smoke: FAIL $1"; }
# check NAME COMMAND...: runs the command with its output indented, and records the outcome.
check() {
  local name="$1"
  shift
  local status=0
  "$@" >"$WORK/out.log" 2>&1 || status=$?
  sed 's/^/    /' "$WORK/out.log"
  if [[ $status -eq 0 ]]; then pass "$name"; else fail "$name (exit $status)"; fi
}

cd "$ROOT"
if [[ ! -f dist/index.js || ! -f dist/index.cjs || ! -f dist/index.d.ts || ! -f dist/testing.js ]]; then
  echo "smoke: dist/ is missing, building"
  npm run build --silent
fi

# 1. Pack.
npm pack --pack-destination "$WORK" --json --silent >"$WORK/pack.json"
TARBALL="$WORK/$(node -e 'const p = require(process.argv[1]); process.stdout.write(p[0].filename)' "$WORK/pack.json")"
if [[ ! -f "$TARBALL" ]]; then
  fail "npm pack"
  echo "$passed passed, $failed failed (smoke)"
  exit 1
fi
pass "npm pack ($(basename "$TARBALL"), $(node -e 'const p = require(process.argv[1]); console.log(p[0].entryCount + " files, " + p[0].size + " bytes")' "$WORK/pack.json"))"

# 2. Throwaway consumers; the tarball's dependencies (zod, decimal.js) come from the npm cache when
#    they are there.
install() {
  (cd "$1" && npm install --no-audit --no-fund --prefer-offline --no-package-lock --loglevel=error "$TARBALL")
}
mkdir -p "$WORK/esm" "$WORK/cjs"
cp "$HERE/esm/package.json" "$HERE/esm/index.js" "$HERE/shared.cjs" "$WORK/esm/"
cp "$HERE/cjs/package.json" "$HERE/cjs/index.cjs" "$HERE/shared.cjs" "$WORK/cjs/"
cp "$HERE/types/consumer.ts.txt" "$WORK/esm/consumer.ts"
cp "$HERE/types/tsconfig.node16.json" "$HERE/types/tsconfig.bundler.json" "$WORK/esm/"
cp "$HERE/types/consumer.ts.txt" "$WORK/cjs/consumer.ts"
cp "$HERE/types/tsconfig.node16.json" "$WORK/cjs/"

check "install into an ESM project" install "$WORK/esm"
check "install into a CJS project" install "$WORK/cjs"

# 3. Run.
check "ESM consumer (import)" node "$WORK/esm/index.js"
check "CJS consumer (require)" node "$WORK/cjs/index.cjs"

# 4. Types, with the repository's TypeScript, against the packed declarations.
TSC="$ROOT/node_modules/.bin/tsc"
check "types: node16, ESM consumer (index.d.ts)" "$TSC" -p "$WORK/esm/tsconfig.node16.json"
check "types: node16, CJS consumer (index.d.cts)" "$TSC" -p "$WORK/cjs/tsconfig.node16.json"
check "types: bundler, strictest options" "$TSC" -p "$WORK/esm/tsconfig.bundler.json"

echo "$passed passed, $failed failed (smoke)"
[[ $failed -eq 0 ]]
