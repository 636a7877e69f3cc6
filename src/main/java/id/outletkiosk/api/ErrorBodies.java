package id.outletkiosk.api;

import id.outletkiosk.wire.RowReader;

import id.outletkiosk.wire.Json;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.ResponseBody;

/** Pulls a short reason out of an error answer: DRF's {"detail": ...} or an HTML page's title. */
final class ErrorBodies {
    private static final long MAX_ERROR_BODY = 16 * 1024;
    private static final Pattern TITLE = Pattern.compile("<title>([^<]{1,200})</title>", Pattern.CASE_INSENSITIVE);

    private ErrorBodies() {
    }

    static String detail(ResponseBody body, String contentType) {
        if (body == null) {
            return null;
        }
        try {
            byte[] bytes = HttpBodies.readCapped(body, MAX_ERROR_BODY);
            String text = new String(bytes, StandardCharsets.UTF_8);
            if (contentType.contains("json")) {
                JsonNode node = Json.read(text);
                if (node == null || !node.isObject()) {
                    return null;
                }
                for (String field : new String[] {"detail", "error"}) {
                    if (node.path(field).isTextual()) {
                        return RowReader.abbreviate(node.get(field).textValue());
                    }
                }
                // DRF validation errors: {"items": ["Invalid pk \"9\" - object does not exist."]}
                var fields = node.properties().iterator();
                if (fields.hasNext()) {
                    var first = fields.next();
                    JsonNode message = first.getValue().isArray() ? first.getValue().path(0) : first.getValue();
                    if (message.isTextual()) {
                        return first.getKey() + ": " + message.textValue();
                    }
                }
                return null;
            }
            Matcher title = TITLE.matcher(text);
            return title.find() ? "an HTML page \"" + RowReader.abbreviate(title.group(1).trim()) + "\"" : null;
        } catch (IOException | RuntimeException e) {
            // the status code already says what matters; an unreadable error body adds nothing
            return null;
        }
    }
}
