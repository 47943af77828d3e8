#!/usr/bin/env bash
# Coverage-guided fuzzing of one NatDsl parser with afl-fuzz (AFL++) and SharpFuzz.
#
#   fuzz/run.sh TARGET SECONDS      TARGET: save | listing | rules
#
# Installs what it needs (Debian's afl++ package, the SharpFuzz.CommandLine dotnet tool into
# fuzz/.tools), publishes fuzz/NatDsl.Fuzz in Release, instruments NatDsl.dll with SharpFuzz,
# seeds afl-fuzz with the project's own dumps (tests/NatDsl.Tests/TestData) and fuzzes for
# SECONDS. Findings go to fuzz/out/findings-TARGET; at the end the script prints the number of
# executions, crashes and hangs and replays every crash to show its exception. A crash is an
# input on which the parser throws anything but a located DumpParseException.
set -euo pipefail

target=${1:-}
seconds=${2:-}
case "$target" in save|listing|rules) ;; *) echo "usage: fuzz/run.sh save|listing|rules SECONDS" >&2; exit 2 ;; esac
[[ "$seconds" =~ ^[0-9]+$ ]] || { echo "usage: fuzz/run.sh $target SECONDS" >&2; exit 2; }

here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/.." && pwd)
out="$here/out"
tools="$here/.tools"
sharpfuzz_version=2.3.0
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

# 1. Tools.
if ! command -v afl-fuzz >/dev/null 2>&1; then
  echo "fuzz: installing afl++"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq afl++ >/dev/null
fi
if [ ! -x "$tools/sharpfuzz" ]; then
  echo "fuzz: installing SharpFuzz.CommandLine $sharpfuzz_version"
  dotnet tool install SharpFuzz.CommandLine --version "$sharpfuzz_version" --tool-path "$tools" >/dev/null
fi

# 2. Build and instrument (only NatDsl.dll, the code under test, is instrumented).
bin="$out/bin"
rm -rf "$bin"
dotnet publish "$here/NatDsl.Fuzz/NatDsl.Fuzz.csproj" -c Release -o "$bin" -nologo -v quiet >/dev/null
# An uninstrumented copy replays crashes: instrumented code writes to afl-fuzz's shared memory,
# which exists only under afl-fuzz (outside it the instrumented DLL fails with an access violation).
rm -rf "$out/bin-plain"; cp -r "$bin" "$out/bin-plain"
"$tools/sharpfuzz" "$bin/NatDsl.dll"

# 3. Seeds: the dumps this target reads, from the test data.
data="$repo/tests/NatDsl.Tests/TestData"
seeds="$out/seeds-$target"
rm -rf "$seeds"; mkdir -p "$seeds"
case "$target" in
  save) cp "$data"/vectors/*.rules "$seeds"/; for f in "$data"/vectors/out/*.save-c-*; do cp "$f" "$seeds"/; done ;;
  listing) cp "$data"/golden/seed.listing.txt "$seeds"/; for f in "$data"/vectors/out/*.L-*; do cp "$f" "$seeds"/; done ;;
  rules) for f in "$data"/vectors/out/*.S-nat.txt; do cp "$f" "$seeds"/; done ;;
esac
# Earlier crashes kept as regression files are seeds too.
if [ -d "$data/fuzz-regressions" ]; then
  for f in "$data"/fuzz-regressions/"$target"-*; do [ -e "$f" ] && cp "$f" "$seeds"/; done
fi

# 4. Fuzz. The .NET runtime is not AFL-instrumented (SharpFuzz instruments the IL), hence
# AFL_SKIP_BIN_CHECK; the machine is shared, hence no CPU binding and no core_pattern check.
findings="$out/findings-$target"
rm -rf "$findings"
export AFL_SKIP_BIN_CHECK=1 AFL_NO_UI=1 AFL_NO_AFFINITY=1 AFL_SKIP_CPUFREQ=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1
set +e
afl-fuzz -i "$seeds" -o "$findings" -t 5000 -m none -V "$seconds" -x "$here/iptables.dict" \
  -- dotnet "$bin/NatDsl.Fuzz.dll" "$target" > "$out/afl-$target.log" 2>&1
rc=$?
set -e
stats="$findings/default/fuzzer_stats"
if [ ! -f "$stats" ]; then
  echo "fuzz: afl-fuzz did not start (exit $rc); its log:" >&2
  tail -n 40 "$out/afl-$target.log" >&2
  exit 1
fi

# 5. Report.
get() { sed -n "s/^$1 *: *//p" "$stats"; }
crashes=$(find "$findings/default/crashes" -type f -name 'id:*' 2>/dev/null | wc -l)
hangs=$(find "$findings/default/hangs" -type f -name 'id:*' 2>/dev/null | wc -l)
echo "fuzz $target: $(get execs_done) executions in $(get run_time) s ($(get execs_per_sec) exec/s), corpus $(get corpus_count), edges $(get edges_found)/$(get total_edges), crashes $crashes, hangs $hangs"
status=0
if [ "$crashes" -gt 0 ]; then
  echo "fuzz: crashing inputs in $findings/default/crashes; replay:"
  dotnet "$out/bin-plain/NatDsl.Fuzz.dll" "$target" --replay "$findings/default/crashes" || true
  status=1
fi
if [ "$hangs" -gt 0 ]; then
  echo "fuzz: inputs that took over 5 s in $findings/default/hangs"
  status=1
fi
exit $status
