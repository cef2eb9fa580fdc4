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
