#!/usr/bin/env bash
# Starts cnscd-bot the way the shared peer benchmark expects (../shared/peer-bench):
# maps BENCH_DB / BENCH_API / BENCH_PORT / BENCH_SECRET onto the bot's settings, lifts the
# outgoing rate limits (for this run only: the fake API enforces none), seeds the 100 groups
# and 1,000 members the load uses, and stays in the foreground as the measured process.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
bin="${CNSCD_BOT:-$here/../build/cnscd-bot}"
export CNSCD_DB="${BENCH_DB:?}" CNSCD_LISTEN="127.0.0.1:${BENCH_PORT:-18080}"
export TELEGRAM_API_BASE="${BENCH_API:?}" TELEGRAM_WEBHOOK_SECRET="${BENCH_SECRET:?}"
export TELEGRAM_BOT_TOKEN="${BENCH_TOKEN:-123456:bench-token}" TELEGRAM_MODE=webhook
export CNSCD_CONFIG="$here/peer_bench_config.json" CNSCD_LOG_LEVEL="${CNSCD_LOG_LEVEL:-warn}"
if [ -x "$here/peer_bench_seed.sh" ] && [ -z "${BENCH_NO_SEED:-}" ]; then
  "$here/peer_bench_seed.sh" "$CNSCD_DB" >/dev/null
fi
exec "$bin" serve
