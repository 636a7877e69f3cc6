package id.outletkiosk.config;

import id.outletkiosk.security.AddressRange;
import id.outletkiosk.security.Tls;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * What kind of value a {@link Setting} takes: the label help texts show, and the parser that turns
 * text into a value or refuses it with the problem in words ("is not a positive duration like 30s").
 *
 * @param <T> the value's type
 */
public interface SettingKind<T> {
    /** URL, N, DURATION, on|off...: what a help text shows after the flag. */
    String label();

    /**
     * @return the value of {@code text} (already trimmed, never empty)
     * @throws IllegalArgumentException with the problem, phrased to follow the quoted value
     */
    T parse(String text);

    /** The value as a person writes it in a config file: {@code 6h}, {@code on}, {@code 10:00-22:00}. */
    default String format(T value) {
        return String.valueOf(value);
    }

    /** The values a person picks from, as written, when the kind has a short closed set; else none. */
    default List<String> choices() {
        return List.of();
    }

    /** {@link #format} for a value known only as an Object (one this kind parsed). */
    @SuppressWarnings("unchecked")
    default String formatValue(Object value) {
        return value == null ? "" : format((T) value);
    }

    /** The longest duration any setting takes: ten years, far inside what every timer can hold. */
    Duration LONGEST = Duration.ofDays(3650);

    SettingKind<URI> HTTP_URL = url(Set.of("http", "https"));
    SettingKind<URI> WS_URL = url(Set.of("ws", "wss"));
    SettingKind<Integer> POSITIVE = of("N", text -> {
        long value = positive(text);
        if (value > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("is too large");
        }
        return (int) value;
    });
    SettingKind<Long> BYTES = of("BYTES", SettingKind::positive);
    SettingKind<Duration> DURATION = of("DURATION", SettingKind::duration, Durations::format);
    SettingKind<Boolean> ON_OFF = choice("on|off", text -> {
        Boolean on = onOrOff(text);
        if (on == null) {
            throw new IllegalArgumentException("is not on or off");
        }
        return on;
    }, on -> on ? "on" : "off", List.of("on", "off"));
    /** {@code auto} is {@code null}: the reader of the setting decides. */
    SettingKind<Boolean> ON_OFF_AUTO = choice("on|off|auto", text -> {
        Boolean on = text.equalsIgnoreCase("auto") ? null : onOrOff(text);
        if (on == null && !text.equalsIgnoreCase("auto")) {
            throw new IllegalArgumentException("is not one of on, off, auto");
        }
        return on;
    }, on -> on == null ? "auto" : on ? "on" : "off", List.of("on", "off", "auto"));
    SettingKind<String> TOKEN = of("TOKEN", text -> text);
    SettingKind<Path> FILE = of("FILE", SettingKind::path);
    SettingKind<Path> FOLDER = of("DIR", SettingKind::path);
    SettingKind<Role> ROLE = choice("ROLE", text -> {
        Role role = Role.parse(text);
        if (role == null) {
            throw new IllegalArgumentException("is not one of kiosk, kitchen, manager, pickup");
        }
        return role;
    }, Role::wireName, Arrays.stream(Role.values()).map(Role::wireName).toList());
    /** Unset (whole orders), {@code expo}, or the menu categories a prep station cooks. */
    SettingKind<KitchenDuty> STATION = of("CATEGORIES|expo", KitchenDuty::parse, KitchenDuty::text);
    /** 1 to 4 letters or digits, upper case: short enough to call out at the counter. */
    SettingKind<String> TERMINAL_NAME = of("NAME", text -> {
        String name = text.toUpperCase(Locale.ROOT);
        if (!name.matches("[A-Z0-9]{1,4}")) {
            throw new IllegalArgumentException("is not 1 to 4 letters or digits, like K2");
        }
        return name;
    });
    /** A path on a server, like /admin/api/kitchen-status/: no scheme or host, so the token stays on that server. */
    SettingKind<String> SERVER_PATH = of("PATH", text -> {
        if (!text.matches("/[A-Za-z0-9._~/-]*")) {
            throw new IllegalArgumentException("is not a path on the backend like /admin/api/kitchen-status/");
        }
        return text;
    });
    SettingKind<OpenHours> OPEN_HOURS = of("HH:MM-HH:MM", OpenHours::parse,
            hours -> hours.equals(OpenHours.ALWAYS) ? "always" : hours.opens() + "-" + hours.closes());
    SettingKind<Path> CERTIFICATES = of("FILE", text -> {
        Path file = path(text).toAbsolutePath();
        Tls.readCertificates(file); // refuses a missing or unreadable file with its reason
        return file;
    });
    SettingKind<String> KEY_PIN = of("sha256/BASE64", text -> {
        if (!Tls.isPin(text)) {
            throw new IllegalArgumentException("is not a pin like sha256/ followed by 44 Base64 characters");
        }
        return text;
    });

