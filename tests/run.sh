#!/usr/bin/env bash
# The one test command (README.md): on a fresh machine it installs what is missing (Chromium and
# redis-server from Debian, local dotnet tools, npm packages), builds everything, then runs every
# test: SPA lint, type check and Vitest; Api integration tests, once on Garnet, once on Redis and
# once on a Redis Cluster; the AppHost stack tests; Playwright in Chromium; a smoke run of the
# performance bench; and the short form of the soak (three replicas under faults).
# It ends with the totals, as "N passed, N failed".
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
results="$root/tests/TestResults"
rm -rf "$results" && mkdir -p "$results"
step() { printf '\n== %s\n' "$*"; }
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

step "Prerequisites"
apt_updated=""
apt_install() {
  [ -n "$apt_updated" ] || { as_root apt-get update -qq; apt_updated=1; }
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq "$@" >/dev/null
}
if [ -z "${CHROMIUM_PATH:-}" ] && [ ! -x /usr/bin/chromium ]; then
  echo "Installing Chromium from Debian's packages (Playwright's own browser download is not used)"
  apt_install chromium
fi
"${CHROMIUM_PATH:-/usr/bin/chromium}" --version
# The Api tests run a second time on real Redis and a third on a Redis Cluster; the tests start
# redis-server themselves (one per test server, or six joined by redis-cli, which the same package
# brings), on free ports, so the package's own service is neither needed nor started.
if [ -z "${REDIS_SERVER_PATH:-}" ] && ! command -v redis-server >/dev/null; then
  echo "Installing redis-server from Debian's packages"
  apt_install redis-server
fi
"${REDIS_SERVER_PATH:-redis-server}" --version
# The performance bench loads the Api from a separate process with wrk.
if ! command -v wrk >/dev/null; then
  echo "Installing wrk from Debian's packages"
  apt_install wrk
fi
# Garnet and smtp4dev (the stack), dotnet-ef (the migration script) and the profilers come from
# .config/dotnet-tools.json. `dotnet tool restore` can restore some tools, say "Restore partially
# failed" about the others and leave the rest to fail much later, far from the cause. So the run
# stops here unless it exited 0, said nothing failed, and named every tool of the manifest restored.
restore_log=$(DOTNET_CLI_UI_LANGUAGE=en dotnet tool restore 2>&1) && restore_status=0 || restore_status=$?
complaints=$(grep -viE "was restored|newer version|^Restore" <<<"$restore_log" || true)
not_restored="" named=""
for tool in $(node -e 'console.log(Object.keys(require("./.config/dotnet-tools.json").tools).join("\n"))'); do
  if ! grep -qiF "Tool '$tool' (version" <<<"$restore_log"; then not_restored="${not_restored:+$not_restored, }$tool"; fi
  if grep -qiF -- "$tool" <<<"$complaints"; then named="${named:+$named, }$tool"; fi
done
if [ "$restore_status" != 0 ] || [ -n "$not_restored" ] || grep -qi "failed" <<<"$restore_log"; then
  printf '%s\n' "$restore_log" >&2
  echo >&2
  echo "Stopped: dotnet tool restore failed for ${named:-${not_restored:-a tool}} (.config/dotnet-tools.json), so nothing was built or tested." >&2
  if grep -q "is not contained in the package" <<<"$restore_log"; then
    echo "The SDK gave one tool's commands to another (it does so with a fresh tool cache when a per-platform tool such as rnwood.smtp4dev is not the manifest's last entry): keep rnwood.smtp4dev last, run \`dotnet tool restore\` again, then bash tests/run.sh." >&2
  else
    echo "Run \`dotnet tool restore\` to see why; each version in the manifest must be one your NuGet feed serves. Fix the feed or the version, then run bash tests/run.sh again." >&2
  fi
  exit 1
fi
echo "dotnet tools restored"

step "Build (writes Api/openapi/Api.json for the SPA's typed client)"
dotnet build FullStack.sln -nologo -v quiet -clp:ErrorsOnly

step "SQL Server migration script (no server needed)"
dotnet tool run dotnet-ef migrations script --idempotent --no-build \
  --project Api --context SqlServerAppDbContext --output "$results/sqlserver-migrations.sql" >/dev/null
echo "wrote tests/TestResults/sqlserver-migrations.sql ($(wc -l < "$results/sqlserver-migrations.sql") lines)"

step "WebClient: install, lint, type check, unit tests"
(
  cd WebClient
  npm ci --no-audit --no-fund --loglevel=error
  npm run --silent lint
  npm run --silent typecheck
  npx vitest run --reporter=default --reporter=json --outputFile.json="$results/vitest.json"
)

# One project (and one engine) at a time: the stack tests start a whole stack, and the Api's
# timing tests compare response times, so no two runs should share two cores.
dotnet_status=0
run_tests() { # name project [VAR=value...]: one run, results in $results/name.trx
  local name=$1 project=$2; shift 2
  env "$@" dotnet test "$project" --no-build -nologo \
    --logger "trx;LogFileName=$name.trx" --logger "console;verbosity=minimal" --results-directory "$results" || dotnet_status=1
}

step ".NET tests: Api integration on Garnet (the embedded cache)"
run_tests api-garnet tests/Api.Tests TEST_CACHE_ENGINE=garnet

step ".NET tests: Api integration on Redis (Debian's redis-server, the production engine)"
run_tests api-redis tests/Api.Tests TEST_CACHE_ENGINE=redis

step ".NET tests: Api integration on a Redis Cluster (three masters, three replicas of Debian's redis-server)"
run_tests api-cluster tests/Api.Tests TEST_CACHE_ENGINE=cluster

step ".NET tests: the AppHost stack with Playwright end to end"
run_tests end-to-end tests/EndToEnd.Tests

# Tiny counts: proves on a fresh machine that the bench command (README, Benchmarks) seeds, starts the
# Api as deployed, loads it and prints its table. Its figures are not judged here; docs/PERFORMANCE.md is.
step "Performance bench, smoke run (tests/Benchmarks --smoke)"
if dotnet run -c Release --project tests/Benchmarks -- --smoke > "$results/bench-smoke.txt" 2>&1; then
  # The whole table (it grows with each scenario), from its header to the totals.
  sed -n '/^| scenario/,$p' "$results/bench-smoke.txt"
else
  tail -n 60 "$results/bench-smoke.txt"; echo "The bench smoke run failed (tests/TestResults/bench-smoke.txt)."; dotnet_status=1
fi

# Three Api replicas behind YARP on a Redis Cluster, with a replica SIGKILLed, the mail server restarted
# and a Redis master failed over under mixed traffic (README, Benchmarks): ~2.5 minutes. Unlike the bench,
# its exit code says whether every invariant held (nothing lost, nothing done twice), so it can fail the run.
step "Soak, short form (tests/Benchmarks --soak 45s)"
if dotnet run -c Release --no-build --project tests/Benchmarks -- --soak 45s > "$results/soak-smoke.txt" 2>&1; then
  sed -n '/^| kind/,$p' "$results/soak-smoke.txt"
else
  tail -n 60 "$results/soak-smoke.txt"; echo "The soak found a broken invariant or broke itself (tests/TestResults/soak-smoke.txt)."; dotnet_status=1
fi

step "Totals"
node tests/summarize.mjs "$results"
exit $dotnet_status
