#!/usr/bin/env bash
# Builds the Linux app image and proves the installed launcher runs on its own: no Maven, no JDK on
# the PATH, no JAVA_HOME, a fresh home. Run by `mvn verify` on Linux (profile app-image-check) and by hand.
set -euo pipefail
cd "$(dirname "$0")/.."
. packaging/store-server-address.sh
packaging/build-app-image.sh >/dev/null
launcher=target/installer/OutletKiosk/bin/OutletKiosk
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
bare() { env -i PATH=/usr/bin:/bin HOME="$scratch" "$@"; }

version=$(bare "$launcher" --version)
case "$version" in
    outlet-kiosk\ [0-9]*) echo "app image: $launcher --version -> $version" ;;
    *) echo "app image: --version printed '$version', expected 'outlet-kiosk <version>'" >&2; exit 1 ;;
esac

status=$(bare "$launcher" status --json --data-dir "$scratch/data" 2>"$scratch/stderr") || {
    echo "app image: status --json failed:" >&2; cat "$scratch/stderr" >&2; exit 1; }
for field in '"outlet" : 1' '"data_version" : 0' '"outbox_pending" : 0'; do
    grep -qF "$field" <<<"$status" || {
        echo "app image: status --json lacks $field; it printed:" >&2; echo "$status" >&2; exit 1; }
done
[ -f "$scratch/data/outlet-kiosk.db" ] || { echo "app image: status --json made no store" >&2; exit 1; }
# the class-data archive is there and fits the runtime and the jar (-Xshare:on refuses to start otherwise)
env -i PATH=/usr/bin:/bin HOME="$scratch" JAVA_TOOL_OPTIONS=-Xshare:on "$launcher" --version >/dev/null 2>"$scratch/stderr" || {
    echo "app image: the class-data archive does not fit (build-class-archive.sh):" >&2; cat "$scratch/stderr" >&2; exit 1; }
kitchen=target/installer/OutletKiosk/bin/OutletKitchen
[ -x "$kitchen" ] || { echo "app image: no kitchen launcher at $kitchen" >&2; exit 1; }
server=target/installer/OutletKiosk/bin/OutletStoreServer
[ -x "$server" ] || { echo "app image: no store server launcher at $server" >&2; exit 1; }
grep -q -- "-XX:TieredStopAtLevel" target/installer/OutletKiosk/lib/app/OutletStoreServer.cfg && {
    echo "app image: the store server launcher runs C1 only; it should run with C2 (store-server-launcher.properties)" >&2; exit 1; }
server_help=$(bare "$server" store-server --help 2>&1) || {
    echo "app image: $server store-server --help failed:" >&2; echo "$server_help" >&2; exit 1; }
# the store server's launcher names its own archive, and its start is in it: Jetty's Server class comes from the
# archive (build-class-archive.sh records a start), so a restart skips most of its class loading
env -i PATH=/usr/bin:/bin HOME="$scratch" JAVA_TOOL_OPTIONS="-Xshare:on -Xlog:class+load=info:file=$scratch/server-classes.txt" \
    "$server" store-server --host 127.0.0.1 --port 0 --warm-up 0s --data-dir "$scratch/server" >"$scratch/server.log" 2>&1 &
server_pid=$!
store_server_address "$scratch/server.log" "$server_pid" >/dev/null
kill "$server_pid" 2>/dev/null || true
wait "$server_pid" || true
grep -q 'org.eclipse.jetty.server.Server source: shared objects file' "$scratch/server-classes.txt" || {
    echo "app image: the store server did not start with its classes from the archive (build-class-archive.sh):" >&2
    tail -5 "$scratch/server.log" >&2; exit 1; }
echo "app image: status --json answered with an empty store in $(du -sh target/installer/OutletKiosk | cut -f1)"
