#!/usr/bin/env bash
# The long-poll benchmark: 1,000 pipelines waiting for GO on one instance (bench/LongPoll.java).
# Builds the jar and the test classes (the fake Slack lives there) like bench/run.sh; about two
# minutes. Uses the `preflight` database unless SPRING_DATASOURCE_URL says otherwise, in a schema
# `bench_longpoll` of its own that it drops first. BENCH_WAITERS changes the number of waits.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

if [[ -n ${JAVA_HOME:-} ]]; then
  export PATH="$JAVA_HOME/bin:$PATH"
fi
offline=()
[[ ${BENCH_OFFLINE:-} == 1 ]] && offline=(-o)

./mvnw -q "${offline[@]}" -DskipTests package
mkdir -p target/bench
./mvnw -q "${offline[@]}" dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile=target/bench/classpath.txt >/dev/null
BENCH_JAR=$(ls target/preflight-*.jar | grep -v original | head -n 1)
export BENCH_JAR
exec java -cp "target/test-classes:target/classes:$(cat target/bench/classpath.txt)" bench/LongPoll.java
