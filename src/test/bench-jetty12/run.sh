#!/bin/bash
# Prototype for issue 16 target 2 (BENCHMARKS.md, the store server against Node, 2026-12-01 s16c): is Jetty 12's
# core API, a non-blocking handler run on the selector thread, a step beyond Jetty 11 for the store server's
# polls? Bare servers, no Javalin, no SQLite: Node's seed server, Jetty 11 (as OrderPolls writes) and Jetty 12
# (Handler.Abstract.NonBlocking), 1 and 2 selectors each, all answering the same cached bytes, each warmed
# 5 s, then wrk -t2 -c50 rounds with the benchmark's 20-path poll mix, the order reversed every other round.
# Not built by Maven (Jetty 12 and Jetty 11 cannot share a class path): compiled here with javac against the
# offline Maven repository. Run under the exclusive lock: timeout 330 flock -x /tmp/quiet.lock ./run.sh 3 8
# Args: rounds (3), seconds a round (8). orders.json and polls.lua: the 100 orders and the poll mix as
# StoreServerVsNodeBenchmark wrote them (its temporary folder bench-vs-node*), kept here as they were.
set -euo pipefail
cd "$(dirname "$0")"
ROUNDS=${1:-3}; SECS=${2:-8}
M=$HOME/.m2/repository; J=$M/org/eclipse/jetty; SLF4J=$M/org/slf4j/slf4j-api/2.0.17/slf4j-api-2.0.17.jar
CP11=$J/jetty-server/11.0.25/jetty-server-11.0.25.jar:$J/jetty-http/11.0.25/jetty-http-11.0.25.jar:$J/jetty-io/11.0.25/jetty-io-11.0.25.jar:$J/jetty-util/11.0.25/jetty-util-11.0.25.jar:$J/toolchain/jetty-jakarta-servlet-api/5.0.2/jetty-jakarta-servlet-api-5.0.2.jar:$SLF4J
CP12=$J/jetty-server/12.1.13/jetty-server-12.1.13.jar:$J/jetty-http/12.1.13/jetty-http-12.1.13.jar:$J/jetty-io/12.1.13/jetty-io-12.1.13.jar:$J/jetty-util/12.1.13/jetty-util-12.1.13.jar:$SLF4J
out=$(mktemp -d); trap 'kill $(jobs -p) 2>/dev/null; rm -rf "$out"' EXIT
mkdir -p "$out/j11" "$out/j12"
javac -d "$out/j11" -cp "$CP11" Proto11.java Answers.java
javac -d "$out/j12" -cp "$CP12" Proto12.java Answers.java
node make-answers.js orders.json "$out"
JOPTS="-XX:+UseSerialGC -Xms64m -Xmx256m" # the store server launcher's
declare -A URL
start() { # name command...
    local name=$1; shift
    "$@" >"$out/log-$name.txt" 2>&1 &
    for _ in $(seq 300); do grep -q 'http://127.0.0.1:' "$out/log-$name.txt" && break; sleep 0.1; done
    URL[$name]=$(grep -o 'http://127.0.0.1:[0-9]*' "$out/log-$name.txt" | head -1)
}
start node /usr/bin/node ../bench-node/seed-server.js orders.json 0
start j11s1 java $JOPTS -cp "$out/j11:$CP11" Proto11 "$out" 1
start j11s2 java $JOPTS -cp "$out/j11:$CP11" Proto11 "$out" 2
start j12s1 java $JOPTS -cp "$out/j12:$CP12" Proto12 "$out" 1
start j12s2 java $JOPTS -cp "$out/j12:$CP12" Proto12 "$out" 2
NAMES="node j11s1 j11s2 j12s1 j12s2"
for n in $NAMES; do # the same bytes from all
    echo "$n $(for q in $(cut -d' ' -f1 "$out/queries.txt"); do curl -s "${URL[$n]}/api/orders?$q" | md5sum | cut -c1-8; done)"
done
for n in $NAMES; do wrk -t2 -c50 -d5s -s polls.lua "${URL[$n]}" >/dev/null; done
echo "round server req/s p50 p99 errors"
for r in $(seq "$ROUNDS"); do
    order=$NAMES; [ $((r % 2)) = 0 ] && order=$(echo $NAMES | tr ' ' '\n' | tac | tr '\n' ' ')
    for n in $order; do
        o=$(wrk -t2 -c50 -d"${SECS}"s --latency -s polls.lua "${URL[$n]}")
        echo "$r $n $(awk '/Requests\/sec/{print $2}' <<<"$o") $(awk '$1=="50%"{print $2}' <<<"$o")" \
            "$(awk '$1=="99%"{print $2}' <<<"$o") $(grep -c 'Non-2xx\|Socket errors' <<<"$o" || true)"
    done
done
