@rem Windows installer (.msi). Run on Windows with JDK 17 and the WiX Toolset 3.x on PATH (jpackage
@rem needs WiX for .msi); it cannot be built on Linux. From the project folder:
@rem   mvn -B -q package -DskipTests
@rem   packaging\build-msi.cmd          ->  target\installer\OutletKiosk-0.1.0.msi
@rem Start menu and desktop shortcuts for the kiosk and the kitchen display, a folder chooser, and a
@rem fixed upgrade code so a newer .msi replaces an older one.
@echo off
rmdir /s /q target\jpackage-input 2>nul
mkdir target\jpackage-input
copy target\outlet-kiosk.jar target\jpackage-input\ >nul
jpackage @jpackage.cfg --type msi --icon assets\icon.ico ^
    --add-launcher OutletKitchen=packaging\kitchen-launcher.properties ^
    --win-menu --win-menu-group "Outlet Kiosk" --win-shortcut --win-dir-chooser ^
    --win-upgrade-uuid 6b0f1c2e-6a44-4f0e-9a8c-2f4f3c1d7e51
