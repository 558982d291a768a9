#!/usr/bin/env bash
# The one test command (README.md): on a fresh machine it installs what is missing (Chromium from
# Debian, local dotnet tools, npm packages), builds everything, then runs every test: SPA lint,
# type check and Vitest; Api integration tests; the AppHost stack tests; Playwright in Chromium.
# It ends with the totals, as "N passed, N failed".
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
results="$root/tests/TestResults"
rm -rf "$results" && mkdir -p "$results"
step() { printf '\n== %s\n' "$*"; }
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

step "Prerequisites"
if [ -z "${CHROMIUM_PATH:-}" ] && [ ! -x /usr/bin/chromium ]; then
  echo "Installing Chromium from Debian's packages (Playwright's own browser download is not used)"
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq chromium >/dev/null
fi
"${CHROMIUM_PATH:-/usr/bin/chromium}" --version
dotnet tool restore >/dev/null && echo "dotnet tools restored"

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

step ".NET tests: Api integration, then the AppHost stack with Playwright end to end"
# One project at a time: the stack tests start a whole stack, and the Api's timing tests
# compare response times, so neither should share two cores with the other.
dotnet_status=0
for project in tests/Api.Tests tests/EndToEnd.Tests; do
  dotnet test "$project" --no-build -nologo \
    --logger "trx" --logger "console;verbosity=minimal" --results-directory "$results" || dotnet_status=1
done

step "Totals"
node tests/summarize.mjs "$results"
exit $dotnet_status
