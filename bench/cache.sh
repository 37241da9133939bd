#!/usr/bin/env bash
# The build cache's benchmark: a cold build against a build with `--cache` after one record
# changed, on the same synthetic catalogue.
#
#   bench/cache.sh [N ...]          default N list: 10000 100000
#
# Environment:
#   RUNS=3              timed builds of each kind per N
#   CONGKHAI=path       congkhai binary (default: cargo build --release, target/release/congkhai)
#   SEED=1              generator seed
#   WORK=/dev/shm/congkhai-cache-bench   where the catalogue copy, outputs and cache go (tmpfs:
#                       the root ext4 of the development VM has no journal, see bench/run.sh)
#
# For each N: RUNS cold builds (no cache, a fresh output each), one build that fills the cache,
# then RUNS rounds of "change one record's title, build with the cache into the same output".
# Prints the median wall and CPU seconds of each kind, their ratio, the cache's own line of the
# last build, and checks that the last cached output is byte for byte a cold build of the same
# content (diff -r).
set -euo pipefail

RUNS=${RUNS:-3}
SEED=${SEED:-1}
WORK=${WORK:-/dev/shm/congkhai-cache-bench}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
if [[ $# -gt 0 ]]; then SIZES=("$@"); else SIZES=(10000 100000); fi

log() { printf '\033[1m== %s\033[0m\n' "$*" >&2; }

if [[ -z ${CONGKHAI:-} ]]; then
    log "building congkhai (release)"
    (cd "$ROOT" && cargo build --release --quiet)
    CONGKHAI=$ROOT/target/release/congkhai
fi
(cd "$ROOT" && cargo build --release --quiet --example synth)
SYNTH=$ROOT/target/release/examples/synth

# Runs a build; prints "wall cpu" in seconds (CPU: user + sys of the process, GNU time).
# What the build said goes to $WORK/said.
timed() {
    local times
    times=$(mktemp)
    /usr/bin/time -f '%e %U %S' -o "$times" "$CONGKHAI" build "$@" >/dev/null 2>"$WORK/said"
    awk '{ printf "%.2f %.2f\n", $1, $2 + $3 }' "$times"
    rm -f "$times"
}

median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

mkdir -p "$(dirname "$WORK")"
printf '| N | build | median wall s | median CPU s | ÷ cold (wall) | ÷ cold (CPU) |\n|---|---|---|---|---|---|\n' >"$WORK.table"
for n in "${SIZES[@]}"; do
    rm -rf "$WORK"
    mkdir -p "$WORK"
    log "N=$n: catalogue"
    "$SYNTH" --n "$n" --seed "$SEED" --out "$WORK/site" >/dev/null
    site=$WORK/site
    record=$(find "$site/content/procedures" -name '*.yaml' | sort | sed -n "$((n / 2))p")

    cold=()
    for run in $(seq "$RUNS"); do
        log "N=$n: cold build $run"
        rm -rf "$WORK/cold"
        cold+=("$(timed --root "$site" --out "$WORK/cold")")
    done
    rm -rf "$WORK/cold"
    log "N=$n: filling the cache"
    timed --root "$site" --out "$WORK/out" --cache "$WORK/cache" >/dev/null
    cached=()
    for run in $(seq "$RUNS"); do
        sed -i "s/^title: \"\(.*\)\"$/title: \"\1 $run\"/" "$record"
        log "N=$n: one record changed, cached build $run"
        cached+=("$(timed --root "$site" --out "$WORK/out" --cache "$WORK/cache")")
    done
    line=$(grep -i 'cache\|bộ nhớ đệm' "$WORK/said" || true)

    log "N=$n: the cached output against a cold build"
    "$CONGKHAI" build --quiet --root "$site" --out "$WORK/cold"
    if diff -r -q "$WORK/cold" "$WORK/out" >/dev/null; then same="identical"; else same="DIFFERENT"; fi

    cold_wall=$(printf '%s\n' "${cold[@]}" | cut -d' ' -f1 | median)
    cold_cpu=$(printf '%s\n' "${cold[@]}" | cut -d' ' -f2 | median)
    cached_wall=$(printf '%s\n' "${cached[@]}" | cut -d' ' -f1 | median)
    cached_cpu=$(printf '%s\n' "${cached[@]}" | cut -d' ' -f2 | median)
    {
        printf '| %s | cold | %s | %s | | |\n' "$n" "$cold_wall" "$cold_cpu"
        printf '| %s | one record changed, --cache | %s | %s | %s | %s |\n' "$n" "$cached_wall" "$cached_cpu" \
            "$(awk -v a="$cached_wall" -v b="$cold_wall" 'BEGIN { printf "%.0f%%", 100 * a / b }')" \
            "$(awk -v a="$cached_cpu" -v b="$cold_cpu" 'BEGIN { printf "%.0f%%", 100 * a / b }')"
    } >>"$WORK.table"
    echo "N=$n: cold runs: ${cold[*]}; cached runs: ${cached[*]}; output $same" >&2
    echo "N=$n: $line" >&2
    [[ $same == identical ]] || { echo "bench: the cached output differs from a cold build" >&2; exit 1; }
    rm -rf "$WORK"
done
cat "$WORK.table"
rm -f "$WORK.table"
