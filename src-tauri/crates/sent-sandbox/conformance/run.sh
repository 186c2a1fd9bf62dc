#!/usr/bin/env bash
# Conformance run: the official Sent SDKs (TypeScript and Python, pinned) drive a freshly
# started sent-sandbox through the scenario scripts in this folder; then the Python SDK that
# documents the newer server (sentdm 0.46.0, requirements-2026-10.txt, venv .venv46) drives the
# same sandbox switched to `api_revision 2026-10` (contract §19.3, scenarios_2026_10.py).
#
# - installs the pinned SDKs when missing (npm ci; python3 -m venv .venv + pip install -r)
# - starts $SENT_SANDBOX_BIN (else builds it with `cargo build -p sent-sandbox`) on 127.0.0.1:0
#   and reads the URL from its first stdout line
# - runs both suites, stops the server, prints `conformance: N passed, M failed`
# - exits non-zero on any failure
set -uo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$HERE"

log() { echo "conformance: $*" >&2; }

# --- SDKs -------------------------------------------------------------------------------
ts_version="$(node -p "require('./package.json').dependencies['@sentdm/sentdm']")"
if [ "$(node -p "try { require('./node_modules/@sentdm/sentdm/package.json').version } catch { '' }" 2>/dev/null)" != "$ts_version" ]; then
  log "installing @sentdm/sentdm $ts_version (npm ci)"
  npm ci --no-audit --no-fund --loglevel=error >&2 || { echo "conformance: 0 passed, 1 failed"; exit 1; }
fi
py_version="$(sed -n 's/^sentdm==//p' requirements.txt)"
if ! .venv/bin/python -c "import importlib.metadata as m, sys; sys.exit(m.version('sentdm') != '$py_version')" 2>/dev/null; then
  log "installing sentdm $py_version (venv + pip)"
  { python3 -m venv .venv && .venv/bin/pip install --quiet --disable-pip-version-check -r requirements.txt; } >&2 \
    || { echo "conformance: 0 passed, 1 failed"; exit 1; }
fi

py46_version="$(sed -n 's/^sentdm==//p' requirements-2026-10.txt)"
if ! .venv46/bin/python -c "import importlib.metadata as m, sys; sys.exit(m.version('sentdm') != '$py46_version')" 2>/dev/null; then
  log "installing sentdm $py46_version for the 2026-10 revision (venv .venv46 + pip)"
  { python3 -m venv .venv46 && .venv46/bin/pip install --quiet --disable-pip-version-check -r requirements-2026-10.txt; } >&2 \
    || { echo "conformance: 0 passed, 1 failed"; exit 1; }
fi

# --- server -----------------------------------------------------------------------------
BIN="${SENT_SANDBOX_BIN:-}"
if [ -z "$BIN" ]; then
  log "building sent-sandbox"
  cargo build --quiet -p sent-sandbox >&2 || { echo "conformance: 0 passed, 1 failed"; exit 1; }
  target_dir="$(cargo metadata --format-version 1 --no-deps | python3 -c 'import json,sys; print(json.load(sys.stdin)["target_directory"])')"
  BIN="$target_dir/debug/sent-sandbox"
fi

work="$(mktemp -d)"
ORG_KEY="conformance-$(python3 -c 'import uuid; print(uuid.uuid4())')"
"$BIN" --addr 127.0.0.1:0 --seed demo --org-key "$ORG_KEY" --no-rate-limit >"$work/stdout" 2>"$work/stderr" &
server=$!
stop_server() {
  if kill -0 "$server" 2>/dev/null; then
    kill -TERM "$server" 2>/dev/null
    wait "$server" 2>/dev/null
  fi
  rm -rf "$work"
}
trap stop_server EXIT

url=""
for _ in $(seq 1 100); do
  first="$(head -n 1 "$work/stdout" 2>/dev/null)"
  case "$first" in
    "listening on http://"*) url="${first#listening on }"; break ;;
  esac
  kill -0 "$server" 2>/dev/null || break
  sleep 0.1
done
if [ -z "$url" ]; then
  log "sandbox did not start: $(cat "$work/stderr")"
  echo "conformance: 0 passed, 1 failed"
  exit 1
fi
log "sandbox at $url"

# --- suites -----------------------------------------------------------------------------
passed=0
failed=0
run_suite() {
  local name="$1"; shift
  local out rc
  out="$(SANDBOX_URL="$url" SANDBOX_ORG_KEY="$ORG_KEY" timeout 300 "$@" 2>&1)"
  rc=$?
  echo "$out" | grep -E '^(ok|not ok) - ' || true
  local ok bad
  ok="$(echo "$out" | grep -c '^ok - ' || true)"
  bad="$(echo "$out" | grep -c '^not ok - ' || true)"
  if [ "$rc" -ne 0 ] && [ "$bad" -eq 0 ]; then
    # The suite died before reporting: show why and count it as a failure.
    echo "not ok - $name: suite exited with $rc"
    echo "$out" | tail -n 20 | sed 's/^/    /'
    bad=1
  fi
  passed=$((passed + ok))
  failed=$((failed + bad))
}
run_suite ts node scenarios.mjs
run_suite py .venv/bin/python scenarios.py
# Last: it switches the sandbox to the 2026-10 revision (and resets it).
run_suite py46 .venv46/bin/python -W ignore::DeprecationWarning scenarios_2026_10.py

stop_server
trap - EXIT
echo "conformance: $passed passed, $failed failed"
[ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]
