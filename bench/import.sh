#!/usr/bin/env bash
# Import benchmark: `congkhai import list` of a generated 10,000-row catalogue list and
# `congkhai import dvc` of 1,000 generated portal detail records, each into a fresh site, with
# wall time and peak RSS from GNU time (`/usr/bin/time -v`). A re-import of the same list (every
# record read back and merged, nothing written) is timed too.
#
#   bench/import.sh
#
# Environment:
#   CONGKHAI=path    binary to use (default: target/debug/congkhai, built with `cargo build`)
#   ROWS=10000       list rows
#   DETAILS=1000     detail records
#   BENCH_DIR=/tmp/congkhai-bench-import
#
# The detail records are copies of the shared portal example
# (../shared/reference/national-portal/dvc-api-detail-1.001193.json) with their codes changed,
# or of a small built-in record when that file is absent.
set -euo pipefail
cd "$(dirname "$0")/.."
ROWS=${ROWS:-10000}
DETAILS=${DETAILS:-1000}
BENCH_DIR=${BENCH_DIR:-/tmp/congkhai-bench-import}
if [[ -z "${CONGKHAI:-}" ]]; then
  cargo build -q
  CONGKHAI=$PWD/target/debug/congkhai
fi
rm -rf "$BENCH_DIR" && mkdir -p "$BENCH_DIR/dvc"

# A list with a title row and Vietnamese headers, 10 fields, every 7th row repealed.
awk -v n="$ROWS" 'BEGIN {
  split("HỘ TỊCH|CHỨNG THỰC|ĐẤT ĐAI|XÂY DỰNG|GIÁO DỤC VÀ ĐÀO TẠO|NỘI VỤ|Y TẾ|VĂN HÓA|ĐƯỜNG BỘ|THƯƠNG MẠI", f, "|")
  print "DANH MỤC THỦ TỤC HÀNH CHÍNH,,,,,,,"
  print "STT,Mã TTHC,Tên TTHC,Lĩnh vực,Cấp thực hiện,Trạng thái,Ngày hiệu lực,Ngày bãi bỏ,Quyết định công bố"
  for (i = 1; i <= n; i++) {
    repealed = (i % 7 == 0)
    printf "%d,1.%06d,\"Thủ tục số %d về đăng ký, cấp giấy chứng nhận\",%s,Cấp xã,%s,2025-07-01,%s,%d/QĐ-UBND\n", \
      i, i, i, f[i % 10 + 1], repealed ? "Hết hiệu lực" : "Còn hiệu lực", repealed ? "2026-01-01" : "", 1000 + i
  }
}' > "$BENCH_DIR/list.csv"

template=../shared/reference/national-portal/dvc-api-detail-1.001193.json
if [[ ! -f $template ]]; then
  template=$BENCH_DIR/template.json
  cat > "$template" <<'JSON'
{"code":"OK","data":{"code":"1.001193","name":"Thủ tục đăng ký khai sinh","categoriesDetails":[{"name":"Hộ tịch"}],"isWard":true,"executionSteps":[{"name":"","description":"- Nộp hồ sơ.\n- Trả kết quả."}],"executionMethods":[{"submissionMethod":"DIRECT","processingTime":1,"processingTimeUnit":"WORKING_DAY","fees":[]}],"cases":[],"executionCases":[{"name":"","profileComponents":[{"name":"Tờ khai","originalQty":1,"copyQty":0}]}],"subjectTypesDetails":[{"name":"Công dân Việt Nam"}],"resultsDetails":[{"name":"Giấy khai sinh"}],"legalBasisesDetails":[{"name":"Luật Hộ tịch","code":"60/2014/QH13"}],"fees":[]}}
JSON
fi
for i in $(seq 1 "$DETAILS"); do
  code=$(printf '2.%06d' "$i")
  sed "s/\"1\.001193/\"$code/g; s/Thủ tục đăng ký khai sinh\"/Thủ tục đăng ký khai sinh $i\"/" "$template" \
    > "$BENCH_DIR/dvc/$code.json"
done

new_site() {
  rm -rf "$BENCH_DIR/$1" && (cd "$BENCH_DIR" && "$CONGKHAI" init "$1" > /dev/null 2>&1)
  rm -rf "$BENCH_DIR/$1/content/procedures"
}

measure() { # label, site, args...
  local label=$1 root=$2
  shift 2
  /usr/bin/time -v "$CONGKHAI" import "$@" --root "$root" --now 2026-12-04 \
    > /dev/null 2> "$BENCH_DIR/$label.log" || { tail -5 "$BENCH_DIR/$label.log"; exit 1; }
  local wall rss
  wall=$(grep 'Elapsed (wall clock)' "$BENCH_DIR/$label.log" | awk '{print $NF}')
  rss=$(grep 'Maximum resident set size' "$BENCH_DIR/$label.log" | awk '{print $NF}')
  printf '| %s | %s | %.1f MB |\n' "$label" "$wall" "$(echo "$rss / 1024" | bc -l)"
}

echo "| import | wall (m:ss) | peak RSS |"
echo "|---|---|---|"
new_site list-site
measure "list, $ROWS rows" "$BENCH_DIR/list-site" list "$BENCH_DIR/list.csv"
measure "list again (no change)" "$BENCH_DIR/list-site" list "$BENCH_DIR/list.csv"
new_site dvc-site
measure "dvc, $DETAILS records" "$BENCH_DIR/dvc-site" dvc "$BENCH_DIR/dvc"
