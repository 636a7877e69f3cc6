package id.outletkiosk.wire;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Typed, checked access to the fields of one JSON row. Every refusal names the field and what was
 * there instead, so the sync status can say exactly what the server got wrong.
 */
public final class RowReader {
    private static final Pattern DECIMAL = Pattern.compile("-?\\d{1,15}(\\.\\d{1,6})?");
    /** No menu price or discount is anywhere near a trillion Rupiah; beyond that the data is broken. */
    private static final BigDecimal MONEY_LIMIT = new BigDecimal("1000000000000");
    /** What one unit of a fraction of a second with that many digits is in nanoseconds. */
    private static final int[] NANOS_PER_DIGIT = {0, 100_000_000, 10_000_000, 1_000_000, 100_000, 10_000, 1_000, 100, 10, 1};

    private final JsonNode row;
    private final ZoneId zone;

    public RowReader(JsonNode row, ZoneId zone) {
        if (row == null || !row.isObject()) {
            throw new BadRowException("is " + describe(row) + ", not an object");
        }
        this.row = row;
        this.zone = zone;
    }

    public boolean has(String field) {
        JsonNode value = row.get(field);
        return value != null && !value.isNull();
    }

    public long requiredId(String field) {
        JsonNode value = row.get(field);
        if (value == null || value.isNull()) {
            throw new BadRowException("has no " + field);
        }
        if (!value.canConvertToExactIntegral() || !value.canConvertToLong() || !value.isNumber()) {
            throw new BadRowException(field + " must be a whole number, got " + describe(value));
        }
        long id = value.asLong();
        if (id < 0) {
            throw new BadRowException(field + " must not be negative, got " + id);
        }
        return id;
    }

