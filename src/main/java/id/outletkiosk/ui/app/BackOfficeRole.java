package id.outletkiosk.ui.app;

import id.outletkiosk.ui.MenuWindow;
import id.outletkiosk.ui.Messages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The back office's composition root (the manager role at a desk): the menu as the store holds it and
 * a refresh button when there is a backend to refresh from. The manager's panel opens over it as over
 * any screen.
 */
public final class BackOfficeRole {
    private static final Logger LOG = LoggerFactory.getLogger(BackOfficeRole.class);

    private BackOfficeRole() {
    }

    public static MenuWindow window(RunningTerminal terminal, Messages messages) {
        Runnable refresh = terminal.canRefresh() ? () -> terminal.refreshNow().whenComplete((result, failure) -> {
            if (failure != null) {
                LOG.info("manual refresh failed: {}", failure.getMessage());
            }
        }) : null;
        return new MenuWindow(terminal, terminal.runtime().catalog(), refresh, messages);
    }
}
