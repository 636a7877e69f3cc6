package id.outletkiosk.config;

import id.outletkiosk.security.AddressRange;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Validated settings of one run: a value (or none) for each {@link Setting}, read with
 * {@link #get(Setting)}. {@code backend() == null} means no central backend is configured (demo mode
 * for the app). The named accessors below group what components take as one unit; {@link #toString()}
 * never shows a token.
 */
public final class Settings {
    private final Map<Setting, Object> values;
    private final Path configFile;

    /** @param values each setting's parsed value (a setting without one absent); {@code data-dir} resolved */
    Settings(Map<Setting, Object> values, Path configFile) {
        EnumMap<Setting, Object> copy = new EnumMap<>(Setting.class);
        copy.putAll(values);
        this.values = Collections.unmodifiableMap(copy);
        this.configFile = configFile;
    }

    /**
     * How the realtime feed paces itself. A socket is pinged every {@code heartbeatInterval} and is dead when
     * a ping goes {@code pongTimeout} without an answer (anything heard counts), so a half-open socket is found
     * at most interval + pong timeout after it froze. {@code heartbeatTimeout} is the patience for a live
     * order server's handshake and lists.
     */
    public record FeedTimings(Duration heartbeatInterval, Duration heartbeatTimeout, Duration pollInterval,
            Duration idlePollInterval, Duration reconcileInterval, Duration pongTimeout) {
    }

    /**
     * How the customer screen behaves: {@code fullScreen} is kiosk mode (no frame, close and Escape
     * disabled); after {@code idleTimeout} without a touch it asks "still there?". {@code terminal}
     * starts its order references ("K2-0001"), so two kiosks in one outlet never print the same one.
     */
    public record KioskOptions(boolean fullScreen, Duration idleTimeout, String terminal) {
    }

    /** The kitchen display: tickets turn amber after {@code warnAfter}, red after {@code lateAfter}. */
    public record KitchenOptions(Duration warnAfter, Duration lateAfter, boolean sound, KitchenDuty duty) {
        public KitchenOptions {
            duty = duty == null ? KitchenDuty.WHOLE_ORDERS : duty;
        }
    }

    /**
     * When the manager's alerts fire: an order waiting longer than {@code outboxWaitAfter}; no order event
     * for {@code quietAfter} while the outlet is open ({@code opens} to {@code closes}, local time; equal
     * means always open; {@code closes} before {@code opens} runs past midnight).
     */
    public record AlertOptions(Duration outboxWaitAfter, Duration quietAfter, LocalTime opens, LocalTime closes) {
        public boolean isOpenAt(LocalTime time) {
            if (opens.equals(closes)) {
                return true;
            }
            return opens.isBefore(closes) ? !time.isBefore(opens) && time.isBefore(closes)
                    : !time.isBefore(opens) || time.isBefore(closes);
        }
    }

    /**
     * Whom to trust beyond the system's store ({@code caFile}, PEM, or null), the central backend's
     * public-key pin (or null), and whether WebSocket handshakes also carry the token in the query.
     */
    public record TlsOptions(Path caFile, String backendPin, boolean tokenInQuery) {
    }

    /**
     * The value of {@code setting} as its {@link SettingKind} parses it (a {@code Duration} for a duration,
     * and so on), or null when it has none.
     */
    @SuppressWarnings("unchecked")
    public <T> T get(Setting setting) {
        return (T) values.get(setting);
    }

    /** The value of {@code setting} as a person writes it ({@code 6h}, {@code on}); empty when it has none. */
    public String display(Setting setting) {
        return setting.kind().formatValue(setting == Setting.CONFIG ? configFile : values.get(setting));
    }

    /** A copy with {@code setting} set to {@code value} (of its kind's type), or removed for null. */
    public Settings with(Setting setting, Object value) {
        Map<Setting, Object> changed = new EnumMap<>(Setting.class);
        changed.putAll(values);
        if (value == null) {
            changed.remove(setting);
        } else {
            changed.put(setting, value);
        }
        return new Settings(changed, configFile);
    }

    public URI backend() {
        return get(Setting.BACKEND);
    }

    public URI localHttp() {
        return get(Setting.LOCAL_HTTP);
    }

    public URI localWs() {
        return get(Setting.LOCAL_WS);
    }

    public int outlet() {
        return this.<Integer>get(Setting.OUTLET);
    }

    public String token() {
        return get(Setting.TOKEN);
    }

    public String localToken() {
        return get(Setting.LOCAL_TOKEN);
    }

    public Path dataDir() {
        return get(Setting.DATA_DIR);
    }

    public Role role() {
        return get(Setting.ROLE);
    }

    /** The file these settings were read from, or null when none was. */
    public Path configFile() {
        return configFile;
    }

    public Duration connectTimeout() {
        return get(Setting.CONNECT_TIMEOUT);
    }

    public Duration readTimeout() {
        return get(Setting.READ_TIMEOUT);
    }

    public Duration callTimeout() {
        return get(Setting.CALL_TIMEOUT);
    }

    public Duration refreshInterval() {
        return get(Setting.REFRESH_INTERVAL);
    }

    public Duration outdatedAfter() {
        return get(Setting.OUTDATED_AFTER);
    }

    public long maxBodyBytes() {
        return this.<Long>get(Setting.MAX_BODY_BYTES);
    }

    public Duration retention() {
        return get(Setting.RETENTION);
    }

    public FeedTimings feedTimings() {
        return new FeedTimings(get(Setting.HEARTBEAT_INTERVAL), get(Setting.HEARTBEAT_TIMEOUT),
                get(Setting.POLL_INTERVAL), get(Setting.IDLE_POLL_INTERVAL), get(Setting.RECONCILE_INTERVAL),
                get(Setting.PONG_TIMEOUT));
    }

    public KioskOptions kiosk() {
        return new KioskOptions(this.<Boolean>get(Setting.KIOSK_MODE), get(Setting.IDLE_TIMEOUT), get(Setting.TERMINAL));
    }

    public KitchenOptions kitchen() {
        return new KitchenOptions(get(Setting.TICKET_WARN_AFTER), get(Setting.TICKET_LATE_AFTER),
                this.<Boolean>get(Setting.NEW_ORDER_SOUND), get(Setting.STATION));
    }

    public AlertOptions alerts() {
        SettingKind.OpenHours hours = get(Setting.OPEN_HOURS);
        return new AlertOptions(get(Setting.OUTBOX_ALERT_AFTER), get(Setting.QUIET_ALERT_AFTER), hours.opens(),
                hours.closes());
    }

    public TlsOptions tls() {
        return new TlsOptions(get(Setting.CA_FILE), get(Setting.BACKEND_PIN), this.<Boolean>get(Setting.TOKEN_IN_QUERY));
    }

    /** Who may read the store server's status page and metrics without its token. */
    public List<AddressRange> statusAllow() {
        return get(Setting.STATUS_ALLOW);
    }

    public boolean hasBackend() {
        return backend() != null;
    }

    public boolean hasToken() {
        return token() != null && !token().isEmpty();
    }

    /** The SQLite file of the local store: master data, orders and outbox. */
    public Path storeFile() {
        return dataDir().resolve("outlet-kiosk.db");
    }

    public Settings withBackend(URI newBackend) {
        return with(Setting.BACKEND, newBackend);
    }

    public Settings withDataDir(Path newDataDir) {
        return with(Setting.DATA_DIR, newDataDir);
    }

    public Settings withLocalServer(URI newLocalHttp, URI newLocalWs) {
        return with(Setting.LOCAL_HTTP, newLocalHttp).with(Setting.LOCAL_WS, newLocalWs);
    }

    /** The demo's terminals share one configuration but each plays its own part. */
    public Settings withRole(Role newRole) {
        return with(Setting.ROLE, newRole);
    }

    @Override
    public String toString() {
        StringJoiner shown = new StringJoiner(", ", "Settings[", "]");
        for (Setting setting : Setting.values()) {
            String value = display(setting);
            shown.add(setting.key() + "=" + (setting.isSecret() ? (value.isEmpty() ? "(none)" : "(set)") : value));
        }
        return shown.toString();
    }
}
