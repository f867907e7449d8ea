#!/usr/bin/env bash
# Every test: static checks, the whole suite on SQLite, again on PostgreSQL, then end-to-end in Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."

echo "== static checks (types, lint, layers)"
npm run --silent check

echo "== unit and API tests on SQLite"
npx vitest run

echo "== unit and API tests on PostgreSQL"
if [ -z "${DATABASE_URL:-}" ]; then
  source scripts/pg-test-cluster.sh
  trap pg_test_cluster_stop EXIT
  pg_test_cluster_start
fi
# server/src/domain is pure rules with no database (checked by the layer rules): it ran above, and would run the same.
DATABASE_URL="$DATABASE_URL" npx vitest run --exclude 'server/src/domain/**'

echo "== crash recovery: kill -9 during intake load, on SQLite and PostgreSQL"
DATABASE_URL="$DATABASE_URL" npm run --silent test:crash -- "${CRASH_CYCLES:-8}"

echo "== end-to-end tests in Chromium"
npm run --silent test:e2e
