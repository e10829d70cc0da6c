#!/usr/bin/env bash
# Two Camel nodes sharing a Hazelcast checkpoint store: node A is killed mid-upload, node B finishes it.
# Needs the reactor installed once: (cd ../.. && mvn -B install -DskipTests)
# Usage: ./run-two-nodes.sh [sizeMiB] [killAfterParts]
set -euo pipefail
cd "$(dirname "$0")"
mvn -B -q test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/demo.classpath
exec java -cp "target/classes:target/test-classes:$(cat target/demo.classpath)" io.github.s3lite.cluster.TwoNodesDemo "$@"
