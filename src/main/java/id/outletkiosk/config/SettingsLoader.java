package id.outletkiosk.config;


import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Properties;

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

    /**
     * Each setting parsed by its kind (from its source, else from its default), then the rules that
     * join two settings.
     */
    private Settings build(Map<Setting, Sourced> raw, Path configFile) {
        Map<Setting, Object> values = new EnumMap<>(Setting.class);
        for (Setting setting : Setting.values()) {
            Sourced given = raw.get(setting);
            if (setting == Setting.CONFIG || setting == Setting.DATA_DIR) {
                continue; // the file is already read; the folder is checked below, its default depends on demo mode
            }
            if (given != null) {
                values.put(setting, parse(setting, given));
            } else if (setting.defaultText() != null) {
                values.put(setting, setting.kind().parse(setting.defaultText()));
            }
        }
        boolean demo = values.get(Setting.BACKEND) == null;
        values.put(Setting.DATA_DIR, dataDir(raw, demo));
        // auto: a real kiosk (role kiosk, a backend configured) runs full screen; the demo and the other roles
        // in a window. Decided here, from what was configured, before the demo puts its own backend in.
        if (values.get(Setting.KIOSK_MODE) == null) {
            values.put(Setting.KIOSK_MODE, values.get(Setting.ROLE) == Role.KIOSK && !demo);
        }
        Settings settings = new Settings(values, configFile);
        mustBeLonger(settings, Setting.TICKET_LATE_AFTER, Setting.TICKET_WARN_AFTER, "");
        return settings;
    }

    private static Object parse(Setting setting, Sourced given) {
        try {
            return setting.kind().parse(given.value);
        } catch (IllegalArgumentException e) {
            throw bad(setting, given, e.getMessage());
        }
    }

    private static void mustBeLonger(Settings settings, Setting longer, Setting shorter, String why) {
        Duration longerValue = settings.get(longer);
        Duration shorterValue = settings.get(shorter);
        if (longerValue.compareTo(shorterValue) <= 0) {
            throw new SettingsException(longer.key() + ": " + Durations.format(longerValue) + " must be longer than "
                    + shorter.key() + " (" + Durations.format(shorterValue) + ")" + why);
        }
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
        String shown = setting.isSecret() ? "(hidden)" : "\"" + value.value + "\"";
        return new SettingsException(setting.key() + ": " + shown + " " + problem + " (from " + value.source + ")");
    }

    private record Sourced(String value, String source) {
    }
}
