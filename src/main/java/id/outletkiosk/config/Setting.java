package id.outletkiosk.config;

import id.outletkiosk.security.AddressRange;

/**
 * Every setting the app reads, declared once: its one name everywhere (flag {@code --backend},
 * environment variable {@code OUTLET_KIOSK_BACKEND}, properties key {@code backend}), the kind of value
 * it takes (which parses and checks it), its default and its description. Adding a setting is one
 * constant here; code reads it with {@link Settings#get(Setting)}.
 */
public enum Setting {
    // key, kind, default (null: none), a manager changes it in the panel, description
    BACKEND("backend", SettingKind.HTTP_URL, null, true, "central backend base URL, e.g. http://backend:8000 (none: demo mode)"),
    LOCAL_HTTP("local-http", SettingKind.HTTP_URL, null, true, "store server HTTP URL, e.g. http://192.168.1.10:3001"),
    LOCAL_WS("local-ws", SettingKind.WS_URL, null, true,
            "store server WebSocket URL, e.g. ws://192.168.1.10:3001/ (default: on the HTTP port)"),
    OUTLET("outlet", SettingKind.POSITIVE, "1", true, "outlet id, a positive whole number"),
    TOKEN("token", SettingKind.TOKEN, null, false, "API token sent as 'Authorization: Token ...'"),
    LOCAL_TOKEN("local-token", SettingKind.TOKEN, null, false, "the outlet's shared token for the store server"),
    DATA_DIR("data-dir", SettingKind.FOLDER, null, false, "folder for the local store and logs"),
    ROLE("role", SettingKind.ROLE, "kiosk", true, "kiosk, kitchen, manager or pickup (the customers' pickup screen)"),
    CONFIG("config", SettingKind.FILE, null, false, "properties file with any of these settings"),
    CONNECT_TIMEOUT("connect-timeout", SettingKind.DURATION, "5s", false, "how long to wait for a connection, e.g. 5s"),
    READ_TIMEOUT("read-timeout", SettingKind.DURATION, "15s", false,
            "how long a server may stay silent mid-answer, e.g. 15s"),
    CALL_TIMEOUT("call-timeout", SettingKind.DURATION, "60s", false, "how long one whole request may take, e.g. 60s"),
    REFRESH_INTERVAL("refresh-interval", SettingKind.DURATION, "6h", true,
            "time between scheduled menu refreshes, e.g. 6h"),
    OUTDATED_AFTER("outdated-after", SettingKind.DURATION, "24h", true,
            "menu older than this is flagged outdated, e.g. 24h"),
    MAX_BODY_BYTES("max-body-bytes", SettingKind.BYTES, "67108864", false, "largest server answer accepted, in bytes"),
    HEARTBEAT_INTERVAL("heartbeat-interval", SettingKind.DURATION, "2s", false, "time between WebSocket pings, e.g. 2s"),
    HEARTBEAT_TIMEOUT("heartbeat-timeout", SettingKind.DURATION, "4s", false,
            "how long a live order server may take to answer a WebSocket handshake or an order list, e.g. 4s"),
    PONG_TIMEOUT("pong-timeout", SettingKind.DURATION, "800ms", false,
            "a ping unanswered this long means the socket is dead (half-open), e.g. 800ms"),
    POLL_INTERVAL("poll-interval", SettingKind.DURATION, "3s", false,
            "store server polling while orders are open, e.g. 3s"),
    IDLE_POLL_INTERVAL("idle-poll-interval", SettingKind.DURATION, "10s", false, "store server polling when idle, e.g. 10s"),
    RECONCILE_INTERVAL("reconcile-interval", SettingKind.DURATION, "15s", false,
            "on a socket, re-read the order lists this often for dropped frames, e.g. 15s"),
    HEALTH_REPORT_INTERVAL("health-report-interval", SettingKind.DURATION, "15s", false,
            "how often this terminal tells the store server its health (and at once on a transport change), e.g. 15s"),
    KIOSK_MODE("kiosk-mode", SettingKind.ON_OFF_AUTO, "auto", true,
            "full screen, no window frame, close and Escape disabled (auto: on for a kiosk with a backend)"),
    TERMINAL("terminal", SettingKind.TERMINAL_NAME, "K", true,
            "this kiosk's short name, printed before its order references: K2 gives K2-0001 (default K)"),
    IDLE_TIMEOUT("idle-timeout", SettingKind.DURATION, "90s", true,
            "a kiosk left alone this long asks \"still there?\", e.g. 90s"),
    TICKET_WARN_AFTER("ticket-warn-after", SettingKind.DURATION, "5m", true,
            "a kitchen ticket older than this turns amber, e.g. 5m"),
    TICKET_LATE_AFTER("ticket-late-after", SettingKind.DURATION, "10m", true,
            "a kitchen ticket older than this turns red, e.g. 10m"),
    STATION("station", SettingKind.STATION, null, true,
            "a kitchen display's station: the menu categories it cooks, by name or id, comma-separated (Minuman "
            + "for the drinks bar), or expo; unset shows whole orders"),
    NEW_ORDER_SOUND("new-order-sound", SettingKind.ON_OFF, "on", true,
            "a short chime on the kitchen display for new orders, on the pickup screen for orders ready"),
    OUTBOX_ALERT_AFTER("outbox-alert-after", SettingKind.DURATION, "10m", true,
            "alert when an order has waited this long to be sent, e.g. 10m"),
    QUIET_ALERT_AFTER("quiet-alert-after", SettingKind.DURATION, "45m", true,
            "alert when no order event arrived for this long during opening hours, e.g. 45m"),
    OPEN_HOURS("open-hours", SettingKind.OPEN_HOURS, "10:00-22:00", true,
            "when the outlet takes orders, e.g. 10:00-22:00 (or always)"),
    CA_FILE("ca-file", SettingKind.CERTIFICATES, null, false,
            "PEM file of extra certificate authorities to trust (store servers with their own)"),
    BACKEND_PIN("backend-pin", SettingKind.KEY_PIN, null, false,
            "the central backend's public key pin; any other key is refused"),
    TOKEN_IN_QUERY("token-in-query", SettingKind.ON_OFF, "off", false,
            "also send the token as ?token= on WebSocket handshakes, for backends that read it there"),
    RETENTION("retention", SettingKind.DURATION, "30d", false,
            "closed orders older than this are deleted from every local store, e.g. 30d"),
    CENTRAL_KITCHEN_STATUS_PATH("central-kitchen-status-path", SettingKind.SERVER_PATH, null, false,
            "the backend's route that takes the kitchen's open/busy/paused state and tells every screen, "
                    + "e.g. /admin/api/kitchen-status/ (none: the kitchen's state goes to the store server only)"),
    STATUS_ALLOW("status-allow", SettingKind.ADDRESS_RANGES, AddressRange.format(AddressRange.STORE_LAN), false,
            "the store server's /status page and /metrics open without its token to these addresses, CIDR, "
                    + "comma-separated (default: this PC and the store LAN's private ranges; none: the token only)");

    private final String key;
    private final SettingKind<?> kind;
    private final String defaultText;
    private final boolean managerEdits;
    private final String description;

    Setting(String key, SettingKind<?> kind, String defaultText, boolean managerEdits, String description) {
        this.key = key;
        this.kind = kind;
        this.defaultText = defaultText;
        this.managerEdits = managerEdits;
        this.description = description;
    }

    /** How its text becomes a value, and what the flag takes. */
    public SettingKind<?> kind() {
        return kind;
    }

    /** The value when nothing sets it, as a person would write it; null when it has none. */
    public String defaultText() {
        return defaultText;
    }

    /** A store manager changes it in the manager panel's settings tab (the rest is set up at install). */
    public boolean managerEdits() {
        return managerEdits;
    }

    /** Tokens: never shown, never logged. */
    public boolean isSecret() {
        return kind == SettingKind.TOKEN;
    }

    /** What kind of value the flag takes, for help texts: URL, N, DURATION... */
    public String valueLabel() {
        return kind.label();
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
