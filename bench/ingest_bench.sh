#!/usr/bin/env bash
# Open-loop webhook ingestion at fixed offered rates, with a realistic mix of updates
# (bench/load_gen.cpp: visits in Vietnamese with and without diacritics, help sessions, stats
# requests, topic-button presses, ~1% byte-identical redeliveries, some private chats).
#
#   bench/ingest_bench.sh [RATE...]          default: 500 1000 5000 10000 (the last saturates)
#
# Each step starts the real bot afresh the way bench/peer_bench_bot.sh does (file database with
# synchronous=FULL, outgoing limits lifted, fake Bot API), seeds the roster with
# bench/peer_bench_seed.sh plus PRESS_RECORDS fresh unfiled visits that the button presses
# refile, runs the generator for DURATION seconds, waits for the outbox to drain, and prints
# one line: offered and achieved rate, latency from the due time, the bot's CPU seconds during
# the load and its peak RSS, and a check that the new visits in the database equal the unique
# /tham and /buoi updates acknowledged with 200.
#
# The fake Bot API is nginx answering every method with a canned success, as the peer
# benchmark's fake does (../shared/peer-bench/fake-telegram), but on its own ports so the two
# can run side by side, and accepting document uploads up to 64 MB.
# Environment: DURATION=20 CONNECTIONS=40 RUNS=1 PRESS_RECORDS=20000 BOT_PORT=18180
# API_PORT=18181 WORK=/tmp/ingest-bench CNSCD_BOT=build/cnscd-bot LOAD_GEN=build/bench/load_gen
# LOADGEN_ARGS (more load_gen options, e.g. "--mix visit=100,session=0,stats=0,press=0,dup=0").
# DB_FILE=FILE runs every step on that database (e.g. one from bench/gen_visits.sh) instead of a
# fresh one; the roster is added to it, and the presses then name no record ("not found").
# EXPORT_AT=SECONDS: that far into the load, a ward staff member of ward 1 sends EXPORT_TEXT
# (default "/xuat nam") in a private chat, to see what an export costs the webhooks meanwhile.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
bin="${CNSCD_BOT:-$here/../build/cnscd-bot}"
gen="${LOAD_GEN:-$here/../build/bench/load_gen}"
duration="${DURATION:-20}"
connections="${CONNECTIONS:-40}"
runs="${RUNS:-1}"
press="${PRESS_RECORDS:-20000}"
bot_port="${BOT_PORT:-18180}"
api_port="${API_PORT:-18181}"
work="${WORK:-/tmp/ingest-bench}"
rates=("$@")
[ ${#rates[@]} -gt 0 ] || rates=(500 1000 5000 10000)
for tool in nginx sqlite3 python3; do
  command -v "$tool" >/dev/null || { echo "ingest_bench: needs $tool" >&2; exit 2; }
done
[ -x "$bin" ] && [ -x "$gen" ] || { echo "ingest_bench: build with -DCNSCD_BENCH=ON first" >&2; exit 2; }

mkdir -p "$work/nginx"
nginx_pid="" bot_pid=""
stop_bot() {
  [ -n "$bot_pid" ] || return 0
  kill -TERM -- "-$bot_pid" 2>/dev/null || true
  for _ in $(seq 100); do kill -0 "$bot_pid" 2>/dev/null || break; sleep 0.1; done
  kill -KILL -- "-$bot_pid" 2>/dev/null || true
  wait "$bot_pid" 2>/dev/null || true
  bot_pid=""
}
cleanup() {
  stop_bot
  if [ -n "$nginx_pid" ]; then kill -QUIT "$nginx_pid" 2>/dev/null || true; wait "$nginx_pid" 2>/dev/null || true; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM
port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# ------------------------------------------------------------------ fake Bot API
cat >"$work/nginx/nginx.conf" <<EOF
daemon off;
worker_processes 1;
pid nginx.pid;
error_log error.log warn;
events { worker_connections 1024; }
http {
  client_body_temp_path body; proxy_temp_path proxy; fastcgi_temp_path fastcgi;
  uwsgi_temp_path uwsgi; scgi_temp_path scgi;
  log_format bench '\$msec \$uri \$status';
  access_log access.log bench;
  keepalive_requests 1000000;
  client_max_body_size 64m; # documents (/xuat) go up as multipart uploads
  default_type application/json;
  server {
    listen 127.0.0.1:$api_port;
    location ~ ^/bot[^/]+/getMe\$ {
      return 200 '{"ok":true,"result":{"id":7000000001,"is_bot":true,"first_name":"Bench","username":"bench_bot"}}';
    }
    location ~ ^/bot[^/]+/[A-Za-z]+\$ {
      return 200 '{"ok":true,"result":{"message_id":1,"date":1767225600,"chat":{"id":-1001,"type":"supergroup"},"text":"ok"}}';
    }
  }
}
EOF
port_open "$api_port" && { echo "ingest_bench: port $api_port is in use" >&2; exit 1; }
nginx -p "$work/nginx/" -e "$work/nginx/error.log" -c "$work/nginx/nginx.conf" &
nginx_pid=$!
for _ in $(seq 50); do port_open "$api_port" && break; sleep 0.1; done

# ------------------------------------------------------------------ one step
step() { # $1 = offered rate
  local rate="$1" db="${DB_FILE:-$work/step.db}" out="$work/step-$1.out" hz cpu0 cpu1 hwm press="$press"
  [ -n "${DB_FILE:-}" ] && press=0 || rm -f "$db" "$db-wal" "$db-shm"
  CNSCD_BOT="$bin" "$here/peer_bench_seed.sh" "$db" >/dev/null
  # The ward staff member who exports (EXPORT_AT): Telegram user 800000001.
  sqlite3 "$db" >/dev/null <<SQL
INSERT OR IGNORE INTO members (id, ward_id, full_name, role, phone, created_at, updated_at)
VALUES (900000001, 1, 'Cán bộ phường', 'ward_staff', '+84990000001', 0, 0);
INSERT OR IGNORE INTO accounts (channel, user_id, member_id, linked_at, how)
VALUES ('telegram', '800000001', 900000001, 0, 'contact');
SQL
  # Fresh unfiled visits for the presses: record k belongs to member ((k - 1) % 1000) + 1 and was
  # recorded now (local day in Vietnam), so its topic question is still open.
  [ "$press" -gt 0 ] && sqlite3 "$db" >/dev/null <<SQL
PRAGMA journal_mode = WAL;
BEGIN;
WITH RECURSIVE n(k) AS (SELECT 1 UNION ALL SELECT k + 1 FROM n WHERE k < $press)
INSERT INTO visits (id, kind, ward_id, team_id, member_id, day, recorded_at, place, topics, people, note)
SELECT k, 'visit', 1, ((k - 1) % 1000) % 100 + 1, (k - 1) % 1000 + 1, date('now', '+7 hours'),
       CAST(strftime('%s', 'now') AS INTEGER), 'số ' || (k % 97 + 1) || ' ngõ ' || (k % 13 + 1), 'khac', 1, ''
FROM n;
INSERT INTO member_days (ward_id, day, member_id, kind, team_id, records, people)
SELECT ward_id, day, member_id, kind, team_id, count(*), sum(people) FROM visits GROUP BY 1, 2, 3, 4, 5;
INSERT INTO member_months (ward_id, month, member_id, kind, team_id, records, people)
SELECT ward_id, substr(day, 1, 7), member_id, kind, team_id, count(*), sum(people) FROM visits GROUP BY 1, 2, 3, 4, 5;
INSERT INTO topic_days (ward_id, day, team_id, topic, records, people)
SELECT ward_id, day, team_id, topics, count(*), sum(people) FROM visits GROUP BY 1, 2, 3, 4;
INSERT INTO topic_months (ward_id, month, team_id, topic, records, people)
SELECT ward_id, substr(day, 1, 7), team_id, topics, count(*), sum(people) FROM visits GROUP BY 1, 2, 3, 4;
COMMIT;
SQL
  : >"$work/nginx/access.log"
  CNSCD_DB="$db" CNSCD_LISTEN="127.0.0.1:$bot_port" TELEGRAM_API_BASE="http://127.0.0.1:$api_port" \
    TELEGRAM_WEBHOOK_SECRET=benchsecret TELEGRAM_BOT_TOKEN=123456:bench-token TELEGRAM_MODE=webhook \
    CNSCD_CONFIG="$here/peer_bench_config.json" CNSCD_LOG_LEVEL=warn \
    setsid "$bin" serve >"$work/bot-$rate.log" 2>&1 </dev/null &
  bot_pid=$!
  for _ in $(seq 300); do port_open "$bot_port" && break; sleep 0.1; done
  port_open "$bot_port" || { tail "$work/bot-$rate.log" >&2; echo "ingest_bench: bot did not start" >&2; exit 1; }
  # What one durable write costs on this disk right now (the machine is shared): ms per 4 KiB
  # write with O_DSYNC, the average of 50.
  local fsync_ms
  fsync_ms=$( { dd if=/dev/zero of="$work/fsync-probe" bs=4k count=50 oflag=dsync 2>&1 >/dev/null || true; } |
    awk '/copied/ { for (i = 1; i <= NF; ++i) if ($i == "s,") print $(i - 1) * 1000 / 50 }')
  rm -f "$work/fsync-probe"
  hz=$(getconf CLK_TCK)
  local first_new
  first_new=$(sqlite3 -cmd '.timeout 5000' "$db" "SELECT coalesce(max(id), 0) FROM visits")
  local export_pid=""
  if [ -n "${EXPORT_AT:-}" ]; then
    (sleep "$EXPORT_AT"
     curl -s -o /dev/null -w 'export request answered %{http_code} after %{time_total} s\n' \
       -H 'Content-Type: application/json' -H 'X-Telegram-Bot-Api-Secret-Token: benchsecret' \
       --data-binary '{"update_id":'"$(date +%s)"',"message":{"message_id":1,"from":{"id":800000001,"is_bot":false,"first_name":"Staff"},"chat":{"id":800000001,"first_name":"Staff","type":"private"},"date":'"$(date +%s)"',"text":"'"${EXPORT_TEXT:-/xuat nam}"'","entities":[{"offset":0,"length":5,"type":"bot_command"}]}}' \
       "http://127.0.0.1:$bot_port/telegram/webhook") &
    export_pid=$!
  fi
  cpu0=$(awk '{print $14 + $15}' "/proc/$bot_pid/stat")
  /usr/bin/time -f 'LOADGEN_TIME %U %S %M' "$gen" --port "$bot_port" --rate "$rate" --duration "$duration" \
    --connections "$connections" --press-records "$press" --first-update "$(( $(date +%s) * 100000 ))" \
    ${LOADGEN_ARGS:-} >"$out" 2>&1 || true
  [ -z "$export_pid" ] || wait "$export_pid"
  cpu1=$(awk '{print $14 + $15}' "/proc/$bot_pid/stat")
  # Let the replies go out: every interactive outbox row sent (or merged) within 60 s. The
  # scheduler's reminders (lane 1) may wait for the morning: quiet hours.
  for _ in $(seq 600); do
    [ "$(sqlite3 -cmd '.timeout 5000' "$db" "SELECT count(*) FROM outbox WHERE state = 'pending' AND lane = 0")" = 0 ] && break
    sleep 0.1
  done
  hwm=$(awk '/^VmHWM:/ {print $2}' "/proc/$bot_pid/status")
  local visits pending sent_rows api_calls
  visits=$(sqlite3 -cmd '.timeout 5000' "$db" "SELECT count(*) FROM visits WHERE id > $first_new")
  pending=$(sqlite3 -cmd '.timeout 5000' "$db" "SELECT count(*) FROM outbox WHERE state = 'pending' AND lane = 0")
  sent_rows=$(sqlite3 -cmd '.timeout 5000' "$db" "SELECT count(*) FROM outbox WHERE state = 'sent'")
  api_calls=$(wc -l <"$work/nginx/access.log")
  stop_bot
  OUT="$out" CPU="$(( cpu1 - cpu0 ))" HZ="$hz" HWM="$hwm" VISITS="$visits" PENDING="$pending" \
    SENT_ROWS="$sent_rows" API_CALLS="$api_calls" FSYNC_MS="${fsync_ms:-0}" python3 - <<'EOF'
import json, os
e = os.environ
text = open(e["OUT"]).read()
j = json.loads(next(l for l in text.splitlines() if l.startswith("LOADGEN_JSON "))[13:])
t = next((l.split()[1:] for l in text.splitlines() if l.startswith("LOADGEN_TIME ")), ["0", "0", "0"])
k = j["kinds"]
expected = k["visit"]["ok_unique"] + k["session"]["ok_unique"]
visits = int(e["VISITS"])
cpu = int(e["CPU"]) / int(e["HZ"])
print(f'offered {j["offered_per_s"]:.0f}/s  acked {j["achieved_per_s"]:.0f}/s  '
      f'p50 {j["p50_ms"]:.2f}  p99 {j["p99_ms"]:.2f}  p99.9 {j["p999_ms"]:.2f}  max {j["max_ms"]:.1f} ms  '
      f'non200 {j["non200"]}  errors {j["errors"]}  not sent {j["not_sent"]}  '
      f'bot CPU {cpu:.1f} s ({cpu / j["duration_s"]:.2f} cores, {1e6 * cpu / max(j["ok"], 1):.0f} us/update)  '
      f'peak RSS {int(e["HWM"]) / 1024:.1f} MB  generator CPU {float(t[0]) + float(t[1]):.1f} s  '
      f'visits {visits} / expected {expected} {"OK" if visits == expected else "MISMATCH"}  '
      f'outbox sent {e["SENT_ROWS"]}, replies pending {e["PENDING"]}  API calls {e["API_CALLS"]}  '
      f'fsync {float(e["FSYNC_MS"]):.1f} ms')
print("INGEST_JSON " + json.dumps({**j, "bot_cpu_s": cpu, "peak_rss_mb": round(int(e["HWM"]) / 1024, 1),
      "visits": visits, "expected_visits": expected, "visits_ok": visits == expected,
      "outbox_pending": int(e["PENDING"]), "api_calls": int(e["API_CALLS"]),
      "fsync_ms": float(e["FSYNC_MS"])}))
EOF
}

for rate in "${rates[@]}"; do
  for run in $(seq "$runs"); do
    echo "# rate $rate/s, run $run of $runs ($(date -u +%H:%M:%S) UTC)"
    step "$rate"
  done
done