    /** Address ranges in CIDR notation, comma-separated, or {@code none}: who may read the status page. */
    SettingKind<List<AddressRange>> ADDRESS_RANGES = of("CIDR,...|none", AddressRange::parseList,
            AddressRange::format);

    /**
     * When the store takes orders, local time: {@code opens} to {@code closes}; equal means always open;
     * {@code closes} before {@code opens} runs past midnight.
     */
    record OpenHours(LocalTime opens, LocalTime closes) {
        static final OpenHours ALWAYS = new OpenHours(LocalTime.MIDNIGHT, LocalTime.MIDNIGHT);

        static OpenHours parse(String text) {
            if (text.equalsIgnoreCase("always")) {
                return ALWAYS;
            }
            String[] ends = text.split("-", -1);
            try {
                if (ends.length == 2) {
                    return new OpenHours(LocalTime.parse(ends[0].trim()), LocalTime.parse(ends[1].trim()));
                }
            } catch (DateTimeParseException e) {
                // refused below, as any other shape
            }
            throw new IllegalArgumentException("is not opening hours like 10:00-22:00, or always");
        }
    }

    static <T> SettingKind<T> of(String label, Function<String, T> parser) {
        return of(label, parser, String::valueOf);
    }

    static <T> SettingKind<T> of(String label, Function<String, T> parser, Function<T, String> formatter) {
        return choice(label, parser, formatter, List.of());
    }

    /** A kind whose values are a short closed set a person picks from ({@code choices}, as written). */
    static <T> SettingKind<T> choice(String label, Function<String, T> parser, Function<T, String> formatter,
            List<String> choices) {
        return new SettingKind<>() {
            @Override
            public String label() {
                return label;
            }

            @Override
            public T parse(String text) {
                return parser.apply(text);
            }

            @Override
            public String format(T value) {
                return formatter.apply(value);
            }

            @Override
            public List<String> choices() {
                return choices;
            }
        };
    }

    private static SettingKind<URI> url(Set<String> schemes) {
        String example = String.join(" or ", schemes.stream().sorted().map(s -> s + "://host:port").toList());
        return of("URL", text -> {
            URI uri;
            try {
                uri = new URI(text);
            } catch (URISyntaxException e) {
                throw new IllegalArgumentException("is not a URL");
            }
            String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
            if (scheme == null || !schemes.contains(scheme) || uri.getHost() == null) {
                throw new IllegalArgumentException("is not a URL like " + example);
            }
            if (uri.getQuery() != null || uri.getFragment() != null) {
                throw new IllegalArgumentException("must not carry a query or fragment");
            }
            return uri;
        });
    }

    private static long positive(String text) {
        try {
            long parsed = Long.parseLong(text);
            if (parsed > 0) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // too large, or not a number: the same words as a zero or a negative number
        }
        throw new IllegalArgumentException("is not a positive whole number");
    }

    private static Duration duration(String text) {
        Duration parsed = Durations.parse(text);
        if (parsed == null || parsed.isNegative() || parsed.isZero()) {
            throw new IllegalArgumentException("is not a positive duration like 500ms, 30s, 5m or 6h");
        }
        if (parsed.compareTo(LONGEST) > 0) {
            throw new IllegalArgumentException("is longer than " + LONGEST.toDays() + " days");
        }
        return parsed;
    }

    private static Path path(String text) {
        try {
            return Path.of(text);
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException("is not a path");
        }
    }

    /** on/true/yes or off/false/no, any case; null for anything else. */
    private static Boolean onOrOff(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "on", "true", "yes" -> true;
            case "off", "false", "no" -> false;
            default -> null;
        };
    }
}
