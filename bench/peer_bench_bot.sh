#!/usr/bin/env bash
# Starts cnscd-bot the way the shared peer benchmark expects (../shared/peer-bench):
# maps BENCH_DB / BENCH_API / BENCH_PORT / BENCH_SECRET onto the bot's settings, lifts the
# outgoing rate limits (for this run only: the fake API enforces none), seeds the 100 groups
# and 1,000 members the load uses, and stays in the foreground as the measured process.
# BENCH_CONFIG=FILE: another settings file for an experiment (the default lifts the limits).
# BENCH_NO_SEED=1: senders stay unregistered. BENCH_BASE_DB=FILE: start from a copy of FILE
# (a gen_visits.sh roster) with the load's chats and users mapped onto its ward 1.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
bin="${CNSCD_BOT:-$here/../build/cnscd-bot}"
export CNSCD_DB="${BENCH_DB:?}" CNSCD_LISTEN="127.0.0.1:${BENCH_PORT:-18080}"
export TELEGRAM_API_BASE="${BENCH_API:?}" TELEGRAM_WEBHOOK_SECRET="${BENCH_SECRET:?}"
export TELEGRAM_BOT_TOKEN="${BENCH_TOKEN:-123456:bench-token}" TELEGRAM_MODE=webhook
export CNSCD_CONFIG="${BENCH_CONFIG:-$here/peer_bench_config.json}" CNSCD_LOG_LEVEL="${CNSCD_LOG_LEVEL:-warn}"
if [ -n "${BENCH_BASE_DB:-}" ]; then
  # A large roster made by gen_visits.sh (bench/memory_bench.sh): the load's 100 chats become
  # groups of ward 1's 40 teams and its 1,000 users are linked to that ward's members.
  cp "$BENCH_BASE_DB" "$CNSCD_DB"
  sqlite3 "$CNSCD_DB" <<'SQL' >/dev/null
PRAGMA journal_mode = WAL;
BEGIN;
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 100)
INSERT OR IGNORE INTO group_bindings (channel, chat_id, ward_id, team_id, title, bound_at)
SELECT 'telegram', CAST(-1001000000000 - i AS TEXT), 1, (i - 1) % 40 + 1, 'Tổ dân phố số ' || i, 0 FROM n;
WITH RECURSIVE n(j) AS (SELECT 0 UNION ALL SELECT j + 1 FROM n WHERE j < 999)
INSERT OR IGNORE INTO accounts (channel, user_id, member_id, linked_at, how)
SELECT 'telegram', CAST(700000001 + j AS TEXT), (j % 40) + 4000 * ((j / 40) % 7) + 1, 0, 'contact' FROM n;
COMMIT;
SQL
elif [ -x "$here/peer_bench_seed.sh" ] && [ -z "${BENCH_NO_SEED:-}" ]; then
  "$here/peer_bench_seed.sh" "$CNSCD_DB" >/dev/null
fi
exec "$bin" serve
