#!/usr/bin/env bash
# Benchmarks sitegen on generated sites.  Usage: Benchmarks/run.sh [N ...]   (default: 1000 10000)
#
# For each size N: generate a site into .build-bench/sites/N (reused while generate.py is
# unchanged), then time with hyperfine
#   (a) sitegen build --site DIR --quiet      clean: Output and caches deleted before each run
#   (b) cmark --to html over the same article bodies, front matter stripped
#   (c) sitegen check --site DIR --quiet
#   (d) hugo --quiet on the same articles, when hugo is installed (BENCH_HUGO=1 installs it)
# and record the peak RSS of one clean build. Prints a Markdown table per size; the raw
# hyperfine JSON is kept in .build-bench/results/. See Benchmarks/README.md.
#
# Environment: BENCH_HUGO=1 installs hugo; BENCH_RUNS (default 5) and BENCH_WARMUP (default 1)
# change the hyperfine run counts; BENCH_ALLOW_STALE=1 benchmarks the last binary in .build-bench
# when the current tree does not compile (the tables then say so).
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO=$(dirname "$HERE")
SCRATCH=$REPO/.build-bench
SITEGEN=$SCRATCH/release/sitegen
RESULTS=$SCRATCH/results
RUNS=${BENCH_RUNS:-5}
WARMUP=${BENCH_WARMUP:-1}
if [ $# -gt 0 ]; then SIZES=("$@"); else SIZES=(1000 10000); fi
for n in "${SIZES[@]}"; do
    [[ $n =~ ^[1-9][0-9]*$ ]] || { echo "run.sh: sizes must be positive integers, got \"$n\"" >&2; exit 2; }
done

log() { echo "==> $*" >&2; }

# ---------------------------------------------------------------------------------------------
# Tools, installed only when missing.
# ---------------------------------------------------------------------------------------------
sudo=""
[ "$(id -u)" -ne 0 ] && sudo="sudo"
apt_updated=0
apt_install() {
    [ $# -eq 0 ] && return 0
    log "installing $* with apt-get"
    if [ $apt_updated -eq 0 ]; then
        $sudo apt-get update -qq
        apt_updated=1
    fi
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "$@" >/dev/null
}

missing=()
command -v hyperfine >/dev/null 2>&1 || missing+=(hyperfine)
command -v cmark >/dev/null 2>&1 || missing+=(cmark)
[ -x /usr/bin/time ] || missing+=(time)
command -v python3 >/dev/null 2>&1 || missing+=(python3)
if [ "${BENCH_HUGO:-0}" = 1 ] && ! command -v hugo >/dev/null 2>&1; then missing+=(hugo); fi
apt_install "${missing[@]+"${missing[@]}"}"
"$REPO/scripts/install-deps.sh"   # libcmark-dev and pkg-config, for building sitegen

# ---------------------------------------------------------------------------------------------
# sitegen, release build in its own scratch folder (ignored by git, separate from .build).
# ---------------------------------------------------------------------------------------------
log "building sitegen (release) into .build-bench"
binary_note=""
build_sitegen() { (cd "$REPO" && swift build -c release --product sitegen --scratch-path "$SCRATCH" >&2); }
# A file saved during the build fails it ("modified during the build"): try again a few times.
built=0
for attempt in 1 2 3; do
    if build_sitegen; then built=1; break; fi
    [ $attempt -lt 3 ] && { log "build failed; retrying in 20 s"; sleep 20; }
done
if [ $built -eq 0 ]; then
    # The tree may be mid-edit. With BENCH_ALLOW_STALE=1 an earlier binary is benchmarked instead,
    # and every table says so.
    if [ "${BENCH_ALLOW_STALE:-0}" = 1 ] && [ -x "$SITEGEN" ]; then
        binary_note="sitegen binary: an earlier build from $(date -u -r "$SITEGEN" '+%Y-%m-%d %H:%M UTC'); the current tree did not compile"
        echo "run.sh: WARNING: the build failed; $binary_note" >&2
    else
        echo "run.sh: building sitegen failed (BENCH_ALLOW_STALE=1 benchmarks an earlier binary instead)" >&2
        exit 1
    fi
fi
[ -x "$SITEGEN" ] || { echo "run.sh: $SITEGEN was not built" >&2; exit 1; }
mkdir -p "$RESULTS" "$SCRATCH/sites"

# One statistic (median, min, max …) in seconds from a hyperfine JSON export.
jstat() { python3 -c 'import json,sys; r=json.load(open(sys.argv[1]))["results"][0]; print(r[sys.argv[2]])' "$1" "$2"; }
# a/b to the given decimals, or "n/a".
ratio() { python3 -c 'import sys; a,b,d=float(sys.argv[1]),float(sys.argv[2]),int(sys.argv[3]); print(f"{a/b:.{d}f}" if b else "n/a")' "$1" "$2" "${3:-2}"; }
# "min–max" seconds from one hyperfine JSON export.
range() { echo "$(secs "$(jstat "$1" min)")–$(secs "$(jstat "$1" max)")"; }
secs() { python3 -c 'import sys; print(f"{float(sys.argv[1]):.3f}")' "$1"; }

generator_hash=$(sha256sum "$HERE/generate.py" | cut -d' ' -f1)

# The site for N articles, generated unless a complete one from this generate.py is there.
prepare_site() {
    local n=$1 site=$SCRATCH/sites/$1
    if [ "$(cat "$site/.generated" 2>/dev/null)" != "$generator_hash" ]; then
        log "generating $n articles into .build-bench/sites/$n"
        rm -f "$site/.generated" "$SCRATCH/sites/$n.bodies.md"
        rm -rf "$SCRATCH/sites/$n.hugo"
        python3 "$HERE/generate.py" --articles "$n" --out "$site"
        echo "$generator_hash" > "$site/.generated"
    else
        log "reusing .build-bench/sites/$n"
    fi
    # The article bodies alone, front matter stripped, in file order: cmark's input.
    if [ ! -s "$SCRATCH/sites/$n.bodies.md" ]; then
        python3 - "$site/Content/articles" "$SCRATCH/sites/$n.bodies.md" <<'PY'
import pathlib, sys
articles, out = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
bodies = []
for path in sorted(articles.glob("*.md")):
    text = path.read_text(encoding="utf-8")
    if text.startswith("---\n"):
        end = text.index("\n---\n", 3)
        text = text[end + 5:]
    bodies.append(text.rstrip("\n") + "\n")
out.write_text("\n".join(bodies), encoding="utf-8")
PY
    fi
}

# A minimal Hugo site over the same articles: front matter kept as YAML, same bodies,
# a layout that prints title and content, and list pages for tags.
prepare_hugo() {
    local n=$1 site=$SCRATCH/sites/$1 hugo=$SCRATCH/sites/$1.hugo
    [ -f "$hugo/.generated" ] && return 0
    log "converting .build-bench/sites/$n into a Hugo site"
    rm -rf "$hugo"
    mkdir -p "$hugo/content/articles" "$hugo/content/pages" "$hugo/layouts/_default"
    cp "$site"/Content/articles/*.md "$hugo/content/articles/"
    cp "$site"/Content/pages/*.md "$hugo/content/pages/"
    cat > "$hugo/hugo.yaml" <<'YAML'
baseURL: https://bench.example.org/
title: AI Talent Briefing (benchmark)
languageCode: en
disableKinds: [RSS, sitemap, robotsTXT]
taxonomies: { tag: tags }
permalinks: { articles: /articles/:slug/, pages: /pages/:slug/ }
YAML
    cat > "$hugo/layouts/_default/baseof.html" <<'HTML'
<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>{{ .Title }}</title></head>
<body>{{ block "main" . }}{{ end }}</body></html>
HTML
    cat > "$hugo/layouts/_default/single.html" <<'HTML'
{{ define "main" }}<article><h1>{{ .Title }}</h1>{{ .Content }}</article>{{ end }}
HTML
    cat > "$hugo/layouts/_default/list.html" <<'HTML'
{{ define "main" }}<h1>{{ .Title }}</h1><ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul>{{ end }}
HTML
    cp "$hugo/layouts/_default/list.html" "$hugo/layouts/index.html"
    echo done > "$hugo/.generated"
}

declare -A BUILD_MEDIAN CHECK_MEDIAN
tables=""

for n in "${SIZES[@]}"; do
    prepare_site "$n"
    site=$SCRATCH/sites/$n
    bodies=$SCRATCH/sites/$n.bodies.md

    log "sitegen check on the generated site"
    if ! "$SITEGEN" check --site "$site" > "$RESULTS/check-$n.txt" 2>&1; then
        echo "run.sh: the generated $n-article site does not check clean:" >&2
        head -n 40 "$RESULTS/check-$n.txt" >&2
        exit 1
    fi
    cat "$RESULTS/check-$n.txt" >&2

    clean="rm -rf '$site/Output' '$site/.sitegen-cache' '$site'/.Output.*"
    common=(--warmup "$WARMUP" --runs "$RUNS")

    log "hyperfine: sitegen build ($n articles, clean)"
    hyperfine "${common[@]}" --prepare "$clean" --export-json "$RESULTS/build-$n.json" \
        --command-name "sitegen build ($n)" "'$SITEGEN' build --site '$site' --quiet" >&2

    log "hyperfine: cmark --to html ($n article bodies, $(du -h "$bodies" | cut -f1))"
    hyperfine "${common[@]}" --export-json "$RESULTS/cmark-$n.json" \
        --command-name "cmark ($n)" "cmark --to html '$bodies'" >&2

    log "hyperfine: sitegen check ($n articles)"
    hyperfine "${common[@]}" --export-json "$RESULTS/check-$n.json" \
        --command-name "sitegen check ($n)" "'$SITEGEN' check --site '$site' --quiet" >&2

    log "peak RSS of one clean build"
    eval "$clean"
    /usr/bin/time -v "$SITEGEN" build --site "$site" --quiet 2> "$RESULTS/rss-$n.txt"
    rss_kb=$(awk -F: '/Maximum resident set size/ { gsub(/ /, "", $2); print $2 }' "$RESULTS/rss-$n.txt")
    rss_mb=$(python3 -c 'import sys; print(f"{int(sys.argv[1]) / 1024:.1f}")' "$rss_kb")
    files=$(find "$site/Output" -type f | wc -l)

    hugo_median="" hugo_ratio=""
    if command -v hugo >/dev/null 2>&1; then
        prepare_hugo "$n"
        hugo_site=$SCRATCH/sites/$n.hugo
        log "hyperfine: hugo ($n articles, clean)"
        hyperfine "${common[@]}" --prepare "rm -rf '$hugo_site/public' '$hugo_site/resources'" \
            --export-json "$RESULTS/hugo-$n.json" \
            --command-name "hugo ($n)" "hugo --quiet --source '$hugo_site'" >&2
        hugo_median=$(jstat "$RESULTS/hugo-$n.json" median)
    fi

    build=$(jstat "$RESULTS/build-$n.json" median)
    cmark=$(jstat "$RESULTS/cmark-$n.json" median)
    check=$(jstat "$RESULTS/check-$n.json" median)
    BUILD_MEDIAN[$n]=$build
    CHECK_MEDIAN[$n]=$check

    table="
### $n articles

| measure | median | min–max of $RUNS runs |
|---|---|---|
| sitegen build, clean (s) | $(secs "$build") | $(range "$RESULTS/build-$n.json") |
| cmark --to html, same bodies (s) | $(secs "$cmark") | $(range "$RESULTS/cmark-$n.json") |
| sitegen build / cmark | $(ratio "$build" "$cmark" 1) | |
| sitegen check (s) | $(secs "$check") | $(range "$RESULTS/check-$n.json") |
| check / build | $(ratio "$check" "$build" 2) | |
| peak RSS of one build (MB) | $rss_mb | |
| files written in Output | $files | |"
    if [ -n "$hugo_median" ]; then
        hugo_ratio=$(ratio "$hugo_median" "$build" 2)
        table+="
| hugo, clean (s) | $(secs "$hugo_median") | $(range "$RESULTS/hugo-$n.json") |
| hugo / sitegen build | $hugo_ratio | |"
    else
        table+="
| hugo | not measured (BENCH_HUGO=1 installs it) | |"
    fi
    [ -n "$binary_note" ] && table+=$'\n\n'"Note: $binary_note."
    echo "$table"
    tables+="$table"$'\n'
done

if [ -n "${BUILD_MEDIAN[1000]:-}" ] && [ -n "${BUILD_MEDIAN[10000]:-}" ]; then
    line="time(10000)/time(1000) = $(ratio "${BUILD_MEDIAN[10000]}" "${BUILD_MEDIAN[1000]}" 2)"
    line+=$'\n'"(sitegen check: time(10000)/time(1000) = $(ratio "${CHECK_MEDIAN[10000]}" "${CHECK_MEDIAN[1000]}" 2))"
    echo
    echo "$line"
    tables+=$'\n'"$line"$'\n'
fi
printf '%s' "$tables" > "$RESULTS/summary.md"
log "tables saved in .build-bench/results/summary.md"
