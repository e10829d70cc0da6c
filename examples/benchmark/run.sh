#!/usr/bin/env bash
# Builds the benchmark (and camel-s3lite) and runs it: S3Proxy and every client in their own JVMs.
#   examples/benchmark/run.sh            full: 64 MiB and 1 GiB, 3 runs each (~35-45 min on 2 busy cores)
#   examples/benchmark/run.sh --quick    smoke: 64 MiB, 1 run each
# Other options: --runs N  --sizes 64m,1g  --part-size 16m  --out FILE.md  --work DIR  --only REGEX  --jvm-arg ARG
# The Markdown table goes to examples/benchmark/target/benchmark-results.md unless --out is given.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
cd "$root"
if ! mvn -B -q -o package -DskipTests -pl examples/benchmark -am; then
  echo "offline build failed, retrying online" >&2
  mvn -B -q package -DskipTests -pl examples/benchmark -am
fi
# this worktree's camel-s3lite, not whatever another build last installed into ~/.m2
cp="$here/target/classes:$(tr ':' '\n' < "$here/target/classpath.txt" \
  | sed "s#^.*/io/github/s3lite/camel-s3lite/[^/]*/camel-s3lite-[^/]*\.jar\$#$root/camel-s3lite/target/classes#" | paste -sd:)"
out=(--out "$here/target/benchmark-results.md")
for a in "$@"; do [[ "$a" == "--out" ]] && out=(); done
exec java -Xmx1g -cp "$cp" io.github.s3lite.bench.Bench "${out[@]}" "$@"
