#!/bin/bash
# Run by container-check.sh inside a booted throwaway container: the packages as a sysadmin would use them, with
# systemd for real. Writes everything to inside.log beside it; the last line says whether all checks passed.
exec >/root/entraide/inside.log 2>&1
cd /root/entraide || exit 1
failed=0
fail() { echo "FAILED: $*"; failed=1; }
step() { echo; echo "== $*"; }
wait_for() { # SECONDS COMMAND...: until COMMAND succeeds
  local seconds=$1; shift
  for _ in $(seq 1 "$seconds"); do "$@" >/dev/null 2>&1 && return 0; sleep 1; done
  return 1
}
state() { systemctl show -p ActiveState --value "$1"; }
export DEBIAN_FRONTEND=noninteractive
# A build machine's image may forbid services to start from maintainer scripts; a member's server does not.
rm -f /usr/sbin/policy-rc.d

step "install, with the README's lines"
# As a sysadmin copies them from the README (root here, so without sudo); the packages need nothing more, so apt
# fetches nothing (the container has no network).
grep -o '^sudo apt install ./packaging/target/entraide-[a-z-]*_\*\.deb' README.md | sed 's/^sudo //' >install.sh
cat install.sh
[ "$(wc -l <install.sh)" = 2 ] || fail "the README's two apt install lines were not found"
bash -e install.sh </dev/null || fail "the README's apt install lines"
for unit in entraide-probe-agent entraide-broker; do
  [ "$(systemctl is-enabled $unit)" = enabled ] || fail "$unit not enabled"
  [ "$(state $unit)" = inactive ] || fail "$unit started on the example configuration"
done

step "started on the example, as at the next boot: both refuse, in one line, with status 2"
gave_up() { [ "$(state "$1")" = failed ]; }
systemctl start entraide-broker
wait_for 120 gave_up entraide-broker || fail "the broker runs on the example: $(state entraide-broker)"
[ "$(systemctl show -p ExecMainStatus --value entraide-broker)" = 2 ] \
  || fail "the broker's status on the example: $(systemctl show -p ExecMainStatus --value entraide-broker)"
journalctl -u entraide-broker -o cat --no-pager | grep 'still the example'
journalctl -u entraide-broker -o cat --no-pager \
  | grep -q '^entraide broker: /etc/entraide/members.yml is still the example: member framasoft.s token-sha256' \
  || fail "the journal does not say the broker's members file is the example"
systemctl start entraide-probe-agent
wait_for 120 gave_up entraide-probe-agent || fail "the agent runs on the example: $(state entraide-probe-agent)"
journalctl -u entraide-probe-agent -o cat --no-pager | grep 'still the example' | sort -u
journalctl -u entraide-probe-agent -o cat --no-pager \
  | grep -q '^/etc/entraide/probe-agent.yml is still the example: ' \
  || fail "the journal does not say the agent's configuration is the example"
journalctl -u entraide-probe-agent -o cat --no-pager | grep -q 'status=2/' \
  || fail "the agent's check did not end with status 2"
systemctl reset-failed entraide-broker entraide-probe-agent

step "the broker, configured"
token=container-token
cat >/etc/entraide/members.yml <<YAML
members:
  - id: alpha
    name: Alpha
    token-sha256: $(printf %s "$token" | sha256sum | cut -d' ' -f1)
    domains: [localhost]
    confirmed-until: 2099-12-31
    country: FR
    languages: [fr]
YAML
sed -i "s/admin-token-sha256: \"\"/admin-token-sha256: \"$(printf %s admin-token | sha256sum | cut -d' ' -f1)\"/" \
  /etc/entraide/broker.yml
systemctl start entraide-broker || fail "systemctl start entraide-broker"
wait_for 120 curl -fs http://127.0.0.1:8080/health || fail "the broker does not answer /health"
journalctl -u entraide-broker -o cat --no-pager | grep -v '^[ |_]' | tail -3

