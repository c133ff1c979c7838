#!/usr/bin/env bash
# Runs the unit, integration and CLI tests at faked moments (libfaketime), so a test that passes
# or fails depending on when CI runs shows up here first. Not part of CI: it takes minutes per
# moment. The faked clock starts at the moment and runs on (timers fire); the bots the
# integration tests start inherit it (tests/support/bot_process.cpp passes it on).
#   tests/run_at_times.sh                          every moment below, TZ=UTC
#   tests/run_at_times.sh "2027-01-01 01:00:00"    only these moments (UTC)
#   ZONE=Asia/Ho_Chi_Minh tests/run_at_times.sh    the processes' TZ (the moments stay UTC)
#   CTEST_ARGS="-R report" tests/run_at_times.sh   a part of the suite
# Uses $BUILD_DIR (build/) as built by .ci/build; e2e (telegram-test-api) is left out.
# Two settings keep libfaketime 0.9.10's own faults out of the results (both were seen as six
# polling and token-refresh tests failing at every moment ahead of the real clock):
# - tests/faketime/timerfd_shim.c (built here, preloaded before libfaketime): libfaketime moves
#   an absolute timerfd deadline by the faked clock's lead, so Boost.Asio's "due now" deadline
#   turns negative and the timer never fires (a poll due again at once, a refresh due at start);
# - FAKETIME_DONT_FAKE_MONOTONIC=1: libfaketime does not translate pthread_cond_clockwait, so with
#   a faked steady clock a condition_variable::wait_for never times out (a failing wait hangs).
#   The steady clock has no date, so leaving it real hides nothing this script looks for.
set -euo pipefail
cd "$(dirname "$0")/.."
build_dir="${BUILD_DIR:-build}"
zone="${ZONE:-UTC}"

# libfaketime, idempotently (apt-get; sudo only when not root).
if ! dpkg-query -W -f='${Status}' faketime 2>/dev/null | grep -q "install ok installed"; then
  echo "run_at_times: installing faketime"
  as_root=()
  [ "$(id -u)" -eq 0 ] || as_root=(sudo)
  "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends faketime
fi
[ -x "$build_dir/tests/integration_tests" ] ||
  { echo "run_at_times: $build_dir is not built; run .ci/build first" >&2; exit 2; }
shim="$build_dir/faketime_timerfd_shim.so"
if [ ! -e "$shim" ] || [ tests/faketime/timerfd_shim.c -nt "$shim" ]; then
  cc -shared -fPIC -O2 -Wall -Wextra -Werror -o "$shim" tests/faketime/timerfd_shim.c -ldl
fi
shim="$(realpath "$shim")" # the bots run in other directories

# UTC moments; Vietnam is UTC+7. Built-in calendar (handlers/reporting_calendar.cpp): monthly due
# the 24th 17:00, locks 5 days later; quarterly the 19th of the quarter's last month, +7 days;
# yearly 29/11, +10 days. Reminders keep quiet 22:00-06:00 local.
moments=(
  "2026-12-03 14:59:00" # 21:59 local, just before quiet hours (yearly report overdue)
  "2026-12-03 15:01:00" # 22:01 local, quiet hours
  "2026-12-03 22:59:00" # 05:59 local on 4/12, quiet hours' last minute
  "2026-12-03 23:01:00" # 06:01 local, reminders may go again
  "2026-12-09 10:05:00" # 17:05 local: the yearly report locked five minutes ago
  "2026-12-19 09:30:00" # 16:30 local: the quarterly report is due at 17:00
  "2026-12-31 16:30:00" # 23:30 local on 31/12, a month's, quarter's and year's last evening
  "2027-01-01 01:00:00" # 08:00 local on 1/1, first of a month, quarter and year
  "2027-01-24 09:55:00" # 16:55 local: the monthly report is due at 17:00
  "2027-01-29 10:05:00" # 17:05 local: January's monthly period locked five minutes ago
  "2027-02-08 03:00:00" # 10:00 local, no deadline near
  "2028-02-28 16:30:00" # 23:30 local on 28/2 of a leap year
  "2028-02-29 03:00:00" # 10:00 local on 29/2
)
[ $# -gt 0 ] && moments=("$@")

exclude='^e2e_'

failed=()
for moment in "${moments[@]}"; do
  # libfaketime reads the start in the process's zone.
  start="$(TZ="$zone" date -d "$moment UTC" '+%Y-%m-%d %H:%M:%S')"
  # "@" starts the clock there and lets it run; DONT_RESET keeps every child process on the
  # same clock instead of restarting it; -m is the library for threaded programs; the shim and
  # the real steady clock: see the top of this file.
  at=(env TZ="$zone" FAKETIME_DONT_RESET=1 FAKETIME_DONT_FAKE_MONOTONIC=1
    LD_PRELOAD="$shim${LD_PRELOAD:+:$LD_PRELOAD}" faketime -m -f "@$start")
  echo "run_at_times: $moment UTC (TZ=$zone; the processes see $("${at[@]}" date -u '+%Y-%m-%d %H:%M') UTC)"
  # shellcheck disable=SC2086 # CTEST_ARGS is a list of options
  ok=1
  "${at[@]}" ctest --test-dir "$build_dir" -E "$exclude" -j "${JOBS:-2}" --output-on-failure \
    ${CTEST_ARGS:-} >"$build_dir/run_at_times.log" 2>&1 || ok=0
  # How many ran: a moment counts only with the whole suite behind it.
  grep -E 'tests passed, [0-9]+ tests failed out of' "$build_dir/run_at_times.log" | sed 's/^/  /' || true
  if [ "$ok" -eq 0 ]; then
    failed+=("$moment")
    cp "$build_dir/run_at_times.log" "$build_dir/run_at_times-${moment// /T}.log"
    grep -E '^\s+[0-9]+ - ' "$build_dir/run_at_times.log" | sed 's/^/  failed: /' || true
  fi
done

if [ ${#failed[@]} -gt 0 ]; then
  echo "run_at_times: failures at ${failed[*]} (logs: $build_dir/run_at_times-*.log)"
  exit 1
fi
echo "run_at_times: all passed at ${#moments[@]} moment(s)"
