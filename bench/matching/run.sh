#!/usr/bin/env bash
# Matching against the LEMON anchor: writes placement instances with `workbridge match bench --out`, then solves
# each file with `workbridge match solve` and with LEMON's NetworkSimplex (../shared/bench/lemon/run) in the same
# run, and prints whether the objectives are equal and the ratio of whole-process wall times (reading included).
#   bench/matching/run.sh                    # 10k × 1k × 20 and 100k × 10k × 50
#   bench/matching/run.sh 100000:10000:50    # PEOPLE:ORDERS:DEGREE, any number of them
# Environment: SEED (1), LEMON_ALGO (ns; cs for CostScaling), OUT (bench/out).
# Then the national scale in-process: workbridge match bench --people 1000000 --orders 100000 --degree 60
set -euo pipefail
cd "$(dirname "$0")/../.."
seed=${SEED:-1}
algo=${LEMON_ALGO:-ns}
out=${OUT:-bench/out}
lemon=../shared/bench/lemon/run
mkdir -p "$out"
[[ -x $lemon ]] || { echo "LEMON anchor not found at $lemon (the repository sits beside shared/)" >&2; exit 1; }
dotnet build src/Workbridge.Cli -c Release -v q -nologo >/dev/null
workbridge=src/Workbridge.Cli/bin/Release/net10.0/workbridge
sizes=("$@")
[[ ${#sizes[@]} -gt 0 ]] || sizes=(10000:1000:20 100000:10000:50)

wall() { # wall seconds of a command, its output kept in $log
  local start end
  start=$(date +%s.%N)
  "$@" >"$log" 2>&1 || { cat "$log" >&2; return 1; }
  end=$(date +%s.%N)
  echo "$end - $start" | bc -l
}

printf '%-22s %-14s %-14s %-6s %-9s %-9s %-6s\n' instance workbridge lemon-$algo equal wb_s lemon_s ratio
for size in "${sizes[@]}"; do
  IFS=: read -r people orders degree <<<"$size"
  file=$out/match-$people-$orders-$degree-$seed.min
  [[ -s $file ]] || "$workbridge" match bench --people "$people" --orders "$orders" --degree "$degree" --seed "$seed" --out "$file" --no-solve >/dev/null
  log=$(mktemp)
  lemon_s=$(wall "$lemon" "$file" "$algo")
  lemon_objective=$(sed -n 's/.*objective=\([-0-9]*\).*/\1/p' "$log")
  wb_s=$(wall "$workbridge" match solve "$file")
  wb_objective=$(sed -n 's/^objective=\([-0-9]*\)$/\1/p' "$log")
  rm -f "$log"
  equal=$([[ -n $wb_objective && $wb_objective == "$lemon_objective" ]] && echo yes || echo NO)
  printf '%-22s %-14s %-14s %-6s %-9.2f %-9.2f %-6.2f\n' "${people}x${orders}x${degree}" "$wb_objective" "$lemon_objective" "$equal" "$wb_s" "$lemon_s" "$(echo "$wb_s / $lemon_s" | bc -l)"
  [[ $equal == yes ]] || exit 3
done
