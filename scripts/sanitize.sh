#!/usr/bin/env bash
# Runs the test suite under a sanitizer: scripts/sanitize.sh address|thread
# LeakSanitizer also reports allocations that Foundation, libcurl (under URLSession) and the XCTest
# runner never free; they are suppressed by name in scripts/lsan-suppressions.txt.
set -euo pipefail
cd "$(dirname "$0")/.."
sanitizer=${1:?usage: scripts/sanitize.sh address|thread}
scripts/install-deps.sh
export LSAN_OPTIONS="suppressions=$PWD/scripts/lsan-suppressions.txt:print_suppressions=0"
export TSAN_OPTIONS="halt_on_error=1"
swift test --sanitize="$sanitizer" --scratch-path ".build-$sanitizer"
