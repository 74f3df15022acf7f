#!/usr/bin/env bash
# The pool's crash test: telemetry over HTTP and JMS at the running system, the server killed
# with SIGKILL in the middle, started again, and then every sample that got a 202 or a completed
# JMS send must be stored exactly once. Run it as ./vanta bench crash [seconds-before-kill].
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
JAR="$ROOT/bench/target/benchmarks.jar"
POOL="http://localhost:8080"
KILL_AFTER="${1:-20}"
WORK="$(mktemp -d)"
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"

cd "$ROOT"
./vanta status >/dev/null || ./vanta start

echo "Load: 3,000 samples/s over HTTP and 5,000 over JMS for 60 s; the server is killed after $KILL_AFTER s."
"$JAVA" -cp "$JAR" io.vantaechonebula.bench.PoolLoad "$POOL" http 4 3000 60 "$WORK/http.acks" >"$WORK/http.log" 2>&1 &
HTTP_LOAD=$!
"$JAVA" -cp "$JAR" io.vantaechonebula.bench.PoolLoad "$POOL" jms 4 5000 60 "$WORK/jms.acks" >"$WORK/jms.log" 2>&1 &
JMS_LOAD=$!

sleep "$KILL_AFTER"
SERVER="$(jps -l | awk '/ASMain/ {print $1}')"
[[ -n "$SERVER" ]] || { echo "crash test: no Payara Server process found to kill" >&2; exit 1; }
echo "kill -9 $SERVER (Payara Server)"
kill -9 "$SERVER"
sleep 2
./vanta start | tail -n 1

wait "$HTTP_LOAD" || true
wait "$JMS_LOAD" || true
echo "--- HTTP load:"; tail -n 3 "$WORK/http.log"
echo "--- JMS load:"; tail -n 3 "$WORK/jms.log"
echo "--- Check:"
"$JAVA" -cp "$JAR" io.vantaechonebula.bench.PoolVerify "$POOL" "$WORK/http.acks" "$WORK/jms.acks"
