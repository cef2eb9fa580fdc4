#!/usr/bin/env bash
# Mutation testing of the broker's decision code (eligibility, selection, report validation) with PIT: each
# mutant (a condition negated, a boundary moved, a return value changed...) must make a test fail. Not part of
# ./mvnw verify: it runs the decision tests once per mutant, several minutes on two cores.
#
#   broker/mutation.sh
#
# Prints PIT's summary and the mutants that survived, per class; the full report is in
# broker/target/pit-reports/index.html (mutations.csv beside it).
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -pl broker -am -Pmutation test \
  -Dtest='org.chatons.entraide.broker.eligibility.*Test,org.chatons.entraide.broker.selection.*Test' \
  -Dsurefire.failIfNoSpecifiedTests=false 2>&1 | tee broker/target/mutation.log \
  | sed -n '/- Statistics/,/Total  :/p;/Generated [0-9]* mutations/p'
csv=broker/target/pit-reports/mutations.csv
if [ -f "$csv" ]; then
  echo
  echo "killed / mutants, per class:"
  awk -F, '{ split($2, c, "."); k = c[length(c)]; n[k]++; if ($6 == "KILLED" || $6 == "TIMED_OUT" || $6 == "MEMORY_ERROR") d[k]++ }
    END { for (k in n) printf "  %-22s %3d / %3d\n", k, d[k], n[k] }' "$csv" | sort
  echo
  echo "survivors (class, line, mutator, description):"
  awk -F, '$6 == "SURVIVED" || $6 == "NO_COVERAGE" { split($2, c, "."); printf "  %s:%s %s %s (%s)\n", c[length(c)], $5, $3, $4, $6 }' "$csv" \
    | sed 's/org.pitest.mutationtest.engine.gregor.mutators.//'
fi
