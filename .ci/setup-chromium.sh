#!/usr/bin/env bash
# Installs Debian's chromium for the HTML report test (playwright-core drives /usr/bin/chromium).
# Idempotent: does nothing when /usr/bin/chromium is already there. Never `npx playwright install`.
set -euo pipefail
if [[ -x /usr/bin/chromium ]]; then
  echo "chromium: $(/usr/bin/chromium --version 2>/dev/null || echo present)"
  exit 0
fi
SUDO=""
if [[ $(id -u) -ne 0 ]]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq || true
$SUDO apt-get install -y -qq chromium
/usr/bin/chromium --version || true
