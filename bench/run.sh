#!/usr/bin/env bash
# Full-build benchmark of congkhai against Hugo and Zola on the same synthetic catalogue.
#
#   bench/run.sh [N ...]            default N list: 1000 10000 100000
#
# Environment:
#   RUNS=5              timed builds per tool and N (after one untimed warm-up build)
#   CONGKHAI=path       congkhai binary to use (default: cargo build --release, target/release/congkhai)
#   SYNTH=path          synth generator to use (default: cargo build --release --example synth,
#                       falling back to a std-only rustc build of examples/synth.rs)
#   SEED=1              generator seed
#   BENCH_DIR=/tmp/congkhai-bench   where catalogues (reused if present) and logs go
#   OUTPUTS=$BENCH_DIR  where the built sites go ($OUTPUTS/N/out/TOOL); see "Output file system"
#   OUT_DIR=$BENCH_DIR/results      where raw TSV results go (bench/results/ to keep them)
#   TOOLS="congkhai hugo zola"      tools to run (peers not on PATH are skipped with a note)
#
# Each round runs every tool once, alternating (congkhai, hugo, zola, congkhai, ...), each into
# a fresh output folder, after `sync`. Wall time is taken around the command; CPU (user+sys) and
# peak RSS come from GNU time (`/usr/bin/time -v`). Medians are reported.
#
# Output file system: put OUTPUTS on an ext4 with a journal (the mkfs.ext4 default). On an ext4
# without one, the kernel skips inodes freed in the last minutes when it allocates new ones
# (`recently_deleted` in fs/ext4/ialloc.c, checked only when there is no journal), so deleting
# the previous output before a build makes every file and folder of the next one scan past the
# freed inodes. On this project's 2-core VM (root ext4 without a journal) that put 0.7 to 8 s of
# kernel time into a 10,000-procedure build, growing run after run, for every tool alike. The
# script warns when OUTPUTS is on such a file system; a journaled image is made with
#   truncate -s 40G /var/tmp/bench.img && mkfs.ext4 -q /var/tmp/bench.img
#   mkdir -p /mnt/bench && mount -o loop /var/tmp/bench.img /mnt/bench
# and used with OUTPUTS=/mnt/bench.
set -euo pipefail

# Where the search index lands in congkhai's output: relative globs of files or folders (counted
# recursively). The search issue may move it; override with SEARCH_GLOBS="...".
SEARCH_GLOBS=${SEARCH_GLOBS:-"tra-cuu/chi-muc* tra-cuu/*.json search/*"}

RUNS=${RUNS:-5}
SEED=${SEED:-1}
BENCH_DIR=${BENCH_DIR:-/tmp/congkhai-bench}
OUT_DIR=${OUT_DIR:-$BENCH_DIR/results}
OUTPUTS=${OUTPUTS:-$BENCH_DIR}
TOOLS=${TOOLS:-"congkhai hugo zola"}
ROOT=$(cd "$(dirname "$0")/.." && pwd)

