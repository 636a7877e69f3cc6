package id.outletkiosk.server;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How many orders a poll answer carries, for the orders-served counter. Answers are cached arrays shared by
 * every poller asking the same question until the next write, so each array is counted once (a scan of its
 * bytes) and looked up by identity after that; an empty answer costs nothing.
 */
final class OrdersInAnswers {
    /** Answers are replaced at every write: more than this many known means the old ones are garbage. */
    private static final int KEPT = 64;

    private final Map<byte[], Integer> counted = new ConcurrentHashMap<>(); // byte[] keys: identity

    int count(byte[] answer) {
        if (answer.length <= 2) {
            return 0; // "[]"
        }
        Integer known = counted.get(answer);
        if (known != null) {
            return known;
        }
        if (counted.size() > KEPT) {
            counted.clear();
        }
        int orders = topLevelObjects(answer);
        counted.put(answer, orders);
        return orders;
    }

    /** Objects directly inside the outer JSON array, skipping braces inside strings. */
    static int topLevelObjects(byte[] json) {
        int depth = 0;
        int objects = 0;
        boolean inString = false;
        for (int at = 0; at < json.length; at++) {
            byte b = json[at];
            if (inString) {
                if (b == '\\') {
                    at++;
                } else if (b == '"') {
                    inString = false;
                }
            } else if (b == '"') {
                inString = true;
            } else if (b == '{' || b == '[') {
                if (b == '{' && depth == 1) {
                    objects++;
                }
                depth++;
            } else if (b == '}' || b == ']') {
                depth--;
            }
        }
        return objects;
    }
}
