#!/usr/bin/env bash
# The cost of the change history (issue 17): cold builds of N synthetic records in git with no
# history and with C commits each changing SHARE% of the records (a fee amount), and builds with
# the cache after one more commit changing one record.
#
#   bench/history.sh
#
# Environment:
#   N=10000             records
#   SEED=1              generator seed
#   COMMITS="5 10"      history lengths to measure (0, one commit and no history, always runs)
#   SHARE=20            percent of the records each commit changes
#   RUNS=3              timed builds per case; medians are printed
#   CONGKHAI=path       binary (default: cargo build --release, target/release/congkhai)
#   SYNTH=path          generator (default: cargo build --release --example synth)
#   DIR=/dev/shm/congkhai-history   catalogues and outputs (keep it off an ext4 without a
#                       journal, see bench/run.sh; /dev/shm is memory)
#
# Builds use --now 2026-12-01 (a new commit would otherwise move "today", and every page with
# it). Each cold build goes to a fresh output folder; the figures are congkhai's own `--timings`
# (wall and CPU of the steps "git" and "history", and the total).
set -euo pipefail

N=${N:-10000}
SEED=${SEED:-1}
COMMITS=${COMMITS:-"5 10"}
SHARE=${SHARE:-20}
RUNS=${RUNS:-3}
DIR=${DIR:-/dev/shm/congkhai-history}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
TARGET=${CARGO_TARGET_DIR:-$ROOT/target}

log() { printf '== %s\n' "$*" >&2; }

if [[ -z "${CONGKHAI:-}" || -z "${SYNTH:-}" ]]; then
    log "cargo build --release (congkhai, synth)"
    (cd "$ROOT" && cargo build --release --quiet --bin congkhai --example synth)
fi
CONGKHAI=${CONGKHAI:-$TARGET/release/congkhai}
SYNTH=${SYNTH:-$TARGET/release/examples/synth}
mkdir -p "$DIR"

# The records a commit changes: SHARE% of them, chosen by a hash of the commit's number and the
# file's path (so commits overlap as real edits do), each fee amount of the file's first fee
# raised by 1,000 đồng. Deterministic.
mutate() { # site commit-number share
    python3 - "$@" <<'PY'
import os, re, sys, zlib
site, k, share = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
files = []
for base, _, names in os.walk(os.path.join(site, "content/procedures")):
    files += [os.path.join(base, n) for n in names if n.endswith((".yaml", ".yml", ".md"))]
files.sort()
changed = 0
for path in files:
    rel = os.path.relpath(path, site)
    if share < 100 and zlib.crc32(f"{k}:{rel}".encode()) % 100 >= share:
        continue
    text = open(path, encoding="utf-8").read()
    new = re.sub(r"(\n    amount: )(\d+)", lambda m: m.group(1) + str(int(m.group(2)) + 1000), text, count=1)
    if new != text:
        open(path, "w", encoding="utf-8").write(new)
        changed += 1
print(changed)
PY
}

git_in() { git -C "$1" -c user.name=Bench -c user.email=bench@example.invalid "${@:2}"; }
commit() { # site message day
    local date
    date=$(date -u -d "2026-01-01 +$3 days" +%FT%TZ)
    git_in "$1" add -A
    GIT_AUTHOR_DATE=$date GIT_COMMITTER_DATE=$date git_in "$1" commit -q -m "$2"
}

# One site per history length: the generated catalogue, committed, then C commits.
base=$DIR/base-$N-$SEED
if [[ ! -d $base/content ]]; then
    log "synth --n $N --seed $SEED"
    "$SYNTH" --n "$N" --seed "$SEED" --out "$base" >/dev/null
fi
site_of() { # commits
    local c=$1 site=$DIR/site-$N-$SEED-c$1-s$SHARE
    if [[ ! -d $site/.git ]]; then
        rm -rf "$site"
        cp -a "$base" "$site"
        git_in "$site" init -q
        commit "$site" "catalogue" 0
        for k in $(seq 1 "$c"); do
            local n
            n=$(mutate "$site" "$k" "$SHARE")
            commit "$site" "commit $k: $n records" "$k"
        done
    fi
    echo "$site"
}

# Field of a step's line in --timings: "  history   123.4 ms  5.2%  cpu  456.7 ms 1.2 cores ..."
step() { # log name → "wall cpu"
    awk -v n="$2" '$1 == n { if (n == "total") print $2, $5; else print $2, $6 }' "$1"
}
median() { sort -g | awk '{ v[NR] = $1 } END { print (NR ? v[int((NR + 1) / 2)] : "-") }'; }

# Runs RUNS builds of `site` (each after `prepare`, untimed) and prints the medians.
measure() { # label site prepare-command build-args...
    local label=$1 site=$2 prepare=$3
    shift 3
    local logs=()
    for r in $(seq 1 "$RUNS"); do
        $prepare "$site" "$r" "$DIR/out-$label"
        local log=$DIR/log-$label-$r
        "$CONGKHAI" build --now 2026-12-01 --root "$site" --out "$DIR/out-$label" --timings "$@" 2>"$log" >/dev/null \
            || { cat "$log" >&2; exit 1; }
        logs+=("$log")
    done
    local col
    printf '| %-22s' "$label"
    for name in git history total; do
        for col in 1 2; do
            for log in "${logs[@]}"; do step "$log" "$name" | cut -d' ' -f$col; done | median \
                | xargs printf ' | %9s'
        done
    done
    printf ' |\n'
}

fresh_output() { rm -rf "$3"; sync; }
one_more_commit() { # site run: one record changed and committed
    local file
    file=$(cd "$1" && find content/procedures -name '*.yaml' | sort | sed -n "${2}p")
    sed -i "0,/^    amount: /s/^    amount: \([0-9]*\)/    amount: \1$2/" "$1/$file"
    commit "$1" "one record" $((100 + $2))
}

printf '| %-22s | %9s | %9s | %9s | %9s | %9s | %9s |\n' case "git ms" "git cpu" "hist ms" \
    "hist cpu" "total ms" "total cpu"
printf '|%s|\n' "------------------------|-----------|-----------|-----------|-----------|-----------|-----------"
for c in 0 $COMMITS; do
    site=$(site_of "$c")
    label=cold-c$c
    measure "$label" "$site" fresh_output
done
for c in $COMMITS; do
    site=$(site_of "$c")
    label=cached-c$c
    cache=$DIR/cache-c$c
    rm -rf "$cache" "$DIR/out-$label"
    "$CONGKHAI" build --now 2026-12-01 --root "$site" --out "$DIR/out-$label" --cache "$cache" >/dev/null 2>&1
    measure "$label" "$site" one_more_commit --cache "$cache"
    # Put the site back to its C commits for the next run of the script.
    git_in "$site" reset -q --hard "HEAD~$RUNS"
done