if [[ $# -gt 0 ]]; then
    SIZES=("$@")
else
    SIZES=(1000 10000 100000)
fi
for n in "${SIZES[@]}"; do
    [[ $n =~ ^[0-9]+$ ]] || { echo "bench: N must be a number, got '$n'" >&2; exit 2; }
done
[[ $RUNS =~ ^[1-9][0-9]*$ ]] || { echo "bench: RUNS must be a positive number" >&2; exit 2; }

log() { printf '\033[1m== %s\033[0m\n' "$*" >&2; }

# ---------------------------------------------------------------- tools
if [[ ! -x /usr/bin/time ]]; then
    log "installing GNU time (/usr/bin/time)"
    apt-get install -y time >/dev/null 2>&1 || { apt-get update >/dev/null && apt-get install -y time >/dev/null; }
fi

mkdir -p "$BENCH_DIR" "$OUT_DIR" "$OUTPUTS"

# "ext4, journaled", "ext4, no journal" or the file system type of a folder.
filesystem_of() {
    local fstype dev
    fstype=$(findmnt -no FSTYPE -T "$1" 2>/dev/null || echo unknown)
    if [[ $fstype == ext4 ]]; then
        dev=$(findmnt -no SOURCE -T "$1" 2>/dev/null)
        # jbd2 lists each journal as <device name>-<journal inode>.
        if compgen -G "/proc/fs/jbd2/$(basename "$dev")-*" >/dev/null; then
            echo "ext4, journaled"
        else
            echo "ext4, no journal"
        fi
    else
        echo "$fstype"
    fi
}
outputs_fs=$(filesystem_of "$OUTPUTS")
if [[ $outputs_fs == "ext4, no journal" ]]; then
    echo "warning: OUTPUTS=$OUTPUTS is on an ext4 without a journal: file creation after each" \
        "deletion will dominate every tool's time; see \"Output file system\" at the top of $0" >&2
fi

if [[ -z ${SYNTH:-} ]]; then
    log "building the generator"
    if (cd "$ROOT" && cargo build --release --example synth); then
        SYNTH=$ROOT/target/release/examples/synth
    else
        log "cargo could not build the example; compiling examples/synth.rs alone (std only)"
        rustc --edition 2024 -O "$ROOT/examples/synth.rs" -o "$BENCH_DIR/synth"
        SYNTH=$BENCH_DIR/synth
    fi
fi
if [[ -z ${CONGKHAI:-} ]]; then
    log "building congkhai (release)"
    (cd "$ROOT" && cargo build --release)
    CONGKHAI=$ROOT/target/release/congkhai
fi

available=()
for tool in $TOOLS; do
    case $tool in
        congkhai) available+=(congkhai) ;;
        hugo | zola)
            if command -v "$tool" >/dev/null 2>&1; then
                available+=("$tool")
            else
                echo "note: $tool is not on PATH; skipped" >&2
            fi
            ;;
        *) echo "bench: unknown tool '$tool'" >&2; exit 2 ;;
    esac
