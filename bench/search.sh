#!/usr/bin/env bash
# Search figures at 300, 1,000, 4,000, 10,000 and 100,000 synthetic procedures:
# - index files: count, bytes, gzip bytes (each file compressed alone, as a server sends it);
# - index step time and its share of the full build (300 and 10,000; 100,000 builds the index
#   only, to stay within the machine);
# - first-query bytes in Chromium: everything the search page fetches to show the first
#   results of "khai sinh", "dang ky" and "đăng ký kết hôn" on a phone-sized screen, typed
#   key by key and given in the URL (script, index files, result cards), gzip; the HTML page
#   is reported apart (issue 19: at most 60 KB);
# - median keystroke-to-results time in Chromium at 10,000, with and without a 4x CPU slowdown,
#   and keystroke-to-paint time (to the end of the frame that shows the change).
#
# Usage: bench/search.sh [WORK_DIR]   (default /tmp/congkhai-search-bench; reuses catalogues)
# Writes bench/results/search.json. Needs the browser-test dependencies (scripts/browser-deps).
set -euo pipefail
cd "$(dirname "$0")/.."
work="${1:-/tmp/congkhai-search-bench}"
mkdir -p "$work" bench/results
scripts/browser-deps
cargo build --release --locked --example synth --example search_bench
bin=target/release/examples

gzip_total() { # DIR...: number of files, raw bytes, gzip bytes of every file under them
    find "$@" -type f -print0 | xargs -0 -n 200 sh -c 'for f; do printf "%s %s\n" "$(wc -c <"$f")" "$(gzip -6 -c "$f" | wc -c)"; done' sh |
        awk '{n++; raw+=$1; gz+=$2} END {printf "{\"files\":%d,\"bytes\":%d,\"gzip\":%d}", n, raw, gz}'
}

out="bench/results/search.json"
echo "{" >"$out"
first=1
for n in 300 1000 4000 10000 100000; do
    cat="$work/synth-$n"
    [[ -f "$cat/content/site.yaml" ]] || "$bin/synth" --n "$n" --seed 1 --out "$cat" --force
    site="$work/site-$n"
    rm -rf "$site"
    if [[ $n -le 10000 ]]; then
        build=$("$bin/search_bench" --root "$cat" --out "$site" 2>/dev/null)
    else
        # Index only, served from a copy of the 10,000 site's search page (its script and
        # styles) pointed at this index, with the no-JS list left out.
        build=$("$bin/search_bench" --root "$cat" --out "$site" --index-only 2>/dev/null)
        script=$(sed -n 's/.*"script":"\([^"]*\)".*/\1/p' <<<"$build")
        mkdir -p "$site/tra-cuu"
        cp -r "$work/site-10000/assets" "$site/"
        python3 - "$work/site-10000/tra-cuu/index.html" "$site/tra-cuu/index.html" "$script" <<'PY'
import re, sys
src, dst, script = sys.argv[1:]
html = open(src, encoding="utf-8").read()
html = re.sub(r"tra-cuu/chi-muc\.[0-9a-f]+\.js", script, html)
html = re.sub(r'(<section id="tat-ca"[^>]*>).*?(</section>)', r"\1\2", html, flags=re.S)
open(dst, "w", encoding="utf-8").write(html)
PY
    fi
    index=$(gzip_total "$site"/tra-cuu/chi-muc*)
    page=$(gzip_total "$site/tra-cuu/index.html")
    flags=()
    [[ $n -eq 10000 ]] && flags=(--keystrokes)
    browser=$(node bench/search.mjs "$site" --query "khai sinh" --query "dang ky" --query "đăng ký kết hôn" "${flags[@]}")
    [[ $first -eq 1 ]] || echo "," >>"$out"
    first=0
    printf '"%s": {"build": %s, "index_files": %s, "search_page_html": %s, "browser": %s}\n' \
        "$n" "$build" "$index" "$page" "$browser" >>"$out"
done
echo "}" >>"$out"
cat "$out"
