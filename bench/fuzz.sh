#!/usr/bin/env bash
# Builds the libFuzzer harnesses (tests/fuzz) with clang into build-fuzz/ and runs each in turn,
# sharing SECONDS between them, starting from the corpus in tests/fuzz/corpus/<harness>/.
# New inputs go to build-fuzz/corpus/ (copy the interesting ones into the repo corpus by hand);
# a crash stops the run with the failing input saved as build-fuzz/crashes/<harness>-crash-*.
#   bench/fuzz.sh [seconds=60] [harness...]
# Replay one input: build-fuzz/fuzz/<harness> FILE
set -euo pipefail
cd "$(dirname "$0")/.."
total="${1:-60}"; shift || true
harnesses=("$@")
[ ${#harnesses[@]} -gt 0 ] || harnesses=(fuzz_telegram_update fuzz_zalo_payloads fuzz_command_parser fuzz_roster_csv)
build=build-fuzz
CC="${CC:-clang-14}" CXX="${CXX:-clang++-14}" cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DCNSCD_FUZZ=ON -DCNSCD_TESTS=OFF -DCNSCD_WERROR=ON >/dev/null
cmake --build "$build" -j "${JOBS:-2}" --target "${harnesses[@]}"
per=$(( total / ${#harnesses[@]} )); [ "$per" -ge 1 ] || per=1
mkdir -p "$build/crashes"
export ASAN_OPTIONS=abort_on_error=1:detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
for h in "${harnesses[@]}"; do
  work="$build/corpus/$h"; mkdir -p "$work"
  echo "fuzz: $h for ${per}s"
  if ! "$build/fuzz/$h" "$work" "tests/fuzz/corpus/$h" -max_total_time="$per" -max_len=8192 -timeout=10 \
      -rss_limit_mb=2048 -print_final_stats=1 -artifact_prefix="$build/crashes/$h-" >"$build/$h.log" 2>&1; then
    tail -n 60 "$build/$h.log"
    echo "fuzz: $h FAILED; input saved under $build/crashes/ (log: $build/$h.log)" >&2
    exit 1
  fi
  grep -E '^stat::(number_of_executed_units|new_units_added)|^#[0-9]+ *DONE' "$build/$h.log" | tr '\n' ' '; echo
done
echo "fuzz: no crash in ${total}s"
