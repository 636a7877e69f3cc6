package id.outletkiosk.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The fast path of {@link RowReader#instant} reads exactly what {@link OffsetDateTime#parse} reads, or leaves it. */
class RowReaderInstantTest {
    private static final ZoneId JAKARTA = ZoneId.of("Asia/Jakarta");

    @Test
    void theUsualShapesAreReadAsTheFormatterReadsThem() {
        for (String text : List.of("2024-01-11T10:30:00Z", "2024-01-11T10:30:00+07:00", "2024-01-11T10:30:00-03:30",
                "2024-01-11T10:30:00.1Z", "2024-01-11T10:30:00.123456+07:00", "2024-01-11T10:30:00.123456789-00:00",
                "2024-02-29T23:59:59.999999999+18:00", "2024-12-31T00:00:00-18:00", "0000-01-01T00:00:00Z",
                "9999-12-31T23:59:59Z", "1970-01-01T00:00:00Z", "1969-12-31T23:59:59.5Z")) {
            assertThat(RowReader.isoOffsetInstant(text)).as(text).isEqualTo(OffsetDateTime.parse(text).toInstant());
            assertThat(read(text)).as(text).isEqualTo(OffsetDateTime.parse(text).toInstant());
        }
    }

    @Test
    void anythingElseIsLeftToTheFormatter() {
        for (String text : List.of("2023-02-29T10:30:00Z", "2024-04-31T10:30:00Z", "2024-13-01T10:30:00Z",
                "2024-01-11T24:00:00Z", "2024-01-11T10:60:00Z", "2024-01-11T10:30:60Z", "2024-01-11T10:30:00+18:01",
                "2024-01-11T10:30:00+07:60", "2024-01-11T10:30:00.Z", "2024-01-11T10:30:00.1234567890Z",
                "2024-01-11T10:30Z", "2024-01-11t10:30:00Z", "2024-01-11T10:30:00z", "2024-01-11T10:30:00+0700",
                "2024-01-11T10:30:00+07", "2024-01-11T10:30:00+07:00:00", "+2024-01-11T10:30:00Z",
                "2024-01-11T10:30:00", "2024-01-11", "2024-01-11T10:30:00Zx", "2024-01-1lT10:30:00Z",
                "２０２４-01-11T10:30:00Z")) {
            assertThat(RowReader.isoOffsetInstant(text)).as(text).isNull();
        }
    }

    @Test
    void timesWithoutAnOffsetAndBareDatesAreStillTheOutletsAndNonsenseIsStillRefused() {
        assertThat(read("2024-01-11T10:30:00")).isEqualTo(Instant.parse("2024-01-11T03:30:00Z"));
        assertThat(read("2024-01-11")).isEqualTo(Instant.parse("2024-01-10T17:00:00Z"));
        assertThat(read("2024-01-11T10:30Z")).isEqualTo(Instant.parse("2024-01-11T10:30:00Z"));
        assertThatThrownBy(() -> read("2023-02-29T10:30:00Z")).isInstanceOf(BadRowException.class);
        assertThatThrownBy(() -> read("yesterday")).isInstanceOf(BadRowException.class);
    }

    /** Random texts near the usual shape, one character changed or dropped: same answer as the formatter's, or none. */
    @Test
    void nearMissesAgreeWithTheFormatter() {
        Random random = new Random(16);
        String alphabet = "0123456789-+:.TZ x";
        List<String> seeds = List.of("2024-01-11T10:30:00Z", "2024-02-29T23:59:59.123+07:00", "1999-12-31T00:00:00.5-05:30");
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            StringBuilder text = new StringBuilder(seeds.get(random.nextInt(seeds.size())));
            for (int edits = 1 + random.nextInt(2); edits > 0; edits--) {
                int at = random.nextInt(text.length());
                if (random.nextInt(4) == 0) {
                    text.deleteCharAt(at);
                } else {
                    text.setCharAt(at, alphabet.charAt(random.nextInt(alphabet.length())));
                }
            }
            texts.add(text.toString());
        }
        for (String text : texts) {
            Instant fast = RowReader.isoOffsetInstant(text);
            if (fast != null) {
                Instant formatter;
                try {
                    formatter = OffsetDateTime.parse(text).toInstant();
                } catch (DateTimeException e) {
                    formatter = null;
                }
                assertThat(fast).as(text).isEqualTo(formatter);
            }
        }
    }

    private static Instant read(String text) {
        return new RowReader(JsonNodeFactory.instance.objectNode().put("at", text), JAKARTA).instant("at", true);
    }
}
