#!/usr/bin/env bash
# Per-stage micro-benchmarks of sitegen on the sample site: parse literals, read one front matter,
# render one body, draw one chart, fill one page. Usage:
#
#   Benchmarks/micro.sh                               build and run them all, print the tables
#   Benchmarks/micro.sh --filter 'fill.*'             any option of `swift package benchmark`
#   Benchmarks/micro.sh baseline update before        save a baseline named "before"
#   Benchmarks/micro.sh baseline compare before       run again and compare with it
#
# The suite is the package in Benchmarks/Micro (ordo-one/benchmark, release build, its own .build/
# there, ignored by git). With no command, or with options only, it runs `benchmark run` grouped by
# metric: one table each for wall clock, mallocs and malloc'd bytes. See Benchmarks/README.md.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO=$(dirname "$HERE")
MICRO=$HERE/Micro

log() { echo "==> $*" >&2; }

"$REPO/scripts/install-deps.sh"   # libcmark-dev and pkg-config, for building sitegen

cd "$MICRO"

# Build first, on its own, so that a failure is told apart from a benchmark failure. A file saved
# during the build fails it ("modified during the build"): try again a few times.
log "building the micro-benchmarks (release) in Benchmarks/Micro/.build"
built=0
for attempt in 1 2 3; do
    if swift build -c release --product Stages >&2; then built=1; break; fi
    [ $attempt -lt 3 ] && { log "build failed; retrying in 20 s"; sleep 20; }
done
[ $built -eq 1 ] || { echo "micro.sh: building Benchmarks/Micro failed" >&2; exit 1; }

# A command (run, list, baseline, thresholds, help) is passed on as given; options alone run the suite.
args=("$@")
case "${1:-}" in
    run | list | baseline | thresholds | help | init) ;;
    *) args=(run --grouping metric "$@") ;;
esac
log "swift package benchmark ${args[*]}"
swift package --allow-writing-to-package-directory benchmark "${args[@]}"
