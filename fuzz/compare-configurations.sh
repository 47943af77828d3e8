#!/usr/bin/env bash
# Debug vs Release: builds the core pipeline (tests/NatDsl.Tests/Determinism/CorePipeline.cs, run
# by fuzz/NatDsl.Fuzz in "pipeline" mode: compile the seed and other specs, render save, -S and
# listings, parse every vector, diff, explain, trace) and the natdsl CLI in both configurations,
# runs them on the seed and the vectors, and compares the outputs byte for byte.
#
#   fuzz/compare-configurations.sh        exit 0 when every output is identical
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/.." && pwd)
out="$here/out/configurations"
data="$repo/tests/NatDsl.Tests/TestData"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
rm -rf "$out"; mkdir -p "$out"

status=0
for config in Debug Release; do
  dotnet build "$here/NatDsl.Fuzz/NatDsl.Fuzz.csproj" -c "$config" -o "$out/pipeline-$config" -nologo -v quiet >/dev/null
  dotnet build "$repo/src/Cli/natdsl.csproj" -c "$config" -o "$out/cli-$config" -nologo -v quiet >/dev/null
  dotnet "$out/pipeline-$config/NatDsl.Fuzz.dll" pipeline "$data" > "$out/pipeline-$config.txt"
  # The CLI: its help, and every subcommand's help (the commands present in this build).
  cli="$out/cli-$config/natdsl.dll"
  { dotnet "$cli" --help || true; } > "$out/cli-$config.txt" 2>&1
  for command in $(dotnet "$cli" --help 2>/dev/null | sed -n '/^Commands:/,$p' | sed -n 's/^  \([a-z][a-z-]*\).*/\1/p'); do
    { echo "== $command"; dotnet "$cli" "$command" --help || true; } >> "$out/cli-$config.txt" 2>&1
  done
done
for what in pipeline cli; do
  if cmp -s "$out/$what-Debug.txt" "$out/$what-Release.txt"; then
    echo "$what: Debug and Release outputs identical ($(wc -c < "$out/$what-Debug.txt") bytes)"
  else
    echo "$what: Debug and Release outputs DIFFER:"
    diff "$out/$what-Debug.txt" "$out/$what-Release.txt" | head -n 40
    status=1
  fi
done
exit $status
