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
  # Not with -o: the CLI and the generator it references take the runtime in different target
  # frameworks (net10.0, netstandard2.0), and one output folder would keep only one of them.
  dotnet build "$repo/src/Cli/natdsl.csproj" -c "$config" -nologo -v quiet >/dev/null
  dotnet "$out/pipeline-$config/NatDsl.Fuzz.dll" pipeline "$data" > "$out/pipeline-$config.txt"
  # The CLI: its help, every subcommand's help, and real commands on the seed and the example.
  cli="$repo/src/Cli/bin/$config/net10.0/NatDsl.Cli.dll"
  [ -f "$cli" ] || { echo "no $cli after the $config build" >&2; exit 2; }
  seed="$repo/examples/SeedCluster/golden/seed.listing.txt"
  cli_run() { dotnet "$cli" "$@" || echo "(exit $?)"; }
  {
    cli_run --help
    for command in $(dotnet "$cli" --help | sed -n '/^Commands:/,$p' | sed -n 's/^  \([a-z][a-z-]*\).*/\1/p'); do
      echo "== $command --help"; cli_run "$command" --help
    done
    echo "== convert --to save"; cli_run convert "$seed" --to save
    echo "== explain"; cli_run explain "$seed"
    echo "== explain --json"; cli_run explain "$seed" --json
    # One folder for both: generate prints the paths it wrote.
    rm -rf "$out/generated"
    echo "== generate"; cli_run generate "$repo/examples/SeedCluster/SeedRules.cs" -o "$out/generated"
    cat "$out/generated/SeedRules.rules"
    echo "== import"; cli_run import "$seed"
  } > "$out/cli-$config.txt" 2>&1
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
