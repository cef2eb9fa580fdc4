#!/usr/bin/env bash
# Runs the two packages for real under systemd: boots this machine's own system in a throwaway container
# (systemd-nspawn on an overlay of /, all changes in memory, no network but loopback, a minimal target), installs
# both packages with the README's own "apt install" lines and checks, as a sysadmin would see it:
#   enabled and not started while the configuration is the example; started on it (as at boot), both refuse with
#   one line in the journal and status 2; started by hand once configured
#   the broker answers; "probe-agent check" passes; the agent runs as its own user under seccomp and reports
#   the coordinators' drain is kept in the state directory; "probe-agent drain" reaches the broker, and the
#   sandboxed service, given what "probe-agent check" prints, turns the host's published ChatonsInfos file FULL
#   a restart maps the class archive the first stop wrote
#   a broken configuration fails the start with its line in the journal, and is given up after three tries
#   remove stops both services; a reinstall with the kept configuration starts them; purge leaves nothing
# Needs root, systemd-nspawn (apt-get install systemd-container) and overlayfs; about 2 minutes. Exits 77 with
# the reason where it cannot run, non-zero if a check failed. Stops the container it started, unmounts what it
# mounted.
set -uo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
skip() { echo "SKIPPED: $*"; exit 77; }
[ "$(id -u)" = 0 ] || skip "not root"
command -v systemd-nspawn >/dev/null 2>&1 || skip "systemd-nspawn not installed (apt-get install systemd-container)"
[ -x /lib/systemd/systemd ] || skip "no systemd to boot (apt-get install systemd)"
ls "$here"/target/entraide-probe-agent_*_all.deb "$here"/target/entraide-broker_*_all.deb >/dev/null 2>&1 \
  || { echo "FAILED: no packages in $here/target: ./mvnw -B package first" >&2; exit 1; }

work=$(mktemp -d /var/tmp/entraide-container.XXXXXX)
root="$work/root"
[ -e /run/systemd/nspawn ] || made_run_dir=yes
cleanup() {
  umount "$root" 2>/dev/null
  umount "$work/mem" 2>/dev/null
  # Only once nothing is mounted there any more (a deletion through the overlay would only hide files anyway).
  mountpoint -q "$root" || mountpoint -q "$work/mem" || rm -rf "$work"
  # systemd-nspawn's own lock and propagation folders, when this script made them.
  if [ "${made_run_dir:-}" = yes ]; then rm -rf /run/systemd/nspawn; fi
}
trap cleanup EXIT
mkdir -p "$work/mem" "$root"
mount -t tmpfs tmpfs "$work/mem" && mkdir -p "$work/mem/upper" "$work/mem/work" \
  && mount -t overlay overlay -o "lowerdir=/,upperdir=$work/mem/upper,workdir=$work/mem/work" "$root" \
  || skip "cannot mount an overlay of / here"

# Laid out as in the repository, so that the README's install lines run there as written.
mkdir -p "$root/root/entraide/packaging/target"
cp "$here"/target/entraide-probe-agent_*_all.deb "$here"/target/entraide-broker_*_all.deb "$root/root/entraide/packaging/target/"
cp "$here/../README.md" "$root/root/entraide/README.md"
cp "$here/src/test/container/inside.sh" "$root/root/entraide/inside.sh"
cat >"$root/etc/systemd/system/entraide-check.service" <<'EOF'
[Unit]
Description=Entraide packages under a real systemd
After=basic.target
[Service]
Type=oneshot
ExecStart=/bin/bash /root/entraide/inside.sh
ExecStopPost=/bin/systemctl --no-block poweroff
EOF
cat >"$root/etc/systemd/system/entraide-check.target" <<'EOF'
[Unit]
Description=Entraide packages under a real systemd
Requires=basic.target entraide-check.service
After=basic.target
EOF

echo "+ systemd-nspawn --boot (this machine's system, in memory)"
timeout -k 15 400 systemd-nspawn -q -D "$root" --register=no --keep-unit --link-journal=no --private-network \
  --boot -- --unit=entraide-check.target >"$work/boot.log" 2>&1
status=$?
log="$root/root/entraide/inside.log"
if [ ! -f "$log" ]; then
  echo "FAILED: the container did not run the checks (systemd-nspawn status $status)" >&2
  tail -20 "$work/boot.log" >&2
  exit 1
fi
cat "$log"
grep -q '^All checks under systemd passed\.$' "$log" || { echo "FAILED: see above" >&2; exit 1; }