done
[[ ${#available[@]} -gt 0 ]] || { echo "bench: no tool to run" >&2; exit 1; }
{
    echo "congkhai: $CONGKHAI"
    command -v hugo >/dev/null 2>&1 && echo "hugo: $(hugo version 2>/dev/null | head -n1)"
    command -v zola >/dev/null 2>&1 && echo "zola: $(zola --version 2>/dev/null | head -n1)"
    echo "outputs: $OUTPUTS ($outputs_fs)"
    echo "machine: $(nproc) CPUs, $(awk '/MemTotal/ {printf "%.1f GB", $2 / 1048576}' /proc/meminfo), $(uname -sr)"
} >&2

# ---------------------------------------------------------------- helpers
median() { # numbers on stdin → median (mean of the two middle ones for an even count)
    sort -g | awk '{ v[NR] = $1 } END {
        if (NR == 0) { print "NA"; exit }
        if (NR % 2) printf "%.3f\n", v[(NR + 1) / 2]
        else printf "%.3f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

now_ns() { date +%s%N; }

# build TOOL SRC OUT LOG STATS → sets BUILD_RC and BUILD_WALL (seconds)
build() {
    local tool=$1 src=$2 out=$3 logf=$4 stats=$5 t0 t1
    local -a cmd
    case $tool in
        congkhai) cmd=("$CONGKHAI" build --root "$src" --out "$out") ;;
        hugo) cmd=(hugo --quiet -s "$src" -d "$out") ;;
        zola) cmd=(zola --root "$src" build -o "$out" --force) ;;
    esac
    rm -rf "$out"
    sync
    t0=$(now_ns)
    if /usr/bin/time -v -o "$stats" "${cmd[@]}" >"$logf" 2>&1; then BUILD_RC=0; else BUILD_RC=$?; fi
    t1=$(now_ns)
    BUILD_WALL=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.3f", (b - a) / 1e9 }')
}

cpu_of() { awk -F': ' '/User time \(seconds\)/ { u = $2 } /System time \(seconds\)/ { s = $2 } END { printf "%.2f", u + s }' "$1"; }
user_of() { awk -F': ' '/User time \(seconds\)/ { print $2 }' "$1"; }
sys_of() { awk -F': ' '/System time \(seconds\)/ { print $2 }' "$1"; }
rss_of() { awk -F': ' '/Maximum resident set size/ { print $2 }' "$1"; }

summary=()
date_tag=$(date +%Y%m%d-%H%M%S)

# ---------------------------------------------------------------- per N
for n in "${SIZES[@]}"; do
    work=$BENCH_DIR/$n
    outs=$OUTPUTS/$n/out
    mkdir -p "$outs" "$work/logs"
    tsv=$OUT_DIR/$date_tag-$n.tsv
    printf 'n\ttool\trun\twall_s\tuser_s\tsys_s\tcpu_s\tmax_rss_kb\texit\tfiles\tfile_bytes\tdu_sb\n' >"$tsv"

    for tool in "${available[@]}"; do
        stamp=$work/$tool/.synth-args
        want="n=$n seed=$SEED format=$tool synth=$(cksum <"$ROOT/examples/synth.rs" | cut -d' ' -f1)"
        if [[ -f $stamp && $(cat "$stamp") == "$want" ]]; then
            log "N=$n: reusing $work/$tool"
        else
            log "N=$n: generating $tool catalogue"
            "$SYNTH" --n "$n" --seed "$SEED" --out "$work/$tool" --format "$tool" --force
            echo "$want" >"$stamp"
        fi
    done

    log "N=$n: warm-up builds"
    for tool in "${available[@]}"; do
        build "$tool" "$work/$tool" "$outs/$tool" "$work/logs/$tool-warmup.log" "$work/logs/$tool-warmup.time"
        if [[ $BUILD_RC -ne 0 ]]; then
            echo "warning: $tool warm-up build failed (exit $BUILD_RC); last lines of its log:" >&2
            tail -n 20 "$work/logs/$tool-warmup.log" >&2
        fi
    done

    declare -A walls=() cpus=() rsss=() fails=()
    for ((run = 1; run <= RUNS; run++)); do
        for tool in "${available[@]}"; do
            stats=$work/logs/$tool-$run.time
            build "$tool" "$work/$tool" "$outs/$tool" "$work/logs/$tool-$run.log" "$stats"
            cpu=$(cpu_of "$stats")
            rss=$(rss_of "$stats")
            printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$n" "$tool" "$run" "$BUILD_WALL" \
                "$(user_of "$stats")" "$(sys_of "$stats")" "$cpu" "$rss" "$BUILD_RC" >>"$tsv"
            printf '  N=%s run %s/%s %-8s %7ss wall %7ss cpu %8s KB rss%s\n' "$n" "$run" "$RUNS" "$tool" \
                "$BUILD_WALL" "$cpu" "$rss" "$([[ $BUILD_RC -ne 0 ]] && echo " FAILED (exit $BUILD_RC)")" >&2
            if [[ $BUILD_RC -ne 0 ]]; then
                fails[$tool]=1
                continue
            fi
            walls[$tool]+="$BUILD_WALL "
            cpus[$tool]+="$cpu "
            rsss[$tool]+="$rss "
        done
    done

    # One more congkhai build with its per-step breakdown.
    if [[ " ${available[*]} " == *" congkhai "* ]]; then
        log "N=$n: congkhai --timings"
        echo "congkhai build --timings, N=$n:"
        rm -rf "$outs/congkhai-timings"
        "$CONGKHAI" build --root "$work/congkhai" --out "$outs/congkhai-timings" --timings 2>&1 || true
        rm -rf "$outs/congkhai-timings"
    fi

    # cp floor: copying congkhai's output tree.
    cp_median=NA
    if [[ -d $outs/congkhai ]] && [[ -n $(ls -A "$outs/congkhai") ]]; then
        cps=""
        for ((run = 1; run <= RUNS; run++)); do
            rm -rf "$outs/cp-floor"
            sync
            t0=$(now_ns)
            cp -r "$outs/congkhai" "$outs/cp-floor"
            t1=$(now_ns)
            cps+="$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.3f", (b - a) / 1e9 }') "
        done
        rm -rf "$outs/cp-floor"
        cp_median=$(tr ' ' '\n' <<<"$cps" | grep . | median)
        printf '%s\tcp-floor\tmedian\t%s\t\t\t\t\t0\n' "$n" "$cp_median" >>"$tsv"
    else
        echo "note: no congkhai output tree at $outs/congkhai; cp floor skipped" >&2
    fi

    # Medians, sizes, table rows.
    base_wall=""
    if [[ -n ${walls[congkhai]:-} ]]; then
        base_wall=$(tr ' ' '\n' <<<"${walls[congkhai]}" | grep . | median)
    fi
    for tool in "${available[@]}"; do
        out=$outs/$tool
        files=NA
        mb=NA
        if [[ -d $out ]]; then
            # MB = bytes of the files; `du -sb` (also in the TSV) adds ~4 KB per folder.
            files=$(find "$out" -type f | wc -l)
            mb=$(find "$out" -type f -printf '%s\n' | awk '{ s += $1 } END { printf "%.1f", s / 1e6 }')
            printf '%s\t%s\tsize\t\t\t\t\t\t\t%s\t%s\t%s\n' "$n" "$tool" "$files" \
                "$(find "$out" -type f -printf '%s\n' | awk '{ s += $1 } END { print s + 0 }')" \
                "$(du -sb "$out" | cut -f1)" >>"$tsv"
        fi
        if [[ -z ${walls[$tool]:-} ]]; then
            summary+=("| $n | $tool | FAILED | | | $files | $mb | |")
            continue
        fi
        wall=$(tr ' ' '\n' <<<"${walls[$tool]}" | grep . | median)
        cpu=$(tr ' ' '\n' <<<"${cpus[$tool]}" | grep . | median)
        rss=$(tr ' ' '\n' <<<"${rsss[$tool]}" | grep . | median | awk '{ printf "%.0f", $1 / 1024 }')
        ratio=""
        if [[ -n $base_wall ]] && awk -v b="$base_wall" 'BEGIN { exit !(b > 0) }'; then
            ratio=$(awk -v w="$wall" -v b="$base_wall" 'BEGIN { printf "%.2f×", w / b }')
        fi
        note=""
        [[ -n ${fails[$tool]:-} ]] && note=" (some runs failed)"
        summary+=("| $n | $tool$note | $wall | $cpu | $rss | $files | $mb | $ratio |")
    done
    if [[ $cp_median != NA ]]; then
        summary+=("| $n | cp -r floor (congkhai output) | $cp_median | | | | | |")
    fi
    if [[ -d $outs/congkhai ]]; then
        read -r -a globs <<<"$SEARCH_GLOBS"
        paths=()
        for g in "${globs[@]}"; do
            for p in "$outs/congkhai"/$g; do
                [[ -e $p ]] && paths+=("$p")
            done
        done
        search_bytes=0
        search_files=0
        if [[ ${#paths[@]} -gt 0 ]]; then
            search_bytes=$(find "${paths[@]}" -type f -printf '%s\n' | awk '{ s += $1 } END { print s + 0 }')
            search_files=$(find "${paths[@]}" -type f | wc -l)
        fi
        summary+=("| $n | congkhai search index ($SEARCH_GLOBS) | | | | $search_files | $(awk -v b="$search_bytes" 'BEGIN { printf "%.2f", b / 1e6 }') | |")
    fi
    unset walls cpus rsss fails
    echo "raw results: $tsv" >&2
done

# ---------------------------------------------------------------- report
echo
echo "Full builds, median of $RUNS runs (ratio = tool wall / congkhai wall; > 1 means congkhai is faster)."
echo
echo "| N | tool | median wall s | CPU s | peak RSS MB | files | MB | ratio vs congkhai |"
echo "|---|---|---|---|---|---|---|---|"
printf '%s\n' "${summary[@]}"
