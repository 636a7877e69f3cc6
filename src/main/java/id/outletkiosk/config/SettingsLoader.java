package id.outletkiosk.config;

import id.outletkiosk.security.Tls;

import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * Builds {@link Settings} from flags over environment variables over a properties file over defaults,
 * and refuses bad values with one line that names the setting and where the value came from.
 */
public final class SettingsLoader {
    static final String CONFIG_FILE_NAME = "outlet-kiosk.properties";

    private final Path homeDir;

    /** @param homeDir the user's home folder, under which the default data folder lives */
    public SettingsLoader(Path homeDir) {
        this.homeDir = homeDir;
    }

    public static SettingsLoader forCurrentUser() {
        return new SettingsLoader(Path.of(System.getProperty("user.home")));
    }

    /** The data folder used when none is configured: one for a real backend, another for the demo. */
    public Path defaultDataDir(boolean demo) {
        Path base = homeDir.resolve(".outlet-kiosk");
        return demo ? base.resolve("demo") : base;
    }

    /** The config file read when none is named: {@code ~/.outlet-kiosk/outlet-kiosk.properties}. */
    public Path standardConfigFile() {
        return defaultDataDir(false).resolve(CONFIG_FILE_NAME);
    }

    /**
     * @param flags settings given on the command line (absent ones not in the map)
     * @param env   the process environment
     */
    public Settings load(Map<Setting, String> flags, Map<String, String> env) {
        Map<Setting, Sourced> raw = new EnumMap<>(Setting.class);
        Path configFile = locateConfigFile(flags, env);
        if (configFile != null) {
            readConfigFile(configFile).forEach(raw::put);
        }
        for (Setting setting : Setting.values()) {
            String fromEnv = env.get(setting.envName());
            if (fromEnv != null && !fromEnv.isBlank()) {
                raw.put(setting, new Sourced(fromEnv.trim(), setting.envName()));
            }
            String fromFlag = flags.get(setting);
            if (fromFlag != null) {
                raw.put(setting, new Sourced(fromFlag.trim(), setting.flag()));
            }
        }
        return build(raw, configFile);
    }

    private Path locateConfigFile(Map<Setting, String> flags, Map<String, String> env) {
        String named = flags.get(Setting.CONFIG);
        String source = Setting.CONFIG.flag();
        if (named == null) {
            named = env.get(Setting.CONFIG.envName());
            source = Setting.CONFIG.envName();
        }
        if (named == null || named.isBlank()) {
            Path standard = standardConfigFile();
            return Files.isRegularFile(standard) ? standard : null;
        }
        Path path = toPath(named.trim(), Setting.CONFIG, source);
        if (!Files.isRegularFile(path)) {
            throw new SettingsException("config: file " + path + " does not exist or is not a file (from " + source + ")");
        }
        return path;
    }

