#!/usr/bin/env bash
# Runs the performance benchmark (see docs/performance.md) and leaves its results in
# target/benchmark: results.json, results.md, throughput.png, filters.png, explain/.
# Options are system properties, for example:
#   scripts/benchmark.sh -Dbenchmark.quick=true          # about three minutes
#   scripts/benchmark.sh -Dbenchmark.filter.million=true # adds 1,000,000 open tasks
set -euo pipefail
cd "$(dirname "$0")/.."
exec ./mvnw -B -Pbenchmark verify "$@"
