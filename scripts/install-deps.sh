#!/usr/bin/env bash
# Installs what sitegen needs to build, when it is missing. Idempotent.
#   scripts/install-deps.sh [SITE]   SITE (default .): when its Content/site.yaml says search: true,
#                                    Pagefind is installed too (pip package pagefind-bin-extended).
set -euo pipefail
site=${1:-.}

# Search: Pagefind indexes the built site. The extended build also splits Chinese and Japanese into words.
if grep -Eq '^search:[[:space:]]*true([[:space:]]|#|$)' "$site/Content/site.yaml" 2>/dev/null; then
    if ! command -v pagefind_extended >/dev/null 2>&1 && ! command -v pagefind >/dev/null 2>&1 \
        && ! python3 -c 'import pagefind_bin_extended' 2>/dev/null && ! python3 -c 'import pagefind_bin' 2>/dev/null; then
        echo "installing Pagefind (search: true in $site/Content/site.yaml) with pip" >&2
        python3 -m pip install -q --disable-pip-version-check pagefind-bin-extended >&2 \
            || { echo "error: cannot install Pagefind; install it with: pip install pagefind-bin-extended" >&2; exit 1; }
    fi
fi

missing=()
pkg-config --exists libcmark 2>/dev/null || missing+=(libcmark-dev)
command -v pkg-config >/dev/null 2>&1 || missing+=(pkg-config)
[ ${#missing[@]} -eq 0 ] && exit 0

sudo=""
[ "$(id -u)" -ne 0 ] && sudo="sudo"
echo "installing ${missing[*]} with apt-get" >&2
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