    private Map<Setting, Sourced> readConfigFile(Path file) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException | IllegalArgumentException e) {
            throw new SettingsException("config: cannot read " + file + ": " + e.getMessage());
        }
        warnIfOthersCanReadSecrets(file, properties);
        Map<Setting, Sourced> values = new EnumMap<>(Setting.class);
        for (String key : properties.stringPropertyNames()) {
            Setting setting = Setting.forKey(key.trim());
            if (setting == null || setting == Setting.CONFIG) {
                throw new SettingsException("config: unknown setting '" + key + "' in " + file
                        + " (known: " + knownKeys() + ")");
            }
            String value = properties.getProperty(key).trim();
            if (!value.isEmpty()) {
                values.put(setting, new Sourced(value, "config file " + file));
            }
        }
        return values;
    }

    /** A token in a file the whole PC can read is no secret: say so once, loudly, and how to fix it. */
    private static void warnIfOthersCanReadSecrets(Path file, Properties properties) {
        if (properties.getProperty(Setting.TOKEN.key()) == null && properties.getProperty(Setting.LOCAL_TOKEN.key()) == null) {
            return;
        }
        try {
            var permissions = Files.getPosixFilePermissions(file);
            if (permissions.contains(java.nio.file.attribute.PosixFilePermission.GROUP_READ)
                    || permissions.contains(java.nio.file.attribute.PosixFilePermission.OTHERS_READ)) {
                org.slf4j.LoggerFactory.getLogger(SettingsLoader.class).warn("config file {} holds a token and other"
                        + " users can read it: chmod 600 {}", file, file);
            }
        } catch (IOException | UnsupportedOperationException e) {
            // not POSIX (Windows: the profile folder's ACL protects it) or unreadable attributes: nothing to say
        }
    }

    private static String knownKeys() {
        StringBuilder keys = new StringBuilder();
        for (Setting setting : Setting.values()) {
            if (setting != Setting.CONFIG) {
                keys.append(keys.length() == 0 ? "" : ", ").append(setting.key());
            }
        }
        return keys.toString();
    }

    private Settings build(Map<Setting, Sourced> raw, Path configFile) {
        URI backend = url(raw, Setting.BACKEND, Set.of("http", "https"));
        URI localHttp = url(raw, Setting.LOCAL_HTTP, Set.of("http", "https"));
        URI localWs = url(raw, Setting.LOCAL_WS, Set.of("ws", "wss"));
        int outlet = positiveInt(raw, Setting.OUTLET, 1);
        Sourced token = raw.get(Setting.TOKEN);
        Role role = role(raw);
        Path dataDir = dataDir(raw, backend == null);
        return new Settings(backend, localHttp, localWs, outlet, token == null ? null : token.value, dataDir, role,
                configFile,
                duration(raw, Setting.CONNECT_TIMEOUT, Duration.ofSeconds(5)),
                duration(raw, Setting.READ_TIMEOUT, Duration.ofSeconds(15)),
                duration(raw, Setting.CALL_TIMEOUT, Duration.ofSeconds(60)),
                duration(raw, Setting.REFRESH_INTERVAL, Duration.ofHours(6)),
                duration(raw, Setting.OUTDATED_AFTER, Duration.ofHours(24)),
                positiveLong(raw, Setting.MAX_BODY_BYTES, 64L * 1024 * 1024),
                raw.containsKey(Setting.LOCAL_TOKEN) ? raw.get(Setting.LOCAL_TOKEN).value : null,
                feedTimings(raw),
                new Settings.KioskOptions(kioskMode(raw, role, backend != null),
                        duration(raw, Setting.IDLE_TIMEOUT, Duration.ofSeconds(90)), terminal(raw)),
                kitchenOptions(raw), alertOptions(raw), tlsOptions(raw),
                duration(raw, Setting.RETENTION, Duration.ofDays(30)));
    }

    private static Settings.KitchenOptions kitchenOptions(Map<Setting, Sourced> raw) {
        Duration warn = duration(raw, Setting.TICKET_WARN_AFTER, Duration.ofMinutes(5));
        Duration late = duration(raw, Setting.TICKET_LATE_AFTER, Duration.ofMinutes(10));
        if (late.compareTo(warn) <= 0) {
            throw new SettingsException("ticket-late-after: " + Durations.format(late)
                    + " must be longer than ticket-warn-after (" + Durations.format(warn) + ")");
        }
        return new Settings.KitchenOptions(warn, late, onOff(raw, Setting.NEW_ORDER_SOUND, true));
    }

    /** 1 to 4 letters or digits, upper case: short enough to call out at the counter. */
    private static String terminal(Map<Setting, Sourced> raw) {
        Sourced value = raw.get(Setting.TERMINAL);
        if (value == null) {
            return "K";
        }
        String name = value.value.trim().toUpperCase(Locale.ROOT);
        if (!name.matches("[A-Z0-9]{1,4}")) {
            throw bad(Setting.TERMINAL, value, "is not 1 to 4 letters or digits, like K2");
        }
        return name;
    }

    private static Settings.TlsOptions tlsOptions(Map<Setting, Sourced> raw) {
        Path caFile = null;
        Sourced ca = raw.get(Setting.CA_FILE);
        if (ca != null) {
            caFile = toPath(ca.value, Setting.CA_FILE, ca.source).toAbsolutePath();
            try {
                Tls.readCertificates(caFile);
            } catch (IllegalArgumentException e) {
                throw new SettingsException("ca-file: " + e.getMessage() + " (from " + ca.source + ")");
            }
        }
        Sourced pin = raw.get(Setting.BACKEND_PIN);
        if (pin != null && !Tls.isPin(pin.value)) {
            throw bad(Setting.BACKEND_PIN, pin, "is not a pin like sha256/ followed by 44 Base64 characters");
        }
        return new Settings.TlsOptions(caFile, pin == null ? null : pin.value,
                onOff(raw, Setting.TOKEN_IN_QUERY, false));
    }

    private static Settings.AlertOptions alertOptions(Map<Setting, Sourced> raw) {
        LocalTime opens = LocalTime.MIDNIGHT;
        LocalTime closes = LocalTime.MIDNIGHT;
        Sourced hours = raw.get(Setting.OPEN_HOURS);
        String text = hours == null ? "10:00-22:00" : hours.value.trim();
        if (!text.equalsIgnoreCase("always")) {
            String[] ends = text.split("-", -1);
            try {
                if (ends.length != 2) {
                    throw new DateTimeParseException("not two times", text, 0);
                }
                opens = LocalTime.parse(ends[0].trim());
                closes = LocalTime.parse(ends[1].trim());
            } catch (DateTimeParseException e) {
                throw bad(Setting.OPEN_HOURS, hours, "is not opening hours like 10:00-22:00, or always");
            }
        }
        return new Settings.AlertOptions(duration(raw, Setting.OUTBOX_ALERT_AFTER, Duration.ofMinutes(10)),
                duration(raw, Setting.QUIET_ALERT_AFTER, Duration.ofMinutes(45)), opens, closes);
    }

    private static boolean onOff(Map<Setting, Sourced> raw, Setting setting, boolean defaultValue) {
        Sourced value = raw.get(setting);
        if (value == null) {
            return defaultValue;
        }
        Boolean on = onOrOff(value.value);
        if (on == null) {
            throw bad(setting, value, "is not on or off");
        }
        return on;
    }

    /** on/true/yes or off/false/no, any case; null for anything else. */
    private static Boolean onOrOff(String text) {
        return switch (text.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "on", "true", "yes" -> true;
            case "off", "false", "no" -> false;
            default -> null;
        };
    }

    /** auto: a real kiosk (role kiosk, a backend configured) runs full screen; the demo and the other roles in a window. */
    private static boolean kioskMode(Map<Setting, Sourced> raw, Role role, boolean hasBackend) {
        Sourced value = raw.get(Setting.KIOSK_MODE);
        if (value == null || value.value.trim().equalsIgnoreCase("auto")) {
            return role == Role.KIOSK && hasBackend;
        }
        Boolean on = onOrOff(value.value);
        if (on == null) {
            throw bad(Setting.KIOSK_MODE, value, "is not one of on, off, auto");
        }
        return on;
    }

    private static Settings.FeedTimings feedTimings(Map<Setting, Sourced> raw) {
        Duration interval = duration(raw, Setting.HEARTBEAT_INTERVAL, Duration.ofSeconds(2));
        Duration timeout = duration(raw, Setting.HEARTBEAT_TIMEOUT, Duration.ofSeconds(4));
        if (timeout.compareTo(interval) <= 0) {
            throw new SettingsException("heartbeat-timeout: " + Durations.format(timeout)
                    + " must be longer than heartbeat-interval " + Durations.format(interval)
                    + ", or every socket would look dead between two pings");
        }
        return new Settings.FeedTimings(interval, timeout,
                duration(raw, Setting.POLL_INTERVAL, Duration.ofSeconds(3)),
                duration(raw, Setting.IDLE_POLL_INTERVAL, Duration.ofSeconds(10)),
                duration(raw, Setting.RECONCILE_INTERVAL, Duration.ofSeconds(15)));
    }

    private static URI url(Map<Setting, Sourced> raw, Setting setting, Set<String> schemes) {
        Sourced value = raw.get(setting);
        if (value == null) {
            return null;
        }
        URI uri;
        try {
            uri = new URI(value.value);
        } catch (URISyntaxException e) {
            throw bad(setting, value, "is not a URL");
        }
        String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
        if (scheme == null || !schemes.contains(scheme) || uri.getHost() == null) {
            throw bad(setting, value, "is not a URL like " + String.join(" or ", schemes.stream().sorted()
                    .map(s -> s + "://host:port").toList()));
        }
        if (uri.getQuery() != null || uri.getFragment() != null) {
            throw bad(setting, value, "must not carry a query or fragment");
        }
        return uri;
    }

    private static int positiveInt(Map<Setting, Sourced> raw, Setting setting, int defaultValue) {
        long value = positiveLong(raw, setting, defaultValue);
        if (value > Integer.MAX_VALUE) {
            throw bad(setting, raw.get(setting), "is too large");
        }
        return (int) value;
    }

    private static long positiveLong(Map<Setting, Sourced> raw, Setting setting, long defaultValue) {
        Sourced value = raw.get(setting);
        if (value == null) {
            return defaultValue;
        }
        try {
            long parsed = Long.parseLong(value.value);
            if (parsed > 0) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // reported below with the same message as a zero or negative number
        }
        throw bad(setting, value, "is not a positive whole number");
    }

    private static Duration duration(Map<Setting, Sourced> raw, Setting setting, Duration defaultValue) {
        Sourced value = raw.get(setting);
        if (value == null) {
            return defaultValue;
        }
        Duration parsed = Durations.parse(value.value);
        if (parsed == null || parsed.isNegative() || parsed.isZero()) {
            throw bad(setting, value, "is not a positive duration like 500ms, 30s, 5m or 6h");
        }
        return parsed;
    }

    private static Role role(Map<Setting, Sourced> raw) {
        Sourced value = raw.get(Setting.ROLE);
        if (value == null) {
            return Role.KIOSK;
        }
        Role role = Role.parse(value.value);
        if (role == null) {
            throw bad(Setting.ROLE, value, "is not one of kiosk, kitchen, manager");
        }
        return role;
    }

    private Path dataDir(Map<Setting, Sourced> raw, boolean demo) {
        Sourced value = raw.get(Setting.DATA_DIR);
        Path dir = value == null ? defaultDataDir(demo) : toPath(value.value, Setting.DATA_DIR, value.source);
        String origin = value == null ? "default" : value.source;
        try {
            if (!Files.isDirectory(dir)) {
                createOwnerOnly(dir);
            }
            Path probe = Files.createTempFile(dir, ".write-check", ".tmp");
            Files.delete(probe);
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            throw new SettingsException("data-dir: folder " + dir + " is not writable (from " + origin + "): "
                    + describe(e));
        }
        return dir.toAbsolutePath().normalize();
    }

    /** The data folder holds the store and, later, tokens: nobody but the owner reads it. */
    private static void createOwnerOnly(Path dir) throws IOException {
        try {
            Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } catch (UnsupportedOperationException notPosix) {
            Files.createDirectories(dir);
        } catch (FileAlreadyExistsException e) {
            throw new IOException("a file, not a folder, is in the way at " + e.getFile());
        }
    }

    private static String describe(Exception e) {
        if (e instanceof java.nio.file.FileSystemException fse && fse.getReason() != null) {
            return fse.getReason() + " at " + fse.getFile();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    private static Path toPath(String text, Setting setting, String source) {
        try {
            return Path.of(text);
        } catch (InvalidPathException e) {
            throw new SettingsException(setting.key() + ": \"" + text + "\" is not a path (from " + source + ")");
        }
    }

    private static SettingsException bad(Setting setting, Sourced value, String problem) {
        boolean secret = setting == Setting.TOKEN || setting == Setting.LOCAL_TOKEN;
        String shown = secret ? "(hidden)" : "\"" + value.value + "\"";
        return new SettingsException(setting.key() + ": " + shown + " " + problem + " (from " + value.source + ")");
    }

    private record Sourced(String value, String source) {
    }
}
