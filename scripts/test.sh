#!/usr/bin/env bash
# The whole test suite, as `npm test` runs it: lint and format, layering, types, build, then every test.
set -euo pipefail
cd "$(dirname "$0")/.."

echo "== biome (format, lint, import cycles)"
npx biome check .

echo "== layering: src/ imports transformers/ only in src/defaults.ts"
if grep -rlE "from \"(\.\./)+transformers/" src --include='*.ts' | grep -v '^src/defaults.ts$'; then
  echo "the files above import transformers/ from the core" >&2
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
