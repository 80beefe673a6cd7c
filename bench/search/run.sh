#!/usr/bin/env bash
# People search under load on loopback: seeds a database of N people (default 500,000) once, serves it with
# `workbridge serve`, and drives the search API with wrk. Prints wrk's latency distribution.
#   bench/search/run.sh                       # SQLite file in bench/out/
#   bench/search/run.sh "Host=127.0.0.1;Database=wb500k;Username=postgres;Password=postgres"
# Environment: PEOPLE (500000), DURATION (30s), CONNECTIONS (16), PORT (5099).
set -euo pipefail
cd "$(dirname "$0")/../.."
people=${PEOPLE:-500000}
duration=${DURATION:-30s}
connections=${CONNECTIONS:-16}
port=${PORT:-5099}
mkdir -p bench/out
connection=${1:-"Data Source=$PWD/bench/out/search-$people.db"}

command -v wrk >/dev/null || { echo "wrk is needed: apt-get install wrk" >&2; exit 1; }
dotnet build src/Workbridge.Cli -c Release -v q -nologo >/dev/null
workbridge() { dotnet src/Workbridge.Cli/bin/Release/net10.0/workbridge.dll --connection "$connection" "$@"; }

count=$(workbridge status | sed -n 's/^people=\([0-9]*\).*/\1/p')
if [[ $count -lt $people ]]; then
  echo "Seeding $((people - count)) people..."
  workbridge seed --people $((people - count)) --facilities $((people / 700 + 1)) --seed 1
fi

# The API needs an account: a central-staff account for the benchmark, and a fresh one-day token for this run.
workbridge users add bench-search --role central-staff >/dev/null 2>&1 || true
token=$(workbridge users token bench-search --days 1 --label "bench/search" | tail -1)

dotnet src/Workbridge.Cli/bin/Release/net10.0/workbridge.dll --connection "$connection" serve --urls "http://127.0.0.1:$port" >bench/out/search-serve.log 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
for _ in $(seq 60); do curl -sf "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 1; done

echo "Warming up..."
wrk -t2 -c4 -d5s -H "Authorization: Bearer $token" -s bench/search/queries.lua "http://127.0.0.1:$port" >/dev/null
echo "Database: $connection, $people people; $connections connections for $duration"
result=$(wrk -t2 -c"$connections" -d"$duration" --latency -H "Authorization: Bearer $token" -s bench/search/queries.lua "http://127.0.0.1:$port")
echo "$result"
if grep -q "Non-2xx" <<<"$result" || grep -q "fail:" bench/out/search-serve.log; then
  echo "The server logged errors: see bench/out/search-serve.log" >&2
  exit 1
fi
