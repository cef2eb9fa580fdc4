#!/usr/bin/env bash
# Checks of the two Debian packages that "./mvnw package" builds (packaging/target/*.deb), run by PackagesIT in
# "./mvnw -B verify", or by hand after a build:
#   lintian                      no error or warning on either package
#   systemd-analyze verify       each unit, with the package's programs and manual pages in place
#   systemd-analyze security     each unit's exposure, 2.5 ("OK") or lower
#   dpkg --root                  install, upgrade, remove and purge in a throwaway root: exactly the package's files
#                                (and systemd's enablement links) after each step, nothing after the purge;
#                                the services enabled but not started while the configuration is the example
#   the packaged launcher        "probe-agent check --config-only" reads the token as the service does (a systemd
#                                credential), a broken configuration fails with its line and status 2, "drain"
#                                leaves a file the service can read, and "run" writes its class archive when it
#                                stops and maps it at the next start
# Needs lintian, systemd (systemd-analyze), dpkg, util-linux (unshare), Java, root (mounts in a private namespace,
# never on the machine itself). Prints each step; exits non-zero if any check failed, 77 (skipped, with the
# reason) where something it needs is missing.
set -uo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
target="$here/target"
failed=0
max_exposure=2.5

fail() {
  echo "FAILED: $*" >&2
  failed=1
}

run() {
  echo "+ $*"
  "$@" || fail "$*"
}

skip() {
  echo "SKIPPED: $*"
  exit 77
}

for tool in dpkg dpkg-deb unshare java; do
  command -v "$tool" >/dev/null 2>&1 || skip "$tool not found: not a Debian machine"
done
command -v lintian >/dev/null 2>&1 || skip "lintian not installed (apt-get install lintian)"
command -v systemd-analyze >/dev/null 2>&1 || skip "systemd-analyze not installed (apt-get install systemd)"
[ "$(id -u)" = 0 ] || skip "not root: the checks mount in a private namespace and install into a throwaway root"

