#!/usr/bin/env bash
# Load benchmark (not a test): wrk against GET /v3/profiles on the demo seed, rate limit off.
# Prints requests/s and the p99 latency. Traffic stays on loopback; the run is bounded in time.
#
#   bench/load.sh                      # builds the release binary, 10 s, 2 threads, 32 connections
#   SENT_SANDBOX_BIN=path DURATION=30s CONNECTIONS=64 bench/load.sh
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
DURATION="${DURATION:-10s}"
THREADS="${THREADS:-2}"
CONNECTIONS="${CONNECTIONS:-32}"

command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 1; }

BIN="${SENT_SANDBOX_BIN:-}"
if [ -z "$BIN" ]; then
  cargo build --quiet --release -p sent-sandbox
  target_dir="$(cargo metadata --format-version 1 --no-deps | python3 -c 'import json,sys; print(json.load(sys.stdin)["target_directory"])')"
  BIN="$target_dir/release/sent-sandbox"
fi

work="$(mktemp -d)"
KEY="bench-$(python3 -c 'import uuid; print(uuid.uuid4())')"
"$BIN" --addr 127.0.0.1:0 --seed demo --org-key "$KEY" --no-rate-limit >"$work/stdout" 2>"$work/stderr" &
server=$!
trap 'kill -TERM $server 2>/dev/null; wait $server 2>/dev/null; rm -rf "$work"' EXIT

url=""
for _ in $(seq 1 100); do
  first="$(head -n 1 "$work/stdout" 2>/dev/null || true)"
  case "$first" in "listening on http://"*) url="${first#listening on }"; break ;; esac
  sleep 0.1
done
[ -n "$url" ] || { echo "sandbox did not start" >&2; cat "$work/stderr" >&2; exit 1; }

# One request first so a broken server fails loudly instead of benchmarking 401s.
status="$(curl -s -o /dev/null -w '%{http_code}' -H "x-api-key: $KEY" "$url/v3/profiles")"
[ "$status" = 200 ] || { echo "GET /v3/profiles answered $status" >&2; exit 1; }

echo "wrk -t$THREADS -c$CONNECTIONS -d$DURATION GET $url/v3/profiles (demo seed, 5 profiles, rate limit off)"
wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency -H "x-api-key: $KEY" "$url/v3/profiles" | tee "$work/wrk.txt"
rps="$(awk '/^Requests\/sec:/ {print $2}' "$work/wrk.txt")"
p99="$(awk '$1 == "99%" {print $2}' "$work/wrk.txt")"
non2xx="$(awk '/Non-2xx/ {print $NF}' "$work/wrk.txt")"
echo "result: ${rps} requests/s, p99 ${p99}${non2xx:+, non-2xx ${non2xx}}"
