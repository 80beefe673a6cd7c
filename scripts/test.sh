#!/usr/bin/env bash
# Runs every test: Core, Data (SQLite and PostgreSQL), Web (in-process host and a real Chromium).
# On a fresh Debian machine it first installs and starts what the tests need: PostgreSQL and Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."

as_root() { if [[ $(id -u) -eq 0 ]]; then "$@"; else sudo "$@"; fi; }

missing=()
# Look for the programs, not the package records: a removed package can leave its record behind.
compgen -G "/usr/lib/postgresql/*/bin/postgres" >/dev/null || missing+=(postgresql)
[[ -x /usr/bin/chromium ]] || missing+=(chromium)
if ((${#missing[@]})); then
  echo "Installing ${missing[*]} (Debian packages)..."
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi

if [[ -z ${WORKBRIDGE_TEST_POSTGRES:-} ]]; then
  # The Debian cluster on 127.0.0.1:5432, user postgres with a known password: a throwaway test server.
  read -r version cluster < <(pg_lsclusters --no-header | awk 'NR==1 {print $1, $2}') || true
  if [[ -z ${version:-} ]]; then
    version=$(ls /usr/lib/postgresql | sort -n | tail -1)
    cluster=main
    as_root pg_createcluster "$version" "$cluster" >/dev/null
  fi
  as_root pg_ctlcluster "$version" "$cluster" start 2>/dev/null || true
  for _ in $(seq 30); do
    pg_isready -q -h 127.0.0.1 -p 5432 && break
    sleep 1
  done
  as_root su postgres -c "psql -q -c \"ALTER USER postgres PASSWORD 'postgres'\"" >/dev/null
  export WORKBRIDGE_TEST_POSTGRES="Host=127.0.0.1;Port=5432;Username=postgres;Password=postgres"
fi

log=$(mktemp)
status=0
dotnet test Workbridge.slnx "$@" 2>&1 | tee "$log" || status=$?
# One closing line for the whole run, summed over the test assemblies.
grep -E '^(Passed|Failed)!' "$log" | awk -F'[:,]' '{ failed += $2; passed += $4; skipped += $6 } END { printf "%d passed, %d failed, %d skipped\n", passed, failed, skipped }'
rm -f "$log"
exit "$status"