agent_deb=$(ls "$target"/entraide-probe-agent_*_all.deb 2>/dev/null | head -1)
broker_deb=$(ls "$target"/entraide-broker_*_all.deb 2>/dev/null | head -1)
[ -n "$agent_deb" ] && [ -n "$broker_deb" ] || { echo "FAILED: no packages in $target: ./mvnw -B package first" >&2; exit 1; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# With the package's files laid over the machine's, in a mount namespace of its own: nothing is installed here.
overlaid() { # ROOT COMMAND...: runs COMMAND where /usr/bin, /usr/share and /lib/systemd also show ROOT's files
  local root=$1; shift
  unshare --mount -- sh -c '
    root=$1; shift
    for dir in /usr/bin /usr/share /lib/systemd; do
      [ -d "$root$dir" ] && mount -t overlay overlay -o "lowerdir=$root$dir:$dir" "$dir"
    done
    exec "$@"' overlaid "$root" "$@"
}

echo "== lintian"
run lintian --fail-on error,warning --tag-display-limit 0 --display-info "$agent_deb" "$broker_deb"

echo "== systemd units"
for deb in "$agent_deb" "$broker_deb"; do
  package=$(dpkg-deb -f "$deb" Package)
  unpacked="$work/unpacked/$package"
  mkdir -p "$unpacked" && dpkg-deb -x "$deb" "$unpacked"
  unit="$package.service"
  # Documentation=man:... is checked with man, where it is installed.
  man=yes; command -v man >/dev/null 2>&1 || man=no
  run overlaid "$unpacked" systemd-analyze verify --man="$man" "$unpacked/lib/systemd/system/$unit"
  echo "+ systemd-analyze security --offline=true --root=$unpacked $unit"
  exposure=$(systemd-analyze security --offline=true --root="$unpacked" "$unit" 2>&1 | tail -1)
  echo "$exposure"
  level=$(echo "$exposure" | sed -n 's/.*Overall exposure level for [^:]*: \([0-9.]*\).*/\1/p')
  if [ -z "$level" ] || ! awk -v l="$level" -v max="$max_exposure" 'BEGIN { exit !(l <= max) }'; then
    fail "$unit: exposure ${level:-unknown}, above $max_exposure"
  fi
done

echo "== install, upgrade, remove, purge in a throwaway root"
root="$work/root"
admin="$root/var/lib/dpkg"
mkdir -p "$admin/info" "$admin/updates" "$admin/triggers"
# What the packages depend on, as if installed: a Java runtime is all they need, Debian 12's as updated (the broker's
# unit takes -XX:TrimNativeHeapInterval, which Java 17 has from 17.0.9).
cat >"$admin/status" <<'EOF'
Package: openjdk-17-jre-headless
Status: install ok installed
Priority: optional
Section: java
Maintainer: Entraide checks <checks@localhost>
Architecture: all
Version: 17.0.21+2-1~deb12u1
Provides: java17-runtime-headless
Description: stands in for a Java runtime in a throwaway root

EOF
touch "$admin/info/openjdk-17-jre-headless.list"

dpkg_root() { # maintainer scripts run here with DPKG_ROOT set, as for any install into another root
  dpkg --root="$root" --force-script-chrootless --force-confold "$@" 2>&1 | tee "$work/dpkg.log"
  return "${PIPESTATUS[0]}"
}

# Every file and link under the root, but dpkg's own database.
present() {
  (cd "$root" && find . ! -type d ! -path './var/lib/dpkg/*' | sed 's|^\.||' | sort)
}

# What the packages claim (their files and conffiles), and what enabling their units leaves, as debhelper does.
claimed() { # PACKAGE...
  {
    for package in "$@"; do
      dpkg-query --admindir="$admin" -L "$package" 2>/dev/null
      echo "/etc/systemd/system/multi-user.target.wants/$package.service"
      echo "/var/lib/systemd/deb-systemd-helper-enabled/$package.service.dsh-also"
      echo "/var/lib/systemd/deb-systemd-helper-enabled/multi-user.target.wants/$package.service"
    done
    cat "$work/extra" 2>/dev/null
  } | while read -r path; do
    if [ -L "$root$path" ] || [ -f "$root$path" ]; then echo "$path"; fi
  done | sort -u
}

expect_claimed() { # STEP PACKAGE...
  local step=$1; shift
  if diff <(claimed "$@") <(present) >"$work/diff"; then
    echo "$step: $(present | wc -l) files and links, all claimed"
  else
    fail "$step: files on disk differ from what the packages claim (< claimed only, > on disk only):"
    cat "$work/diff" >&2
  fi
}

expect_log() { # STEP PATTERN: the last dpkg run printed it
  grep -q -- "$2" "$work/dpkg.log" || fail "$1: dpkg did not print \"$2\""
}

no_log() {
  if grep -q -- "$2" "$work/dpkg.log"; then fail "$1: dpkg printed \"$2\""; fi
}

# A second version, to upgrade to: the same files under a higher version, and a changed unit.
upgrade_dir="$work/upgrade"
mkdir -p "$upgrade_dir"
for deb in "$agent_deb" "$broker_deb"; do
  package=$(dpkg-deb -f "$deb" Package)
  dpkg-deb -R "$deb" "$upgrade_dir/$package"
  sed -i 's/^Version: \(.*\)$/Version: \1+upgrade/' "$upgrade_dir/$package/DEBIAN/control"
  echo "# upgraded" >>"$upgrade_dir/$package/lib/systemd/system/$package.service"
  (cd "$upgrade_dir/$package" && find . -type f ! -path './DEBIAN/*' -exec md5sum {} + | sed 's| \./| |' >DEBIAN/md5sums)
  dpkg-deb --root-owner-group -b "$upgrade_dir/$package" "$upgrade_dir/$package.deb" >/dev/null || fail "repack $package"
done

echo "+ dpkg --root -i (both)"
dpkg_root -i "$agent_deb" "$broker_deb" || fail "install"
expect_claimed "install" entraide-probe-agent entraide-broker
expect_log "install" "entraide-probe-agent is enabled but not started: /etc/entraide/probe-agent.yml is still the example"
expect_log "install" "entraide-broker is enabled but not started: /etc/entraide/members.yml is still the example"
[ -L "$root/etc/systemd/system/multi-user.target.wants/entraide-probe-agent.service" ] || fail "install: the agent's unit is not enabled"
[ "$(stat -c %a "$root/etc/entraide/broker.yml")" = 600 ] || fail "install: /etc/entraide/broker.yml is not root only"

# The sysadmin configures the agent and gives it its token; the broker's members stay the example.
sed -i 's/^member: alpha /member: beta  /' "$root/etc/entraide/probe-agent.yml"
(umask 077 && echo "the-token" >"$root/etc/entraide/probe-agent.token")
echo "/etc/entraide/probe-agent.token" >"$work/extra"

echo "+ dpkg --root -i (both, upgraded)"
dpkg_root -i "$upgrade_dir/entraide-probe-agent.deb" "$upgrade_dir/entraide-broker.deb" || fail "upgrade"
expect_claimed "upgrade" entraide-probe-agent entraide-broker
no_log "upgrade" "entraide-probe-agent is enabled but not started"
expect_log "upgrade" "entraide-broker is enabled but not started"
grep -q '^member: beta ' "$root/etc/entraide/probe-agent.yml" || fail "upgrade: the sysadmin's configuration was not kept"
grep -q '^# upgraded' "$root/lib/systemd/system/entraide-probe-agent.service" || fail "upgrade: the new unit is not in place"

echo "== the packaged launcher, as the service runs it"
credentials="$work/credentials"
mkdir -p "$credentials" && cp "$root/etc/entraide/probe-agent.token" "$credentials/probe-agent.token"
echo "nc-token" >"$credentials/nextcloud.token"
# The unit's flags, and its credentials directory: the token is read from there, not from the root-only file.
java_opts=$(sed -n 's/^Environment="JAVA_OPTS=\(.*\)"$/\1/p' "$root/lib/systemd/system/entraide-probe-agent.service")
echo "+ probe-agent check --config-only (the unit's ExecStartPre)"
if output=$(overlaid "$root" env JAVA_OPTS="$java_opts" CREDENTIALS_DIRECTORY="$credentials" \
    /usr/bin/probe-agent check --config-only -c "$root/etc/entraide/probe-agent.yml" 2>&1); then
  echo "$output"
  echo "$output" | grep -q "3 hosts, 2 brokers, token read" || fail "check --config-only: unexpected output"
else
  echo "$output"; fail "check --config-only on the configured example"
fi
sed 's/capacity-users: 200/capacity-users: lots/' "$root/etc/entraide/probe-agent.yml" >"$work/broken.yml"
output=$(overlaid "$root" env JAVA_OPTS="$java_opts" CREDENTIALS_DIRECTORY="$credentials" \
  /usr/bin/probe-agent check --config-only -c "$work/broken.yml" 2>&1)
status=$?
echo "$output"
[ "$status" = 2 ] || fail "check --config-only on a broken configuration: status $status, expected 2"
echo "$output" | grep -q '^broken.yml line [0-9]*: hosts\[0\].capacity-users: must be a whole number' \
  || fail "check --config-only on a broken configuration: no line naming the key"

# "probe-agent drain" as root with a strict umask: the service, its own user, must still read the file.
echo "+ probe-agent drain pad-1 (root, umask 077)"
cp "$root/etc/entraide/probe-agent.yml" "$work/drained.yml"
overlaid "$root" sh -c 'umask 077 && exec /usr/bin/probe-agent drain pad-1 -c "$1"' drain "$work/drained.yml" \
  || fail "probe-agent drain"
[ "$(stat -c %a "$work/drained.drained" 2>/dev/null)" = 644 ] || fail "drain: $work/drained.drained is not readable by the service"

# "run" twice under a cache directory: the first writes the class archive when it stops, the second maps it.
cat >"$work/agent.yml" <<'EOF'
member: beta
token-file: probe-agent.token
brokers: [http://127.0.0.1:9]
metrics-port: 0
hosts:
  - {id: pad-1, service: pad, software: etherpad, url: http://127.0.0.1:9/, capacity-users: 10}
EOF
cache="$work/cache"
mkdir -p "$cache"
run_agent() { # starts "probe-agent run" for a few seconds, then stops it as systemd does; prints its command line
  overlaid "$root" env JAVA_OPTS="$java_opts" CREDENTIALS_DIRECTORY="$credentials" CACHE_DIRECTORY="$cache" \
    /usr/bin/probe-agent run -c "$work/agent.yml" >"$work/run.log" 2>&1 &
  local job=$! java_pid= proc
  for _ in $(seq 1 150); do
    for proc in /proc/[0-9]*; do
      if [ "$(cat "$proc/comm" 2>/dev/null)" = java ] && tr '\0' ' ' <"$proc/cmdline" 2>/dev/null | grep -q "$work/agent.yml"; then
        java_pid=${proc#/proc/}
      fi
    done
    [ -n "$java_pid" ] && grep -q "Probe agent for member beta" "$work/run.log" && break
    sleep 0.2
  done
  if [ -n "$java_pid" ]; then
    tr '\0' ' ' <"/proc/$java_pid/cmdline"; echo
    if grep -q "$cache/probe-agent-.*\.jsa" "/proc/$java_pid/maps"; then echo "(archive mapped)"; fi
    kill -TERM "$java_pid"
  fi
  wait "$job"
}
echo "+ probe-agent run (first start)"
first=$(run_agent)
echo "$first"
echo "$first" | grep -q -- '-XX:ArchiveClassesAtExit=' || fail "first run: no -XX:ArchiveClassesAtExit"
ls "$cache"/probe-agent-*.jsa >/dev/null 2>&1 || { fail "first run: no class archive written"; cat "$work/run.log" >&2; }
echo "+ probe-agent run (second start)"
second=$(run_agent)
echo "$second"
echo "$second" | grep -q -- '-XX:SharedArchiveFile=' || fail "second run: the archive is not asked for"
echo "$second" | grep -q -- '(archive mapped)' || { fail "second run: the JVM did not map the archive"; cat "$work/run.log" >&2; }
echo "$first" | grep -q -- '(archive mapped)' && fail "first run: an archive was mapped before any was written"

echo "+ dpkg --root -r (both)"
dpkg_root -r entraide-probe-agent entraide-broker || fail "remove"
# What stays: the configuration, the sysadmin's token, and the units' enablement (as debhelper leaves them).
expect_claimed "remove" entraide-probe-agent entraide-broker
[ -f "$root/etc/entraide/probe-agent.yml" ] && [ -f "$root/etc/entraide/members.yml" ] \
  || fail "remove: the configuration did not stay"
[ ! -e "$root/usr/share/entraide-probe-agent" ] || fail "remove: /usr/share/entraide-probe-agent is still there"

# What the services write at run time, which a purge must take too.
mkdir -p "$root/var/lib/private/entraide-broker" "$root/var/cache/private/entraide-probe-agent"
echo "pad/pad-1" >"$root/var/lib/private/entraide-broker/drains.txt"
ln -s private/entraide-broker "$root/var/lib/entraide-broker"
echo "pad-1" >"$root/etc/entraide/probe-agent.drained"

echo "+ dpkg --root -P (both)"
dpkg_root -P entraide-probe-agent entraide-broker || fail "purge"
left=$(present)
if [ -n "$left" ]; then
  fail "purge: files left behind:"; echo "$left" >&2
fi
leftdirs=$(cd "$root" && find . -type d -name '*entraide*' | sed 's|^\.||')
if [ -n "$leftdirs" ]; then
  fail "purge: directories left behind:"; echo "$leftdirs" >&2
fi
[ "$failed" = 0 ] && echo "purge: nothing left"

if [ "$failed" = 0 ]; then echo "All package checks passed."; fi
exit "$failed"
