#!/usr/bin/env bash
# Preflight's benchmark: builds the jar and the test classes (the fake Slack server lives there),
# then runs bench/Bench.java, which starts the fake Slack, Preflight (timed as bin/preflight starts
# it, then java -jar for the load) and a bare Bolt app as separate processes, loads them over
# 127.0.0.1 only, prints a table and writes bench/RESULTS.md. About 12 minutes on 2 cores.
#
#   bash bench/run.sh
#
# Needs a JDK >= 21 (JAVA_HOME or java on PATH) and PostgreSQL as for the tests
# (bash .ci/postgres.sh); uses the `preflight` database unless SPRING_DATASOURCE_URL says
# otherwise, in a schema `bench` of its own that it drops first. BENCH_SECONDS sets the length
# of each load step (default 8).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

if [[ -n ${JAVA_HOME:-} ]]; then
  export PATH="$JAVA_HOME/bin:$PATH"
fi
command -v java >/dev/null || { echo "ERROR: no java on PATH; set JAVA_HOME to a JDK >= 21" >&2; exit 1; }

offline=()
[[ ${BENCH_OFFLINE:-} == 1 ]] && offline=(-o)

echo "==> Building the jar and the test classes"
./mvnw -q "${offline[@]}" -DskipTests package
mkdir -p target/bench
./mvnw -q "${offline[@]}" dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile=target/bench/classpath.txt

jar=$(ls target/preflight-*.jar | grep -v original | head -n 1)
export BENCH_JAR=$jar
export BENCH_CLASSPATH="target/test-classes:target/classes:$(cat target/bench/classpath.txt)"

echo "==> Running the benchmark ($jar)"
exec java -cp "$BENCH_CLASSPATH" bench/Bench.java
