package id.outletkiosk.testing;

import org.testfx.api.FxRobot;

/** A manager's way into the panel, by touch, as the manager tests take it. */
public final class ManagerPanels {
    private ManagerPanels() {
    }

    /** The PIN typed on the pad and entered. */
    public static void typePin(FxRobot robot, String pin) {
        for (char digit : pin.toCharArray()) {
            robot.clickOn("#pin-key-" + digit);
        }
        robot.clickOn("#pin-enter");
    }

    /**
     * The back office's panel button, the PIN, and the panel with its tab headers: the tab pane's skin makes
     * them on a later pulse than the panel shows, and a busy machine can be asked to click one before it exists.
     */
    public static void open(FxRobot robot, String pin) {
        robot.clickOn("#open-manager-panel");
        FxAwait.visible(robot, "#pin-pad");
        typePin(robot, pin);
        FxAwait.visible(robot, "#manager-panel");
        FxAwait.visible(robot, "#tab-outbox");
    }
}
