package id.outletkiosk.config;

/**
 * Every setting the app reads, with the one name it has everywhere: flag {@code --backend},
 * environment variable {@code OUTLET_KIOSK_BACKEND}, properties key {@code backend}.
 */
public enum Setting {
    BACKEND("URL", "backend", "central backend base URL, e.g. http://backend:8000 (none: demo mode)"),
    LOCAL_HTTP("URL", "local-http", "local sync server HTTP URL, e.g. http://192.168.1.10:3001"),
    LOCAL_WS("URL", "local-ws", "local sync server WebSocket URL, e.g. ws://192.168.1.10:3001/"),
    OUTLET("N", "outlet", "outlet id, a positive whole number"),
    TOKEN("TOKEN", "token", "API token sent as 'Authorization: Token ...'"),
    LOCAL_TOKEN("TOKEN", "local-token", "the outlet's shared token for the local sync server"),
    DATA_DIR("DIR", "data-dir", "folder for the local store and logs"),
    ROLE("ROLE", "role", "kiosk, kitchen or manager"),
    CONFIG("FILE", "config", "properties file with any of these settings"),
    CONNECT_TIMEOUT("DURATION", "connect-timeout", "how long to wait for a connection, e.g. 5s"),
    READ_TIMEOUT("DURATION", "read-timeout", "how long a server may stay silent mid-answer, e.g. 15s"),
    CALL_TIMEOUT("DURATION", "call-timeout", "how long one whole request may take, e.g. 60s"),
    REFRESH_INTERVAL("DURATION", "refresh-interval", "time between scheduled menu refreshes, e.g. 6h"),
    OUTDATED_AFTER("DURATION", "outdated-after", "menu older than this is flagged outdated, e.g. 24h"),
    MAX_BODY_BYTES("BYTES", "max-body-bytes", "largest server answer accepted, in bytes"),
    HEARTBEAT_INTERVAL("DURATION", "heartbeat-interval", "time between WebSocket pings, e.g. 2s"),
    HEARTBEAT_TIMEOUT("DURATION", "heartbeat-timeout", "a socket silent this long is dead, e.g. 4s"),
    POLL_INTERVAL("DURATION", "poll-interval", "local server polling while orders are open, e.g. 3s"),
    IDLE_POLL_INTERVAL("DURATION", "idle-poll-interval", "local server polling when idle, e.g. 10s"),
    RECONCILE_INTERVAL("DURATION", "reconcile-interval",
            "on a socket, re-read the order lists this often for dropped frames, e.g. 15s"),
    KIOSK_MODE("on|off|auto", "kiosk-mode",
            "full screen, no window frame, close and Escape disabled (auto: on for a kiosk with a backend)"),
    TERMINAL("NAME", "terminal",
            "this kiosk's short name, printed before its order references: K2 gives K2-0001 (default K)"),
    IDLE_TIMEOUT("DURATION", "idle-timeout", "a kiosk left alone this long asks \"still there?\", e.g. 90s"),
    TICKET_WARN_AFTER("DURATION", "ticket-warn-after", "a kitchen ticket older than this turns amber, e.g. 5m"),
    TICKET_LATE_AFTER("DURATION", "ticket-late-after", "a kitchen ticket older than this turns red, e.g. 10m"),
    NEW_ORDER_SOUND("on|off", "new-order-sound", "a short chime on the kitchen display for each new order"),
    OUTBOX_ALERT_AFTER("DURATION", "outbox-alert-after", "alert when an order has waited this long to be sent, e.g. 10m"),
    QUIET_ALERT_AFTER("DURATION", "quiet-alert-after",
            "alert when no order event arrived for this long during opening hours, e.g. 45m"),
    OPEN_HOURS("HH:MM-HH:MM", "open-hours", "when the store takes orders, e.g. 10:00-22:00 (or always)"),
    CA_FILE("FILE", "ca-file", "PEM file of extra certificate authorities to trust (store servers with their own)"),
    BACKEND_PIN("sha256/BASE64", "backend-pin", "the central backend's public key pin; any other key is refused"),
    TOKEN_IN_QUERY("on|off", "token-in-query",
            "also send the token as ?token= on WebSocket handshakes, for backends that read it there"),
    RETENTION("DURATION", "retention", "closed orders older than this are deleted from every local store, e.g. 30d");

    private final String valueLabel;
    private final String key;
    private final String description;

    Setting(String valueLabel, String key, String description) {
        this.valueLabel = valueLabel;
        this.key = key;
        this.description = description;
    }

    /** What kind of value the flag takes, for help texts: URL, N, DURATION... */
    public String valueLabel() {
        return valueLabel;
    }

    /** The properties-file key. */
    public String key() {
        return key;
    }

    public String flag() {
        return "--" + key;
    }

    public String envName() {
        return "OUTLET_KIOSK_" + key.toUpperCase(java.util.Locale.ROOT).replace('-', '_');
    }

    public String description() {
        return description;
    }

    public static Setting forKey(String key) {
        for (Setting setting : values()) {
            if (setting.key.equals(key)) {
                return setting;
            }
        }
        return null;
    }
}
