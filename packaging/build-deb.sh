#!/usr/bin/env bash
# Builds the Debian package from the app image (packaging/build-app-image.sh makes it when it is not
# there yet, so `mvn verify` builds the runtime and the launchers once for both): /opt/outletkiosk with
# the three launchers, menu entries for the kiosk and the kitchen display (the store server's has
# NoDisplay=true, packaging/deb-resources; the kiosk's and kitchen's start with GDK_GL=disable), the icon from assets/, and the store server's systemd unit in
# /lib/systemd/system, inert until an operator enables it. Needs fakeroot and dpkg-deb (Debian's own tools).
# Compression is dpkg-deb's default (xz) unless DPKG_DEB_COMPRESSOR_TYPE / _LEVEL say otherwise.
# Usage: packaging/build-deb.sh   -> prints target/installer/outletkiosk_0.1.0-1_amd64.deb
set -euo pipefail
cd "$(dirname "$0")/.."
image=target/installer/OutletKiosk
[ -x "$image/bin/OutletKiosk" ] || packaging/build-app-image.sh >/dev/null
stage=target/deb-stage
rm -rf "$stage"
mkdir -p "$stage"
trap 'rm -rf "$stage"' EXIT
# hard links: the 200 MB image is not copied. The class-data archives stay out: jpackage's copy gives the
# jar a new modification time, and JDK 17 refuses an archive whose jar changed, so in the package they
# would be 46 MB that never load (checked by packaging/check-deb.sh)
cp -al "$image" "$stage/OutletKiosk"
rm -f "$stage/OutletKiosk/lib/app/"*.jsa
# ...and postinst (packaging/deb-resources) makes them where the jar is installed, from the image's class lists
# (build-class-archive.sh: the kiosk's start and the CLI's; the store server's); the kiosk's recorded one if none
[ -f "$stage/OutletKiosk/lib/app/outlet-kiosk-classes.lst" ] \
    || cp packaging/kiosk-classes.lst "$stage/OutletKiosk/lib/app/outlet-kiosk-classes.lst"
# name, version, vendor and description come from jpackage.cfg, the one place they are written
grep -E '^--(name|app-version|vendor|description) ' jpackage.cfg >"$stage/package.cfg"

# jpackage lays out the package tree and its control files, and keeps them in --temp; its own .deb is
# left uncompressed and thrown away, since the unit goes outside /opt, where jpackage cannot put a file
DPKG_DEB_COMPRESSOR_TYPE=none jpackage @"$stage/package.cfg" --type deb --app-image "$stage/OutletKiosk" \
    --temp "$stage/jpackage" --dest "$stage/unfinished" --icon assets/icon.png \
    --resource-dir packaging/deb-resources \
    --linux-shortcut --linux-menu-group "Office" --linux-package-deps libgtk-3-0 \
    --linux-app-category misc "$@" >/dev/null
tree="$stage/jpackage/images"
unfinished=$(ls "$stage"/unfinished/*.deb)
install -D -m 644 packaging/outlet-kiosk-local-server.service "$tree/lib/systemd/system/outlet-kiosk-local-server.service"
sed -i "s/^Installed-Size: .*/Installed-Size: $(du -sk --exclude=DEBIAN "$tree" | cut -f1)/" "$tree/DEBIAN/control"
mkdir -p target/installer
deb="target/installer/$(basename "$unfinished")"
dpkg-deb --root-owner-group --build "$tree" "$deb" >/dev/null
echo "$deb"
