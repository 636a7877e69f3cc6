#!/usr/bin/env bash
# Makes the app image's class-data archives (AppCDS), parsed and verified once here instead of at every start
# (BENCHMARKS.md, issue 16): lib/app/outlet-kiosk.jsa, the JDK's, JavaFX's and the app's classes the kiosk loads
# before its menu (named by jpackage.cfg and packaging/kitchen-launcher.properties), and lib/app/store-server.jsa,
# those the store server loads up to its first answer (packaging/store-server-launcher.properties). The image's
# own runtime makes them, since an
# archive only fits the runtime and the jar it was made with; one that does not fit (another runtime, a
# jar with another size or modification time, as jpackage's copy into the .deb gives it; moving the
# image keeps it fitting) or is missing is skipped without a word, and the app starts as it would without it.
# Usage: packaging/build-class-archive.sh target/installer/OutletKiosk
set -euo pipefail
cd "$(dirname "$0")/.."
. packaging/store-server-address.sh
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
# the store server's start (its own launcher, its own archive): Jetty, Javalin and the poll path, loaded by its
# warm-up and a first poll, recorded until it answers; a second or so of class loading saved at every restart
# (BENCHMARKS.md, the store server against Node). Its own archive, not the kiosk's: a kiosk that mapped the
# server's ~1,200 classes too measured ~10 MB more resident after browsing (BENCHMARKS.md, kiosk memory).
JAVA_TOOL_OPTIONS="-XX:DumpLoadedClassList=$scratch/server.lst" "$image/bin/OutletStoreServer" store-server \
    --host 127.0.0.1 --port 0 --warm-up 1s --data-dir "$scratch/server" >"$scratch/server.log" 2>&1 &
server=$!
address=$(store_server_address "$scratch/server.log" "$server")
[ -z "$address" ] || curl -s -o /dev/null -H 'Accept: application/json' "$address/api/orders?outlet_id=1&since_id=0" || true
kill "$server" 2>/dev/null || true
wait "$server" || true

# The lists are kept in the image: the .deb's postinst makes its archives from them where the package is
# installed (build-deb.sh). A server that did not start leaves no list, and no archive for it.
app=$image/lib/app
cat packaging/kiosk-classes.lst "$scratch/status.lst" "$scratch/sync.lst" | grep -v '^#' | awk '!seen[$0]++' \
    >"$app/outlet-kiosk-classes.lst"
rm -f "$app/store-server-classes.lst"
[ ! -s "$scratch/server.lst" ] || grep -v '^#' "$scratch/server.lst" >"$app/store-server-classes.lst"

# -Xshare:dump writes where the launcher's own -XX:SharedArchiveFile points, and exits
dump_archive() {
    local launcher=$1 list=$2 archive=$3
    rm -f "$archive"
    [ -f "$list" ] || { echo "class-data archive: $archive not made, no class list" >&2; return 0; }
    if JAVA_TOOL_OPTIONS="-Xshare:dump -XX:SharedClassListFile=$list" "$launcher" \
            >"$scratch/dump.log" 2>&1 && [ -f "$archive" ]; then
        echo "class-data archive: $archive ($(du -h "$archive" | cut -f1), $(wc -l <"$list") classes listed)"
    else
        # the app works without it, only slower to start: say so, but do not fail the build
        echo "class-data archive: $archive not made (it starts slower); the JVM said:" >&2
        tail -5 "$scratch/dump.log" >&2
    fi
}
dump_archive "$launcher" "$app/outlet-kiosk-classes.lst" "$app/outlet-kiosk.jsa"
dump_archive "$image/bin/OutletStoreServer" "$app/store-server-classes.lst" "$app/store-server.jsa"
