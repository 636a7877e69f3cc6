package id.outletkiosk.ui.kiosk;

/** The customer's way through the kiosk; every screen but the welcome goes back to it when left alone. */
public enum KioskScreen {
    WELCOME, MENU, CHECKOUT, CONFIRMATION
}
