package id.outletkiosk.wire;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/** One place that says how this project reads and writes JSON. */
public final class Json {
    private Json() {
    }

    /**
     * The one mapper of the project (a configured ObjectMapper is safe to share between threads). Floats
     * become BigDecimal so a price sent as a JSON number stays exact; nesting is capped so a hostile body
     * cannot blow the stack.
     */
    public static final ObjectMapper MAPPER = newMapper();

    private static ObjectMapper newMapper() {
        JsonMapper mapper = JsonMapper.builder()
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .build();
        mapper.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(64)
                .maxNumberLength(64)
                .build());
        return mapper;
    }

    /**
     * Parses untrusted JSON. Jackson reports a number it cannot hold (an exponent of a billion digits)
     * with a NumberFormatException from deep in the parser; here it is a parse error like any other, so
     * every caller's "not valid JSON" path takes it (found by fuzzing, see SECURITY.md).
     */
    public static JsonNode read(byte[] body) throws JsonProcessingException {
        try {
            return MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            throw e;
        } catch (java.io.IOException e) {
            throw new UnreadableJson(e.getMessage());
        } catch (NumberFormatException e) {
            throw new UnreadableJson("a number out of range: " + e.getMessage());
        }
    }

    /** {@link #read(byte[])} for text. */
    public static JsonNode read(String text) throws JsonProcessingException {
        try {
            return MAPPER.readTree(text);
        } catch (NumberFormatException e) {
            throw new UnreadableJson("a number out of range: " + e.getMessage());
        }
    }

    /** Untrusted JSON that could not be read, whatever the parser's own reason. */
    public static final class UnreadableJson extends JsonProcessingException {
        UnreadableJson(String message) {
            super(message);
        }
    }
}
