#!/usr/bin/env bash
# Edit-to-reload latency of `congkhai serve` on synthetic catalogues: file write → reload event
# → the edited page fetched with the new text. Usage: bench/serve-latency.sh [N ...]
# (default: 300 10000). Results go to stdout and bench/results/serve-latency-N.txt.
set -euo pipefail
cd "$(dirname "$0")/.."

sizes=("$@")
[[ ${#sizes[@]} -gt 0 ]] || sizes=(300 10000)
cargo build --release --locked --bin congkhai --example synth
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
for n in "${sizes[@]}"; do
    site="$work/site-$n"
    target/release/examples/synth --n "$n" --seed 1 --out "$site" >/dev/null
    echo "== $n procedures ($(nproc) cores)"
    # Edits 6 s apart: the search index of a large catalogue is rebuilt in the background
    # between saves. SETTLE=0.3 measures rapid saves instead.
    python3 bench/serve_latency.py --bin target/release/congkhai --root "$site" --edits "${EDITS:-20}" \
        --settle "${SETTLE:-6}" \
        | tee "bench/results/serve-latency-$n.txt"
done
