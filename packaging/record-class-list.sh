#!/usr/bin/env bash
# Records which classes the kiosk loads from process start to its menu, into packaging/kiosk-classes.lst:
# build-app-image.sh turns that list into the class-data archive shipped in the app image (faster start;
# see BENCHMARKS.md, issue 16). Run it again when the start path changes a lot; a stale list only costs
# speed (classes it misses load from the jar as before, classes it names that are gone are skipped).
# Needs the app image (packaging/build-app-image.sh), an X display (e.g. Xvfb :77 &, DISPLAY=:77) and
# xdotool, since the kiosk's start is recorded as a customer sees it: GTK window, welcome tap, menu.
set -euo pipefail
cd "$(dirname "$0")/.."
: "${DISPLAY:?an X display is needed (e.g. Xvfb :77 -screen 0 1920x1080x24 -nolisten tcp &, DISPLAY=:77)}"
launcher=target/installer/OutletKiosk/bin/OutletKiosk
[ -x "$launcher" ] || { echo "build the app image first: packaging/build-app-image.sh" >&2; exit 1; }
scratch=$(mktemp -d)
backend_pid=
kiosk_pid=
cleanup() {
    [ -z "$kiosk_pid" ] || kill "$kiosk_pid" 2>/dev/null || true
    [ -z "$backend_pid" ] || kill "$backend_pid" 2>/dev/null || true
    rm -rf "$scratch"
}
trap cleanup EXIT
export HOME="$scratch" OUTLET_KIOSK_LOG_LEVEL=WARN
record() { JAVA_TOOL_OPTIONS="-XX:DumpLoadedClassList=$scratch/$1.lst" "${@:2}"; }

port=$((20000 + RANDOM % 20000))
"$launcher" demo-backend --port "$port" --generate 500 >"$scratch/backend.log" 2>&1 &
backend_pid=$!
for _ in $(seq 100); do grep -q 'reference backend on' "$scratch/backend.log" && break; sleep 0.2; done
backend="http://127.0.0.1:$port"
record sync "$launcher" sync --once --backend "$backend" --data-dir "$scratch/store" >/dev/null
record status "$launcher" status --json --data-dir "$scratch/store" >/dev/null

# the kiosk: wait for its window, tap the welcome screen, give the menu and its pictures time to show
# (started directly, not through record(): $! must be the launcher itself, or kill would miss it)
JAVA_TOOL_OPTIONS="-XX:DumpLoadedClassList=$scratch/kiosk.lst" "$launcher" ui --backend "$backend" \
    --data-dir "$scratch/store" --kiosk-mode off >/dev/null 2>&1 &
kiosk_pid=$!
window=$(xdotool search --sync --onlyvisible --name 'Outlet Kiosk' | head -1)
sleep 3
xdotool mousemove --window "$window" 400 300 click 1
sleep 5
kill "$kiosk_pid"
wait "$kiosk_pid" || true
kiosk_pid=

# one list, first appearance kept; the probes' own lines are not part of the app
cat "$scratch/kiosk.lst" "$scratch/sync.lst" "$scratch/status.lst" | grep -v '^#' | awk '!seen[$0]++' \
    >packaging/kiosk-classes.lst
echo "packaging/kiosk-classes.lst: $(wc -l <packaging/kiosk-classes.lst) classes"
