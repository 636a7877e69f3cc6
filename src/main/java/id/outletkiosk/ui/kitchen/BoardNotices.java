package id.outletkiosk.ui.kitchen;

import id.outletkiosk.config.Durations;
import id.outletkiosk.model.FeedMode;
import id.outletkiosk.model.FeedStatus;
import id.outletkiosk.ui.Messages;
import id.outletkiosk.ui.Terminal;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import javafx.scene.control.Label;

/**
 * The two lines over the board: the connection banner (where orders come from while the board is off
 * the central socket) and the red line of a refused bump.
 */
final class BoardNotices {
    private final KitchenBoardViewModel board;
    private final Terminal terminal;
    private final Messages messages;
    private final DateTimeFormatter clock;
    private final Label banner;
    private final Label refusal;

    BoardNotices(KitchenBoardViewModel board, Terminal terminal, Messages messages, DateTimeFormatter clock,
            Label banner, Label refusal) {
        this.board = board;
        this.terminal = terminal;
        this.messages = messages;
        this.clock = clock;
        this.banner = banner;
        this.refusal = refusal;
    }

    void showRefusal() {
        KitchenBoardViewModel.Refusal shown = board.refusalProperty().get();
        refusal.setVisible(shown != null);
        refusal.setManaged(shown != null);
        if (shown != null) {
            String reason = shown.byHeadOffice() ? messages.get("kitchen.refused_by_head_office", shown.reason())
                    : shown.reason();
            refusal.setText(messages.get("kitchen.refused", shown.orderNumber(), reason));
        }
    }

    /** Always there when the board is not on the central socket: where orders come from, since when, how many. */
    void showBanner() {
        FeedStatus status = board.feedProperty().get();
        boolean degraded = status != null && status.mode() != FeedMode.ONLINE;
        banner.setVisible(degraded);
        banner.setManaged(degraded);
        if (!degraded) {
            return;
        }
        ZoneId zone = terminal.clock().getZone();
        String since = clock.format(status.modeSince().atZone(zone));
        String mode = switch (status.mode()) {
            case LOCAL -> messages.get("kitchen.banner.local", since);
            case POLLING -> messages.get("kitchen.banner.polling",
                    Durations.format(terminal.pollInterval()), since);
            default -> messages.get("kitchen.banner.offline", since);
        };
        banner.setText(mode + " · " + messages.get("kitchen.banner.received", board.receivedSinceDropProperty().get()));
        banner.getStyleClass().remove("offline");
        if (status.mode() == FeedMode.OFFLINE) {
            banner.getStyleClass().add("offline");
        }
    }
}