    public Long optionalId(String field) {
        JsonNode value = row.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isObject()) {
            // a nested serializer sends {"id": 3, "name": ...}; the id is what we keep
            return new RowReader(value, zone).requiredId("id");
        }
        return requiredId(field);
    }

    public String requiredText(String field) {
        String text = optionalText(field);
        if (text == null || text.isBlank()) {
            throw new BadRowException("has no " + field);
        }
        return text;
    }

    public String optionalText(String field) {
        JsonNode value = row.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw new BadRowException(field + " must be text, got " + describe(value));
        }
        return value.textValue();
    }

    public boolean flag(String field, boolean absentValue) {
        JsonNode value = row.get(field);
        if (value == null || value.isNull()) {
            return absentValue;
        }
        if (!value.isBoolean()) {
            throw new BadRowException(field + " must be true or false, got " + describe(value));
        }
        return value.booleanValue();
    }

    public int wholeNumber(String field, int absentValue) {
        JsonNode value = row.get(field);
        if (value == null || value.isNull()) {
            return absentValue;
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt()) {
            throw new BadRowException(field + " must be a whole number, got " + describe(value));
        }
        return value.intValue();
    }

    /** Exact money: a decimal string ({@code "15000"}, {@code "15000.00"}) or a JSON number, never negative. */
    public BigDecimal money(String field) {
        JsonNode value = row.get(field);
        if (value == null || value.isNull()) {
            throw new BadRowException("has no " + field);
        }
        BigDecimal amount;
        if (value.isTextual()) {
            String text = value.textValue().trim();
            if (!DECIMAL.matcher(text).matches()) {
                throw new BadRowException(field + " must be a decimal amount like \"15000\" or \"15000.00\", got \""
                        + abbreviate(value.textValue()) + "\"");
            }
            amount = new BigDecimal(text);
        } else if (value.isNumber()) {
            amount = value.decimalValue();
        } else {
            throw new BadRowException(field + " must be a decimal amount, got " + describe(value));
        }
        // toString, not toPlainString: 1E999999999 written out in full would be a gigabyte (found by fuzzing)
        if (amount.signum() < 0) {
            throw new BadRowException(field + " must not be negative, got " + amount);
        }
        if (amount.compareTo(MONEY_LIMIT) >= 0) {
            throw new BadRowException(field + " is implausibly large: " + amount);
        }
        if (amount.stripTrailingZeros().scale() > 6) {
            throw new BadRowException(field + " has more than 6 decimal places: " + abbreviate(amount.toString()));
        }
        return normalize(amount);
    }

    /** One spelling per amount, so "15000.00" and "15000" are the same price and cause no spurious change. */
    static BigDecimal normalize(BigDecimal amount) {
        BigDecimal stripped = amount.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    /** ISO 8601 with an offset; a time without offset or a bare date is read in the outlet's time zone. */
    public Instant instant(String field, boolean required) {
        JsonNode value = row.get(field);
        if (value == null || value.isNull()) {
            if (required) {
                throw new BadRowException("has no " + field);
            }
            return null;
        }
        if (!value.isTextual()) {
            throw new BadRowException(field + " must be an ISO 8601 time, got " + describe(value));
        }
        String text = value.textValue().trim();
        Instant usual = isoOffsetInstant(text);
        if (usual != null) {
            return usual;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeException withOffset) {
            try {
                return LocalDateTime.parse(text).atZone(zone).toInstant();
            } catch (DateTimeException withoutOffset) {
                try {
                    return LocalDate.parse(text).atStartOfDay(zone).toInstant();
                } catch (DateTimeException dateOnly) {
                    throw new BadRowException(field + " must be an ISO 8601 time like 2024-01-11T10:30:00Z, got \""
                            + abbreviate(text) + "\"");
                }
            }
        }
    }

    /**
     * The shape every server here writes, {@code 2024-01-11T10:30:00Z} or {@code 2024-01-11T10:30:00.123456+07:00},
     * read without the formatter's machinery (a feed reads several per order, a burst hundreds); {@code null}
     * for any other text, which {@link OffsetDateTime#parse} then decides on, so nothing is read differently.
     */
    static Instant isoOffsetInstant(String text) {
        int length = text.length();
        if (length < 20 || text.charAt(4) != '-' || text.charAt(7) != '-' || text.charAt(10) != 'T'
                || text.charAt(13) != ':' || text.charAt(16) != ':') {
            return null;
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 7);
        int day = digits(text, 8, 10);
        int hour = digits(text, 11, 13);
        int minute = digits(text, 14, 16);
        int second = digits(text, 17, 19);
        if ((year | month | day | hour | minute | second) < 0 || hour > 23 || minute > 59 || second > 59) {
            return null;
        }
        int at = 19;
        int nanos = 0;
        if (text.charAt(at) == '.') {
            int start = ++at;
            while (at < length && at - start < 10 && text.charAt(at) >= '0' && text.charAt(at) <= '9') {
                at++;
            }
            int count = at - start;
            if (count == 0 || count > 9) {
                return null;
            }
            nanos = digits(text, start, at) * NANOS_PER_DIGIT[count];
        }
        if (at >= length) {
            return null;
        }
        char sign = text.charAt(at);
        int offsetSeconds;
        if (sign == 'Z' && at + 1 == length) {
            offsetSeconds = 0;
        } else if ((sign == '+' || sign == '-') && at + 6 == length && text.charAt(at + 3) == ':') {
            int offsetHours = digits(text, at + 1, at + 3);
            int offsetMinutes = digits(text, at + 4, at + 6);
            if ((offsetHours | offsetMinutes) < 0 || offsetMinutes > 59 || offsetHours * 60 + offsetMinutes > 18 * 60) {
                return null;
            }
            offsetSeconds = (sign == '-' ? -60 : 60) * (offsetHours * 60 + offsetMinutes);
        } else {
            return null;
        }
        long epochDay;
        try {
            epochDay = LocalDate.of(year, month, day).toEpochDay();
        } catch (DateTimeException notADay) {
            return null;
        }
        return Instant.ofEpochSecond(epochDay * 86_400 + hour * 3_600L + minute * 60L + second - offsetSeconds, nanos);
    }

    /** The ASCII digits from {@code from} to {@code to} as a number, or -1 when one is not a digit. */
    private static int digits(String text, int from, int to) {
        int number = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            number = number * 10 + (c - '0');
        }
        return number;
    }

    public Set<Long> idList(String field) {
        JsonNode value = row.get(field);
        if (value == null || value.isNull()) {
            return Set.of();
        }
        if (!value.isArray()) {
            throw new BadRowException(field + " must be a list of ids, got " + describe(value));
        }
        Set<Long> ids = new LinkedHashSet<>();
        for (JsonNode element : value) {
            if (element.isObject()) {
                ids.add(new RowReader(element, zone).requiredId("id"));
            } else if (element.isIntegralNumber() && element.canConvertToLong()) {
                ids.add(element.longValue());
            } else {
                throw new BadRowException(field + " must hold ids, got " + describe(element));
            }
        }
        return ids;
    }

    public static String describe(JsonNode value) {
        if (value == null || value.isMissingNode()) {
            return "nothing";
        }
        return switch (value.getNodeType()) {
            case OBJECT, POJO -> "an object";
            case ARRAY -> "a list";
            case STRING -> "text \"" + abbreviate(value.textValue()) + "\"";
            case NUMBER -> "the number " + abbreviate(value.asText());
            case BOOLEAN -> value.asText();
            case NULL -> "null";
            default -> value.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
        };
    }

    public static String abbreviate(String text) {
        String oneLine = text.replaceAll("\\s+", " ");
        return oneLine.length() <= 40 ? oneLine : oneLine.substring(0, 40) + "…";
    }
}
