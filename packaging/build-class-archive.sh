#!/usr/bin/env bash
# Makes the app image's class-data archive (AppCDS), lib/app/outlet-kiosk.jsa: the JDK's, JavaFX's and
# the app's classes the kiosk loads before its menu, parsed and verified once here instead of at every
# start (BENCHMARKS.md, issue 16), and those the store server loads up to its first answer. All three launchers
# name it (-XX:SharedArchiveFile=$APPDIR/outlet-kiosk.jsa in jpackage.cfg, packaging/kitchen-launcher.properties
# and packaging/store-server-launcher.properties). The image's own runtime makes it, since an
# archive only fits the runtime and the jar it was made with; one that does not fit (another runtime, a
# jar with another size or modification time, as jpackage's copy into the .deb gives it; moving the
# image keeps it fitting) or is missing is skipped without a word, and the app starts as it would without it.
# Usage: packaging/build-class-archive.sh target/installer/OutletKiosk
set -euo pipefail
cd "$(dirname "$0")/.."
image=${1:?usage: $0 <app image folder>}
launcher=$image/bin/OutletKiosk
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
export HOME="$scratch" OUTLET_KIOSK_LOG_LEVEL=WARN

# the class list: the kiosk's start as recorded on a screen (packaging/record-class-list.sh), plus the
# command-line paths that need no screen, recorded now with this very jar
JAVA_TOOL_OPTIONS="-XX:DumpLoadedClassList=$scratch/status.lst" "$launcher" status --json \
    --data-dir "$scratch/store" >/dev/null 2>&1
JAVA_TOOL_OPTIONS="-XX:DumpLoadedClassList=$scratch/sync.lst" "$launcher" sync --once \
    --backend http://127.0.0.1:9 --connect-timeout 1s --data-dir "$scratch/store" >/dev/null 2>&1 || true
# the store server's start (its own launcher, which names the same archive): Jetty, Javalin and the poll path,
# loaded by its warm-up and a first poll, recorded until it answers; a second or so of class loading saved at
# every restart (BENCHMARKS.md, the store server against Node)
JAVA_TOOL_OPTIONS="-XX:DumpLoadedClassList=$scratch/server.lst" "$image/bin/OutletStoreServer" store-server \
    --host 127.0.0.1 --port 0 --warm-up 1s --data-dir "$scratch/server" >"$scratch/server.log" 2>&1 &
server=$!
address=
for _ in $(seq 600); do
    address=$(grep -so 'store server on http://127.0.0.1:[0-9]*' "$scratch/server.log" | cut -d' ' -f4 || true)
    [ -n "$address" ] || ! kill -0 "$server" 2>/dev/null && break
    sleep 0.1
done
[ -z "$address" ] || curl -s -o /dev/null -H 'Accept: application/json' "$address/api/orders?outlet_id=1&since_id=0" || true
kill "$server" 2>/dev/null || true
wait "$server" || true
touch "$scratch/server.lst" # a server that did not start leaves the list as before, and the archive without it
# kept in the image: the .deb's postinst makes its archive from it where the package is installed (build-deb.sh)
cat packaging/kiosk-classes.lst "$scratch/status.lst" "$scratch/sync.lst" "$scratch/server.lst" | grep -v '^#' \
    | awk '!seen[$0]++' >"$image/lib/app/outlet-kiosk-classes.lst"
cp "$image/lib/app/outlet-kiosk-classes.lst" "$scratch/classes.lst"

# -Xshare:dump writes where the launcher's own -XX:SharedArchiveFile points, and exits
rm -f "$image/lib/app/outlet-kiosk.jsa"
if JAVA_TOOL_OPTIONS="-Xshare:dump -XX:SharedClassListFile=$scratch/classes.lst" "$launcher" \
        >"$scratch/dump.log" 2>&1 && [ -f "$image/lib/app/outlet-kiosk.jsa" ]; then
    echo "class-data archive: $image/lib/app/outlet-kiosk.jsa ($(du -h "$image/lib/app/outlet-kiosk.jsa" | cut -f1)," \
        "$(wc -l <"$scratch/classes.lst") classes listed)"
else
    # the app works without it, only slower to start: say so, but do not fail the build
    echo "class-data archive: not made (the app starts slower); the JVM said:" >&2
    tail -5 "$scratch/dump.log" >&2
fi
