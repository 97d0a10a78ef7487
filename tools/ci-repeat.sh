#!/usr/bin/env bash
# Runs the whole test command N times, each on a fresh clone of the current commit with no broker
# data, as CI does, and prints each run's result and time: a race that passes once is not fixed.
#
#   bash tools/ci-repeat.sh 3            # three runs of HEAD
#   CMP_CI_REPEAT_KEEP=true bash ...     # keep each run's clone and log (default: only failed ones)
set -uo pipefail
root="$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")/.." && pwd)"
runs="${1:-3}"
[[ "$runs" =~ ^[1-9][0-9]*$ ]] || { echo "usage: bash tools/ci-repeat.sh <runs>" >&2; exit 2; }
commit="$(git -C "$root" rev-parse HEAD)"
work="$(mktemp -d "${TMPDIR:-/tmp}/cmp-ci-repeat.XXXXXX")"
passed=0
failed=0
for run in $(seq 1 "$runs"); do
  clone="$work/run-$run"
  git clone -q "$root" "$clone" && git -C "$clone" checkout -q "$commit"
  started=$SECONDS
  if (cd "$clone" && bash .ci/run >"$work/run-$run.log" 2>&1); then
    result=passed
    passed=$((passed + 1))
  else
    result=failed
    failed=$((failed + 1))
  fi
  summary="$(grep -E '^tests: [0-9]+ passed, [0-9]+ failed' "$work/run-$run.log" | tail -n 1)"
  echo "run $run of $runs: $result in $((SECONDS - started)) s (${summary:-no test summary}; log $work/run-$run.log)"
  if [[ "$result" == passed && "${CMP_CI_REPEAT_KEEP:-false}" != true ]]; then rm -rf "$clone"; fi
done
echo "ci-repeat: $passed passed, $failed failed"
[[ $failed -eq 0 ]]
