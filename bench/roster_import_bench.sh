#!/usr/bin/env bash
# Times `cnscd-bot import-roster` of a generated 5,000-member roster (250 teams of 20, with
# CCCDs, so every row is encrypted) into a fresh database, and a re-import of the same file.
#   bench/roster_import_bench.sh [members=5000] [runs=5]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
bin="${CNSCD_BOT:-$here/../build/cnscd-bot}"
members="${1:-5000}" runs="${2:-5}"
dir="$(mktemp -d)"; trap 'rm -rf "$dir"' EXIT
python3 - "$members" > "$dir/roster.csv" <<'PY'
import sys
n = int(sys.argv[1])
print("TT,Họ tên,Chức vụ tổ/xóm/đơn vị công tác,Chức vụ Tổ CNSCĐ,SĐT,CCCD,Khu vực phụ trách,Ghi chú,Tổ dân phố")
last = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Võ", "Đặng", "Bùi"]
for i in range(n):
    role = "Tổ trưởng" if i % 20 == 0 else ("Tổ phó" if i % 20 == 1 else "Thành viên")
    print(f"{i+1},{last[i % 8]} Văn Thành {i+1},Cư dân,{role},09{10000000 + i:08d},0{i:011d},Ngõ {i % 30},,Tổ dân phố số {i // 20 + 1}")
PY
export CNSCD_DATA_KEY=00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff CNSCD_LOG_LEVEL=warn
times=(); again=()
for r in $(seq 1 "$runs"); do
  rm -f "$dir"/r.db*
  export CNSCD_DB="$dir/r.db"
  "$bin" migrate >/dev/null
  t0=$(date +%s.%N); "$bin" import-roster "$dir/roster.csv" --ward "Phường Thử" >/dev/null; t1=$(date +%s.%N)
  "$bin" import-roster "$dir/roster.csv" --ward "Phường Thử" >/dev/null; t2=$(date +%s.%N)
  times+=("$(echo "$t1 - $t0" | bc)"); again+=("$(echo "$t2 - $t1" | bc)")
done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
echo "import of $members members: median $(median "${times[@]}") s over $runs runs (all: ${times[*]})"
echo "re-import (nothing changes): median $(median "${again[@]}") s"
