#!/usr/bin/env bash
# Runs copydesk's fuzz targets one after another, each for SECONDS (default
# 300), seeded from seeds/ and the bundled corpus/, with a dictionary from
# dict/, on the stable toolchain (RUSTC_BOOTSTRAP=1 lets it take cargo-fuzz's
# -Z flags). Each target's log is artifacts/logs/<target>.log; crashes land in
# artifacts/<target>/.
#
#   fuzz/run.sh [SECONDS] [TARGET...]
set -euo pipefail
cd "$(dirname "$0")"
seconds=${1:-300}
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(clean_html clean_text decode segment quotes figures warc http)
export RUSTC_BOOTSTRAP=1
mkdir -p artifacts/logs
status=0
for target in "${targets[@]}"; do
  case $target in
    clean_html) seeds=(seeds/html ../corpus) dict=html ;;
    decode) seeds=(seeds/html seeds/text ../corpus) dict=html ;;
    warc) seeds=(seeds/warc) dict=warc ;;
    http) seeds=(seeds/http) dict=warc ;;
    *) seeds=(seeds/text ../corpus) dict=text ;;
  esac
  mkdir -p "corpus/$target"
  log=artifacts/logs/$target.log
  if nice cargo fuzz run "$target" "corpus/$target" "${seeds[@]}" -- \
      -max_total_time="$seconds" -timeout=20 -dict="dict/$dict.dict" -print_final_stats=1 >"$log" 2>&1; then
    echo "$target: no crash in ${seconds}s, $(grep -m1 -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$') runs"
  else
    echo "$target: FAILED, see $log and artifacts/$target/"
    status=1
  fi
done
exit $status
