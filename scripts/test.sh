#!/usr/bin/env bash
# The whole test suite, as `npm test` runs it: lint and format, layering, types, build, then every test.
set -euo pipefail
cd "$(dirname "$0")/.."

echo "== biome (format, lint, import cycles)"
npx biome check .

echo "== layering (dependency-cruiser, .dependency-cruiser.cjs): import cycles, src/ off transformers/, adapters behind their entry, test/ and bench/ boundaries, unresolvable imports"
npm run --silent layering

echo "== names: no two source files share a basename (index.ts, a package entry, excepted)"
dupes=$(git ls-files '*.ts' '*.py' ':!src/gen/**' | xargs -n1 basename | grep -vx 'index.ts' | sort | uniq -d)
if [ -n "$dupes" ]; then
  echo "source files sharing a basename (name each for what it holds): $dupes" >&2
  exit 1
fi

echo "== typecheck (including the type-level tests)"
npx tsc -p .

echo "== build"
npm run --silent build

echo "== python venv for the interop suite (created once, then reused)"
bash scripts/ensure-venv.sh

echo "== tests"
npx vitest run
