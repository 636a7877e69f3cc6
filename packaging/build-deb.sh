#!/usr/bin/env bash
# Builds the Debian package (installs to /opt/outletkiosk, menu entries for the kiosk and the kitchen
# display started with GDK_GL=disable, icon from assets/, a class-data archive made at install) from the
# fat jar. Needs fakeroot and dpkg-deb (Debian's own tools).
# Usage: packaging/build-deb.sh   -> target/installer/outletkiosk_0.1.0-1_amd64.deb
set -euo pipefail
cd "$(dirname "$0")/.."
[ -f target/outlet-kiosk.jar ] || mvn -B -q package -DskipTests
rm -rf target/jpackage-input
mkdir -p target/jpackage-input target/installer
cp target/outlet-kiosk.jar target/jpackage-input/
# postinst (packaging/deb-resources) makes the class-data archive from this list where the jar is installed
cp packaging/kiosk-classes.lst target/jpackage-input/outlet-kiosk-classes.lst
# the JavaFX natives sit inside the jar; GTK comes from the system
jpackage @jpackage.cfg --type deb --icon assets/icon.png --add-launcher OutletKitchen=packaging/kitchen-launcher.properties \
    --add-launcher OutletStoreServer=packaging/store-server-launcher.properties \
    --resource-dir packaging/deb-resources \
    --linux-shortcut --linux-menu-group "Office" --linux-package-deps libgtk-3-0 \
    --linux-app-category misc "$@"
ls -1 target/installer/*.deb
