#!/usr/bin/env bash
# Crash test: the real binary (build/cnscd-bot serve) under webhook load against the fake
# Telegram server, killed with SIGKILL at random moments KILLS times (one in four during
# start-up) and restarted; then every acknowledged update must be recorded once, every outbox
# row delivered, and the duplicate replies from the send-to-record window are counted.
#   bench/crash_test.sh [kills=20] [driver options...]
#     e.g. bench/crash_test.sh 20                    unthrottled load, send limits lifted (stress)
#          bench/crash_test.sh 20 --paced --rate 25  production pacing (Telegram's 30 messages/s)
#          bench/crash_test.sh 20 --seed 42          replay one run
# The test suite runs a 3-kill version (ctest -R crash_test_short).
set -euo pipefail
cd "$(dirname "$0")/.."
kills="${1:-20}"; shift || true
cmake --build "${BUILD_DIR:-build}" -j "${JOBS:-2}" --target crash_driver cnscd-bot >/dev/null
exec "${BUILD_DIR:-build}/tests/crash_driver" --kills "$kills" "$@"
