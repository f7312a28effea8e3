#!/usr/bin/env bash
# Runs one libFuzzer target for a given time: scripts/fuzz.sh literals|frontmatter|markdown [SECONDS] [JOBS]
# Crashes are written to Fuzz/crashes/TARGET/; turn each into a regression test.
set -euo pipefail
cd "$(dirname "$0")/.."
target=${1:?usage: scripts/fuzz.sh literals|frontmatter|markdown [seconds]}
seconds=${2:-600}
case "$target" in
    literals) product=FuzzLiterals ;;
    frontmatter) product=FuzzFrontMatter ;;
    markdown) product=FuzzMarkdown ;;
    *) echo "unknown target $target" >&2; exit 2 ;;
esac
scripts/install-deps.sh
swift build --package-path Fuzz --scratch-path .build-fuzz -c debug -Xswiftc -sanitize=fuzzer,address --product "$product" >&2
work=".build-fuzz/corpus/$target"
mkdir -p "$work" "Fuzz/crashes/$target"
# The committed seeds stay as they are; new inputs libFuzzer finds go to .build-fuzz.
".build-fuzz/debug/$product" "$work" "Fuzz/Corpus/$target" -max_total_time="$seconds" -rss_limit_mb=2048 \
    -timeout=10 -artifact_prefix="Fuzz/crashes/$target/" -print_final_stats=1
