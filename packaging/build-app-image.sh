#!/usr/bin/env bash
# Builds a self-contained Linux app image (no JDK or Maven needed on the terminal) from the fat jar.
# Usage: packaging/build-app-image.sh      -> target/installer/OutletKiosk/bin/OutletKiosk (the kiosk,
#        or any command: OutletKiosk status --json), bin/OutletKitchen (the kitchen display) and
#        bin/OutletStoreServer (the store server, with its own JVM options)
# Installers (.deb, .msi, system service for the store server) come with the packaging issue.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -f target/outlet-kiosk.jar ] || mvn -B -q package -DskipTests
rm -rf target/jpackage-input target/installer/OutletKiosk
mkdir -p target/jpackage-input
cp target/outlet-kiosk.jar target/jpackage-input/
jpackage @jpackage.cfg --type app-image --icon assets/icon.png --add-launcher OutletKitchen=packaging/kitchen-launcher.properties \
    --add-launcher OutletStoreServer=packaging/store-server-launcher.properties "$@"
packaging/build-class-archive.sh target/installer/OutletKiosk
echo "app image: target/installer/OutletKiosk/bin/OutletKiosk, bin/OutletKitchen, bin/OutletStoreServer"
