package id.outletkiosk.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes settings a manager changed on screen into the properties file, only after the whole file
 * with the change loads cleanly: a typo in a URL is refused with the loader's own one-line message and
 * the file on disk stays as it was. Lines the manager did not touch (comments, the token) are kept as
 * they are; the file is replaced atomically and readable by the owner only, since it may hold the token.
 */
public final class ConfigFile {
    private final Path file;
    private final SettingsLoader loader;

    public ConfigFile(Path file, SettingsLoader loader) {
        this.file = file;
        this.loader = loader;
    }

    /** The file this run read its settings from, or the standard one in the home folder. */
    public static ConfigFile of(Settings settings, SettingsLoader loader) {
        return new ConfigFile(settings.configFile() != null ? settings.configFile() : loader.standardConfigFile(), loader);
    }

    public Path path() {
        return file;
    }

    /**
     * @param changes new values; an empty value removes the setting (back to its default)
     * @return the settings the next start will read from this file (flags and environment aside)
     * @throws SettingsException when the result would not load; nothing is written then
     */
    public Settings save(Map<Setting, String> changes) {
        List<String> lines = readLines();
        Map<Setting, String> pending = new EnumMap<>(Setting.class);
        pending.putAll(changes);
        List<String> edited = new ArrayList<>();
        for (String line : lines) {
            Setting setting = settingOf(line);
            if (setting != null && pending.containsKey(setting)) {
                String value = pending.remove(setting).trim();
                if (!value.isEmpty()) {
                    edited.add(setting.key() + "=" + escape(value));
                }
            } else {
                edited.add(line);
            }
        }
        pending.forEach((setting, value) -> {
            if (!value.trim().isEmpty()) {
                edited.add(setting.key() + "=" + escape(value.trim()));
            }
        });
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path candidate = ownerOnlyScratchFile(file.toAbsolutePath().getParent());
            try {
                Files.write(candidate, edited, StandardCharsets.UTF_8);
                Settings loaded = validate(candidate);
                moveInto(candidate);
                return loaded;
            } finally {
                Files.deleteIfExists(candidate);
            }
        } catch (IOException e) {
            throw new SettingsException("config: cannot write " + file + ": " + e.getMessage());
        }
    }

    /** Owner-only where the file system has POSIX permissions; on Windows the user's profile folder's ACL rules. */
    private static Path ownerOnlyScratchFile(Path folder) throws IOException {
        try {
            return Files.createTempFile(folder, ".outlet-kiosk", ".properties",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException notPosix) {
            return Files.createTempFile(folder, ".outlet-kiosk", ".properties");
        }
    }

    /** What the file says now, setting by setting (the keys it has, in file order). */
    public Map<Setting, String> values() {
        Map<Setting, String> values = new LinkedHashMap<>();
        if (!Files.isRegularFile(file)) {
            return values;
        }
        java.util.Properties properties = new java.util.Properties();
        try (var reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException | IllegalArgumentException e) {
            throw new SettingsException("config: cannot read " + file + ": " + e.getMessage());
        }
        for (String key : properties.stringPropertyNames()) {
            Setting setting = Setting.forKey(key.trim());
            if (setting != null) {
                values.put(setting, properties.getProperty(key).trim());
            }
        }
        return values;
    }

    private Settings validate(Path candidate) {
        try {
            return loader.load(Map.of(Setting.CONFIG, candidate.toString()), Map.of());
        } catch (SettingsException e) {
            // the loader names the scratch file; the manager knows only the real one
            throw new SettingsException(e.getMessage().replace(candidate.toString(), file.toString()));
        }
    }

    private void moveInto(Path candidate) throws IOException {
        try {
            Files.move(candidate, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(candidate, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private List<String> readLines() {
        if (!Files.exists(file)) {
            return List.of();
        }
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("config: cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** The setting a simple {@code key=value} / {@code key: value} line sets, or null (comments, blanks). */
    private static Setting settingOf(String line) {
        String trimmed = line.strip();
        if (trimmed.isEmpty() || trimmed.startsWith("#") || trimmed.startsWith("!")) {
            return null;
        }
        int end = 0;
        while (end < trimmed.length() && "=: \t".indexOf(trimmed.charAt(end)) < 0) {
            end++;
        }
        return Setting.forKey(trimmed.substring(0, end));
    }

    /** Properties escaping for the characters that matter in our values (URLs, numbers, words). */
    private static String escape(String value) {
        StringBuilder escaped = new StringBuilder();
        for (char c : value.toCharArray()) {
            switch (c) {
                case '\\' -> escaped.append("\\\\");
                case '\n' -> escaped.append("\\n");
                case '\r' -> escaped.append("\\r");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }
}