step "the agent, configured"
cat >/etc/entraide/probe-agent.yml <<YAML
member: alpha
token-file: probe-agent.token
brokers: [http://127.0.0.1:8080]
interval: 15s
hosts:
  - {id: self, service: pad, software: http, url: http://localhost:8080/health, capacity-users: 10,
     chatonsinfos-file: /var/www/html/.well-known/chatonsinfos/pad.properties}
YAML
(umask 077 && echo "$token" >/etc/entraide/probe-agent.token)
# The member's published ChatonsInfos service file, readable by the web server, as it was before the agent.
published=/var/www/html/.well-known/chatonsinfos/pad.properties
mkdir -p "${published%/*}"
printf '%s\n' '# Pad service of member alpha' 'file.class = service' 'file.datetime = 2026-01-01T00:00:00' \
  'service.name = Pad' 'service.registration.load = OPEN' >"$published"
chmod 644 "$published"
probe-agent check >check.out 2>&1 || fail "probe-agent check"
cat check.out
# What check prints for the service, done as printed: the drop-in, and the folder given to the web server's group.
mkdir -p /etc/systemd/system/entraide-probe-agent.service.d
sed -n '/^    \[Service\]$/,/^then /p' check.out | grep -v '^then ' | sed 's/^    //' \
  >/etc/systemd/system/entraide-probe-agent.service.d/chatonsinfos.conf
grep -q '^ReadWritePaths=' /etc/systemd/system/entraide-probe-agent.service.d/chatonsinfos.conf \
  || fail "check printed no drop-in for the ChatonsInfos file"
sed -n 's/^    \(chgrp .*\)$/\1/p' check.out | sh || fail "the folder commands check printed"
systemctl daemon-reload
systemctl start entraide-probe-agent || fail "systemctl start entraide-probe-agent"
reported() { curl -s http://127.0.0.1:8080/api/v1/services/pad/hosts | grep -q '"id":"self".*"eligible":true'; }
wait_for 90 reported || fail "the broker has no eligible host from the agent"
pid=$(systemctl show -p MainPID --value entraide-probe-agent)
ps -o user=,uid=,rss= -p "$pid"
[ "$(ps -o uid= -p "$pid" | tr -d ' ')" != 0 ] || fail "the agent runs as root"
grep -q '^Seccomp:[[:space:]]*2' "/proc/$pid/status" || fail "the agent runs without a system call filter"
grep -q '^NoNewPrivs:[[:space:]]*1' "/proc/$pid/status" || fail "the agent may gain privileges"
curl -s -o /dev/null -w '/go/pad: %{http_code} %{redirect_url}\n' http://127.0.0.1:8080/go/pad
curl -s http://127.0.0.1:9464/metrics | grep -q '^entraide_probe_up{host="self"} 1.0' || fail "no agent metrics"

step "drains, and the ChatonsInfos file the agent keeps"
code=$(curl -s -o /dev/null -w '%{http_code}' -X PUT -H 'Authorization: Bearer admin-token' \
  http://127.0.0.1:8080/api/v1/admin/hosts/alpha/self/drain)
[ "$code" = 200 ] || fail "the coordinators' drain answered $code"
grep -q '^alpha/self drained ' /var/lib/entraide-broker/drains.txt || fail "the drain is not in /var/lib/entraide-broker"
curl -s -o /dev/null -w '%{http_code}' -X DELETE -H 'Authorization: Bearer admin-token' \
  http://127.0.0.1:8080/api/v1/admin/hosts/alpha/self/drain >/dev/null
probe-agent drain self || fail "probe-agent drain"
closed() { curl -s http://127.0.0.1:8080/api/v1/services/pad/hosts | grep -q '"id":"self".*"acceptsNewUsers":false'; }
wait_for 30 closed || fail "the agent did not report its drained host"
# A host that takes no one is FULL in its published file: rewritten by the sandboxed service, still the web server's.
full() { grep -q '^service.registration.load = FULL$' "$published"; }
wait_for 30 full || fail "the service did not set $published to FULL: $(grep registration "$published")"
stat -c '%n %U:%G %a' "${published%/*}" "$published"
cat "$published"
grep -q '^service.name = Pad$' "$published" || fail "the agent changed more than the load in $published"
runuser -u www-data -- cat "$published" >/dev/null || fail "the web server's user cannot read $published"
journalctl -u entraide-probe-agent -o cat --no-pager | grep -i chatonsinfos | tail -2
probe-agent undrain self

step "the class archive"
systemctl restart entraide-probe-agent || fail "restart"
ls -l /var/cache/entraide-probe-agent/
maps_archive() {
  local pid
  pid=$(systemctl show -p MainPID --value entraide-probe-agent)
  [ "$pid" != 0 ] && grep -q 'probe-agent-.*\.jsa' "/proc/$pid/maps"
}
wait_for 60 maps_archive || fail "the restarted agent does not map its class archive"

step "a broken configuration"
sed -i 's/capacity-users: 10/capacity-users: lots/' /etc/entraide/probe-agent.yml
systemctl restart entraide-probe-agent && fail "the agent started on a broken configuration"
wait_for 90 gave_up entraide-probe-agent || fail "the agent is still retrying: $(state entraide-probe-agent)"
journalctl -u entraide-probe-agent -o cat --no-pager | tail -6
journalctl -u entraide-probe-agent -o cat --no-pager \
  | grep -q "^probe-agent.yml line 6: hosts\[0\].capacity-users: must be a whole number" \
  || fail "the journal does not name the line and key"
sed -i 's/capacity-users: lots/capacity-users: 10/' /etc/entraide/probe-agent.yml
systemctl reset-failed entraide-probe-agent

step "remove, reinstall, purge"
dpkg -r entraide-probe-agent entraide-broker || fail "dpkg -r"
for unit in entraide-probe-agent entraide-broker; do
  [ "$(state $unit)" != active ] || fail "$unit still runs after remove"
done
[ -f /etc/entraide/probe-agent.yml ] && [ -f /etc/entraide/probe-agent.token ] || fail "remove took the configuration"
dpkg -i packaging/target/entraide-probe-agent_*_all.deb packaging/target/entraide-broker_*_all.deb \
  || fail "dpkg -i again"
wait_for 60 sh -c '[ "$(systemctl show -p ActiveState --value entraide-probe-agent)" = active ]' \
  || fail "the configured agent was not started by its reinstall"
[ "$(state entraide-broker)" = active ] || fail "the configured broker was not started by its reinstall"
dpkg -P entraide-probe-agent entraide-broker || fail "dpkg -P"
for path in /etc/entraide /var/lib/entraide-broker /var/lib/private/entraide-broker /var/cache/entraide-probe-agent \
    /var/cache/private/entraide-probe-agent /usr/share/entraide-probe-agent /usr/bin/probe-agent; do
  [ ! -e "$path" ] || fail "$path left after purge"
done

echo
if [ "$failed" = 0 ]; then echo "All checks under systemd passed."; else echo "Some checks under systemd failed."; fi
