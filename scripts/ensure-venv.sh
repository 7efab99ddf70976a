#!/usr/bin/env bash
# Creates .venv from test/python/requirements.txt, or reuses it when it was built from the same file.
set -euo pipefail
cd "$(dirname "$0")/.."
req=test/python/requirements.txt
stamp=.venv/.requirements.sha256
want=$(sha256sum "$req" | cut -d' ' -f1)
if [ -x .venv/bin/python ] && [ "$(cat "$stamp" 2>/dev/null)" = "$want" ]; then
  exit 0
fi
echo "creating .venv from $req (once; later runs reuse it)"
python3 -m venv .venv
.venv/bin/python -m pip install --quiet --disable-pip-version-check --upgrade pip
.venv/bin/python -m pip install --quiet --disable-pip-version-check -r "$req"
echo "$want" >"$stamp"
