#!/usr/bin/env bash
# Throughput of `workbridge verdicts analyse` on one core: generates a corpus (default 500 MB of JSON lines), builds
# the CLI in Release and runs it pinned to CPU 0. The CLI prints MB/s (input bytes over the whole run: reading,
# analysis and writing the findings) and MB per CPU-second, which is what counts on a shared machine. The CLI's own
# runtime settings (Workbridge.Cli.csproj: no dynamic PGO, no tiering delay, loops optimised at once) apply; nothing
# is set here that a user's run would not have. Usage: bench/verdicts/run.sh [MEGABYTES]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$here/../.."
megabytes="${1:-500}"
corpus="${TMPDIR:-/tmp}/workbridge-verdicts-$megabytes.jsonl"
[ -f "$corpus" ] || python3 "$here/generate.py" --megabytes "$megabytes" --out "$corpus"
dotnet build "$root/src/Workbridge.Cli" -c Release -v quiet -nologo >/dev/null
cli="$root/src/Workbridge.Cli/bin/Release/net10.0/workbridge.dll"
taskset -c 0 dotnet "$cli" verdicts analyse --input "$corpus" --output "${TMPDIR:-/tmp}/workbridge-verdicts-findings.jsonl" --report "${TMPDIR:-/tmp}/workbridge-verdicts-report"
