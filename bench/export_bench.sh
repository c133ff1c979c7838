#!/usr/bin/env bash
# Times the ward report export (`cnscd-bot export`, the same code /xuat runs: build_ward_export,
# then the XLSX writer or the CSV writer) on a database made by bench/gen_visits.sh.
#
#   bench/export_bench.sh DB_FILE [runs=3] [period=2026-Q3] [ward=Phường 1]
#
# After one untimed warm-up run, prints per format the median wall time, the peak RSS of the
# run with that median, the rows written and the output size. Each run adds one audit row
# ("report.export") to DB_FILE.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
db="${1:?usage: export_bench.sh DB_FILE [runs] [period] [ward]}"
runs="${2:-3}"
period="${3:-2026-Q3}"
ward="${4:-Phường 1}"
bin="${CNSCD_BOT:-$here/../build/cnscd-bot}"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
visits=$(sqlite3 -readonly "$db" "SELECT count(*) FROM visits")
# One untimed run first, so every timed run reads the database from the page cache.
CNSCD_DB="$db" CNSCD_LOG_LEVEL=warn "$bin" export --ward "$ward" --period "$period" --format csv \
  -o "$out/warm.csv" >/dev/null
for format in xlsx csv; do
  results=()
  for run in $(seq "$runs"); do
    rm -f "$out"/*
    /usr/bin/time -f '%e %M' -o "$out/time" env CNSCD_DB="$db" CNSCD_LOG_LEVEL=warn \
      "$bin" export --ward "$ward" --period "$period" --format "$format" -o "$out/report.$format" >"$out/stdout"
    read -r secs kb <"$out/time"
    results+=("$secs $kb")
  done
  rows=$(grep -o '[0-9][0-9.,]* lượt\|[0-9][0-9.,]* records' "$out/stdout" | head -1 || true)
  size=$(du -cb "$out"/report* | tail -1 | cut -f1)
  printf '%s\n' "${results[@]}" | sort -n | awk -v f="$format" -v n="$runs" -v v="$visits" -v rows="$rows" \
    -v size="$size" -v all="$(printf '%s\n' "${results[@]}" | cut -d' ' -f1 | paste -sd,)" '
    { t[NR] = $1; m[NR] = $2 }
    END { mid = int((NR + 1) / 2);
          printf "%s: visits in db %d, median %.2f s (runs: %s), peak RSS %.0f MB, %s, %.0f KB written\n",
                 f, v, t[mid], all, m[mid] / 1024, rows, size / 1024 }'
done
