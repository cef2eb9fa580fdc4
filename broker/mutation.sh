#!/usr/bin/env bash
# Mutation testing of the decision code with PIT: the broker's eligibility and selection, and report validation
# (the broker's ReportValidator and the wire rules it applies, protocol's WireRules). Each mutant (a condition
# negated, a boundary moved, a return value changed...) must make a test fail. Not part of ./mvnw verify: it runs
# the decision tests once per mutant, 5 to 15 minutes on two cores.
#
#   broker/mutation.sh
#
# Prints PIT's summary per module, the killed mutants per class and the survivors; the full reports are in
# broker/target/pit-reports/ and protocol/target/pit-reports/ (index.html, mutations.csv).
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p broker/target
./mvnw -B -pl broker -am -Pmutation test \
  -Dtest='org.chatons.entraide.protocol.WireRulesTest,org.chatons.entraide.broker.eligibility.*Test,org.chatons.entraide.broker.selection.*Test' \
  -Dsurefire.failIfNoSpecifiedTests=false >broker/target/mutation.log 2>&1 || { tail -40 broker/target/mutation.log; exit 1; }
echo "PIT, protocol (WireRules) then broker:"
grep -E '^>> Generated [0-9]+ mutations Killed' broker/target/mutation.log | uniq || true

csvs=(protocol/target/pit-reports/mutations.csv broker/target/pit-reports/mutations.csv)
echo
echo "killed / mutants, per class:"
awk -F, '{ split($2, c, "."); k = c[length(c)]; n[k]++; all++
           if ($6 == "KILLED" || $6 == "TIMED_OUT" || $6 == "MEMORY_ERROR") { d[k]++; killed++ } }
  END { for (k in n) printf "  %-22s %3d / %3d\n", k, d[k], n[k]
        printf "  %-22s %3d / %3d (%.0f %%)\n", "(all)", killed, all, 100 * killed / all }' "${csvs[@]}" | sort
echo
echo "survivors (class:line mutator method, status):"
awk -F, '$6 == "SURVIVED" || $6 == "NO_COVERAGE" { split($2, c, "."); m = $3; sub(/.*mutators\./, "", m)
  printf "  %s:%s %s %s (%s)\n", c[length(c)], $5, m, $4, $6 }' "${csvs[@]}" | sort -t: -k1,1 -k2n
