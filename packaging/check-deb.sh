#!/usr/bin/env bash
# Builds the .deb from the app image packaging/check-app-image.sh has just made, checks what is in it,
# unpacks it into a temporary root and starts its launchers there with an empty environment (no JDK, no
# JAVA_HOME, a fresh home), and has systemd-analyze verify the store server's unit. Run by `mvn verify`
# on Linux after the app image check (profile app-image-check) and by hand. Where Debian's tools are
# missing it says so and skips: that is a machine without them, not a broken package.
set -euo pipefail
cd "$(dirname "$0")/.."
for tool in dpkg-deb fakeroot; do
    command -v "$tool" >/dev/null || {
        echo "deb check: skipped, no $tool here (Debian/Ubuntu: apt-get install dpkg fakeroot)"; exit 0; }
done
started=$SECONDS
# xz (dpkg's default) would spend ~90 s of a core compressing a package this check only opens again
export DPKG_DEB_COMPRESSOR_TYPE=gzip DPKG_DEB_COMPRESSOR_LEVEL=1
deb=$(packaging/build-deb.sh)
scratch=$(mktemp -d)
server_pid=
cleanup() {
    [ -z "$server_pid" ] || kill "$server_pid" 2>/dev/null || true
    rm -rf "$scratch"
}
trap cleanup EXIT
fail() { echo "deb check: $*" >&2; exit 1; }
bare() { env -i PATH=/usr/bin:/bin HOME="$scratch/home" "$@"; }
mkdir -p "$scratch/home"

# what is inside: one path a line, without the leading "."
dpkg-deb --contents "$deb" | awk '{print substr($6, 2)}' >"$scratch/contents"
app=/opt/outletkiosk
for path in "$app/bin/OutletKiosk" "$app/bin/OutletKitchen" "$app/bin/OutletStoreServer" \
        "$app/lib/app/outlet-kiosk.jar" "$app/lib/runtime/lib/server/libjvm.so" \
        "$app/lib/outletkiosk-OutletKiosk.desktop" "$app/lib/outletkiosk-OutletKitchen.desktop" \
        "$app/lib/outletkiosk-OutletStoreServer.desktop" /lib/systemd/system/outlet-kiosk-local-server.service \
        "$app/lib/app/outlet-kiosk-classes.lst" "$app/lib/app/store-server-classes.lst"; do
    grep -qxF "$path" "$scratch/contents" || fail "$deb lacks $path"
done
# the archive only fits the jar it was made with, and jpackage's copy changes the jar (build-deb.sh)
! grep -q '\.jsa$' "$scratch/contents" || fail "$deb carries a class-data archive that cannot load there"
# ...so postinst makes it where the jar is installed, and prerm takes it away
dpkg-deb --control "$deb" "$scratch/control"
for archive in outlet-kiosk store-server; do
    grep -q "^ *make_class_archive .* $archive.jsa\$" "$scratch/control/postinst" ||
        fail "postinst does not make the class-data archive $archive.jsa"
    grep -q "$archive.jsa" "$scratch/control/prerm" || fail "prerm leaves the class-data archive $archive.jsa behind"
done
# a removed package's store server stops; an upgraded one's restarts on the new jar
grep -q '^ *stop_store_server$' "$scratch/control/prerm" || fail "prerm leaves the store server running"
grep -q '^ *restart_store_server_if_running$' "$scratch/control/postinst" ||
    fail "postinst leaves an upgraded store server on the old jar"
for script in prerm postinst; do
    sh -n "$scratch/control/$script" || fail "$script is not valid sh"
done
depends=$(dpkg-deb --field "$deb" Depends)
for package in libgtk-3-0 xdg-utils; do
    grep -qE "(^|, *)$package( |,|$)" <<<"$depends" || fail "Depends lacks $package (it says: $depends)"
done

dpkg-deb --extract "$deb" "$scratch/root"
root=$scratch/root$app
grep -qx 'NoDisplay=true' "$root/lib/outletkiosk-OutletStoreServer.desktop" ||
    fail "the store server's desktop file has no NoDisplay=true: it would be in the menu"
for launcher in OutletKiosk OutletKitchen; do
    ! grep -q '^NoDisplay=true' "$root/lib/outletkiosk-$launcher.desktop" || fail "$launcher is hidden from the menu"
    # GTK reads GDK_GL before any Java runs, so the menu entry is where the kiosk's environment is set
    grep -q '^Exec=env GDK_GL=disable ' "$root/lib/outletkiosk-$launcher.desktop" ||
        fail "$launcher's menu entry does not start it with GDK_GL=disable"
done
for launcher in OutletKiosk OutletKitchen OutletStoreServer; do
    version=$(bare "$root/bin/$launcher" --version 2>&1) || fail "$launcher --version failed: $version"
    case "$version" in
        outlet-kiosk\ [0-9]*) ;;
        *) fail "$launcher --version printed '$version', expected 'outlet-kiosk <version>'" ;;
    esac
done

# the store server on a port of its choosing: it says which, answers a poll, and stops on SIGTERM
# started directly, not through bare(): a function in the background is a subshell, and its $! would be
# the subshell's, so a kill would leave the server running
env -i PATH=/usr/bin:/bin HOME="$scratch/home" "$root/bin/OutletStoreServer" store-server --host 127.0.0.1 \
    --port 0 --data-dir "$scratch/data" >"$scratch/server.out" 2>"$scratch/server.err" &
server_pid=$!
base=
for _ in $(seq 150); do
    base=$(grep -o 'store server on http://127\.0\.0\.1:[0-9]*' "$scratch/server.out" 2>/dev/null | cut -d' ' -f4) || true
    [ -n "$base" ] && break
    kill -0 "$server_pid" 2>/dev/null || break
    sleep 0.2
done
[ -n "$base" ] || { cat "$scratch/server.err" >&2; fail "the store server did not start within 30 s"; }
answer=$(curl -fsS --max-time 10 "$base/api/orders?outlet_id=1&since_id=0") || fail "GET $base/api/orders failed"
[ "$answer" = "[]" ] || fail "GET /api/orders on an empty store answered '$answer', expected []"
kill -TERM "$server_pid"
wait "$server_pid" || [ $? -eq 143 ] || fail "the store server did not stop cleanly on SIGTERM"
server_pid=

# systemd-analyze wants ExecStart's program to exist: verify a copy of the packaged unit whose paths point
# into the unpacked root. It reports a bad line as a warning and still exits 0, so any word about the unit
# fails the check. User= is not looked up, and it needs no running systemd (works in a container).
if [ -x /usr/bin/systemd-analyze ]; then
    mkdir -p "$scratch/unit"
    unit=$scratch/unit/outlet-kiosk-local-server.service
    sed "s#$app/#$root/#g" "$scratch/root/lib/systemd/system/outlet-kiosk-local-server.service" >"$unit"
    verdict=$(/usr/bin/systemd-analyze verify --man=no "$unit" 2>&1) && ! grep -q 'outlet-kiosk' <<<"$verdict" ||
        fail "systemd-analyze verify on the unit said: $verdict"
    unit_checked="the unit passes systemd-analyze verify"
else
    unit_checked="unit not verified: no /usr/bin/systemd-analyze here (Debian: apt-get install systemd)"
fi
echo "deb check: $deb ($(du -h "$deb" | cut -f1)): contents and Depends as expected; three launchers answer" \
    "--version, the store server answered a poll on $base; $unit_checked; $((SECONDS - started)) s"
