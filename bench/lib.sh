# Shared by the bench scripts (sourced, not run): free ports, a work folder, and cleaning up after ourselves.

# require_free_ports HINT PORT...: stops the script when one of the ports is taken, naming the settings to change.
require_free_ports() {
  local hint=$1; shift
  local port
  for port in "$@"; do
    if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      echo "port $port is in use: set $hint" >&2
      exit 1
    fi
  done
}

# with_cleanup: makes $work (a temporary folder) and $pids (add the pid of each process started); on exit, stops
# those processes by pid (and runs extra_cleanup, when the script defines it), then removes the folder.
with_cleanup() {
  work=$(mktemp -d)
  pids=()
  trap cleanup EXIT INT TERM
}
cleanup() {
  local pid
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  if declare -F extra_cleanup >/dev/null; then extra_cleanup; fi
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  rm -rf "$work"
}

# Whether the machine was quiet: the CPU that processes other than this run's took while it ran, from /proc/stat's
# busy time less this run's own (the script and every process it started, found by parent, and any ROOT given,
# e.g. a daemon that left the script's tree), and the load average. A busy machine lowers requests per second
# (and flatters a ratio to nginx): figures measured so are not targets' figures.
#
#   watch_start                # before the measured part
#   watch_stop [ROOT_PID...]   # after it: sets others_cores, load_before, load_after, machine ("quiet" or "BUSY")
#   machine_note               # one line for the output, loud when the machine was busy (also on stderr)
# QUIET_CORES (0.10): the most CPU, in cores, other processes may take on average for the run to count as quiet.
QUIET_CORES=${QUIET_CORES:-0.10}

busy_ticks() { # user + nice + system + irq + softirq + steal of every core, in clock ticks
  awk '$1 == "cpu" { print $2 + $3 + $4 + $7 + $8 + $9 }' /proc/stat
}

# tree_ticks ROOT_PID...: user + system time of these processes and all their descendants, with the time of the
# children they reaped (so a run that ended between two samples still counts), in clock ticks.
tree_ticks() {
  cat /proc/[0-9]*/stat 2>/dev/null | awk -v roots="$*" '
    { pid = $1; rest = substr($0, match($0, /\) [^)]*$/) + 2); split(rest, f, " ")
      parent[pid] = f[2]; ticks[pid] = f[12] + f[13] + f[14] + f[15] }
    END {
      n = split(roots, r, " "); for (i = 1; i <= n; i++) mine[r[i]] = 1
      do { added = 0
        for (p in parent) if (!(p in mine) && (parent[p] in mine)) { mine[p] = 1; added = 1 }
      } while (added)
      for (p in mine) if (p in ticks) sum += ticks[p]
      print sum + 0 }'
}

load1() { awk '{ print $1 }' /proc/loadavg; }

watch_start() {
  watch_t0=$(date +%s.%N)
  watch_busy0=$(busy_ticks)
  watch_own0=$(tree_ticks $$ "$@")
  load_before=$(load1)
}

watch_stop() {
  local busy own seconds
  busy=$(busy_ticks)
  own=$(tree_ticks $$ "$@")
  seconds=$(awk -v t0="$watch_t0" -v t1="$(date +%s.%N)" 'BEGIN { print t1 - t0 }')
  load_after=$(load1)
  others_cores=$(awk -v b="$((busy - watch_busy0))" -v o="$((own - watch_own0))" -v hz="$(getconf CLK_TCK)" \
    -v s="$seconds" 'BEGIN { v = (b - o) / hz / s; printf "%.2f", v < 0 ? 0 : v }')
  machine=$(awk -v c="$others_cores" -v q="$QUIET_CORES" 'BEGIN { print (c <= q ? "quiet" : "BUSY") }')
}

machine_note() {
  local line="machine $machine: other processes took $others_cores of $(nproc) cores on average (quiet: at most $QUIET_CORES), load average $load_before -> $load_after"
  if [ "$machine" = BUSY ]; then
    line="WARNING: $line; these are NOT a quiet machine's figures"
    echo "$line" >&2
  fi
  echo "$line"
}

machine_row() { # the machine's verdict as the last row of a 5-column table
  printf '| machine %s: other processes %s cores, load %s -> %s | | | | |\n' "$machine" "$others_cores" \
    "$load_before" "$load_after"
}

# What a French browser sends (Chrome's default in France): the /go scripts send it with every request unless
# GO_HEADER says otherwise (GO_HEADER= sends no header), so /go reads a language and a region as it does for people.
BROWSER_ACCEPT_LANGUAGE="Accept-Language: fr-FR,fr;q=0.9,en-US;q=0.8,en;q=0.7"

# unit_java_opts: the broker's JVM flags as its Debian unit sets them (the image has the same).
unit_java_opts() {
  sed -n 's/^Environment="JAVA_OPTS=\(.*\)"$/\1/p' packaging/src/deb/broker/entraide-broker.service
}

await_broker() { # PORT LOG: wait up to a minute for the broker on PORT to answer /health; stop the script if not
  local _
  for _ in $(seq 1 120); do
    curl -fs -o /dev/null "http://127.0.0.1:$1/health" && return 0
    sleep 0.5
  done
  echo "the broker on port $1 did not start:" >&2
  tail -20 "$2" >&2
  exit 1
}
