#!/usr/bin/env bash
# Installs npm's ep_etherpad-lite 1.8.14 (the only Etherpad on npm) so that EtherpadRealTest can start a real one.
# The install takes minutes, so it is cached outside target/ and done once per machine.
# As installed, 1.8.14 refuses to start ("Could not identity Etherpad base path"): it expects its package folder
# to be src/ beside a node_modules/ep_etherpad-lite link to it, as in a git checkout.
# Prints the install folder on its last line.
set -euo pipefail

VERSION=1.8.14
DEST="${ENTRAIDE_ETHERPAD_HOME:-$HOME/.cache/entraide/etherpad-$VERSION}"

if [ -f "$DEST/.installed" ]; then
  echo "$DEST"
  exit 0
fi
command -v node >/dev/null && command -v npm >/dev/null || { echo "node and npm are needed" >&2; exit 3; }
# Status 4, which the test takes as a reason to skip: this machine cannot reach npm's registry.
timeout 60 npm ping --fetch-retries=0 --fetch-timeout=15000 --loglevel=error >/dev/null 2>&1 || { echo "npm's registry cannot be reached (npm ping)" >&2; exit 4; }

# Build beside the destination and move it in place only when complete, so a broken install is never used.
WORK="$DEST.partial.$$"
trap 'rm -rf "$WORK"' EXIT
rm -rf "$WORK"
mkdir -p "$WORK"
cd "$WORK"
echo '{"name":"entraide-etherpad-test","version":"1.0.0","private":true}' > package.json
npm install --no-audit --no-fund --omit=dev --loglevel=error "ep_etherpad-lite@$VERSION" >&2
mv node_modules/ep_etherpad-lite src
ln -s ../src node_modules/ep_etherpad-lite
touch .installed
rm -rf "$DEST"
mkdir -p "$(dirname "$DEST")"
mv "$WORK" "$DEST"
trap - EXIT
echo "$DEST"
