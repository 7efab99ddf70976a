#!/usr/bin/env bash
# The whole test suite, as `npm test` runs it: lint and format, layering, types, build, then every test.
set -euo pipefail
cd "$(dirname "$0")/.."

echo "== biome (format, lint, import cycles)"
npx biome check .

echo "== layering (dependency-cruiser, .dependency-cruiser.cjs): import cycles, src/ off transformers/, adapters behind their entry, test/ and bench/ boundaries, unresolvable imports"
npm run --silent layering

echo "== typecheck (including the type-level tests)"
npx tsc -p .

echo "== build"
npm run --silent build

echo "== python venv for the interop suite (created once, then reused)"
bash scripts/ensure-venv.sh

echo "== tests"
npx vitest run
