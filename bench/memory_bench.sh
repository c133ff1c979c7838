#!/usr/bin/env bash
# Memory of `cnscd-bot serve` at rest with a large roster registered: 4,000 teams (100 wards) and
# 30,000 members, plus N visits (default 100,000), a Telegram token and the fake Bot API of the
# peer benchmark not needed (no traffic). Prints VmRSS after start and after the first scheduler
# ticks (reminder planning over every team), and VmHWM. Then the peak under the shared peer
# benchmark's webhook load (15 s) on the same roster.
#   bench/memory_bench.sh [N]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
bin="${CNSCD_BOT:-$here/../build/cnscd-bot}"
n="${1:-100000}"
work="$(mktemp -d)"
trap 'kill "$pid" 2>/dev/null || true; rm -rf "$work"' EXIT
"$here/gen_visits.sh" "$work/bot.db" "$n" >/dev/null
port=$((20000 + RANDOM % 20000))
CNSCD_DB="$work/bot.db" CNSCD_LISTEN="127.0.0.1:$port" CNSCD_LOG_LEVEL=warn TELEGRAM_BOT_TOKEN=123:bench \
  TELEGRAM_API_BASE="http://127.0.0.1:9" TELEGRAM_BOT_USERNAME=bench_bot TELEGRAM_WEBHOOK_SECRET=bench \
  "$bin" serve >"$work/log" 2>&1 &
pid=$!
for _ in $(seq 1 100); do curl -sf "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 0.1; done
sleep 2
rest=$(awk '/^VmRSS:/ {print $2}' /proc/$pid/status)
sleep 35 # the scheduler's first ticks plan reminders for every team
ticked=$(awk '/^VmRSS:/ {print $2}' /proc/$pid/status)
hwm=$(awk '/^VmHWM:/ {print $2}' /proc/$pid/status)
kill "$pid"; wait "$pid" 2>/dev/null || true
# Under load: the shared peer benchmark's webhook load (wrk, fake Bot API) on a copy of the same
# roster, its users linked to ward 1's members so every /tham is a visit.
load=$(cd "$here/.." && BENCH_BASE_DB="$work/bot.db" BENCH_VISITS_TABLE="(SELECT id FROM visits WHERE id > $n)" \
  ../shared/peer-bench/run.sh cpp-roster -d 15 -- bench/peer_bench_bot.sh 2>/dev/null | tail -n 1)
load_rss=$(echo "$load" | python3 -c 'import json,sys; print(json.load(sys.stdin)["rss_mb"])')
load_rate=$(echo "$load" | python3 -c 'import json,sys; print(json.load(sys.stdin)["processed_per_s"])')
echo "{\"teams\": 4000, \"members\": 30000, \"visits\": $n, \"rss_at_rest_mb\": $((rest / 1024)), \"rss_after_ticks_mb\": $((ticked / 1024)), \"peak_mb\": $((hwm / 1024)), \"peak_under_load_mb\": $load_rss, \"visits_per_s_under_load\": $load_rate}"
