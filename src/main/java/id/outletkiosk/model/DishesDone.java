package id.outletkiosk.model;

import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

/**
 * Which dishes of an order the cooks have tapped done, by line: indexes into the order's items, in
 * order. It lives with the order on our store server (every station screen of the store agrees, and a
 * restart loses nothing); central's orders carry none, so an order without it is "not said", not "none".
 */
public record DishesDone(List<Integer> lines) {
    public static final DishesDone NONE = new DishesDone(List.of());

    public DishesDone {
        lines = List.copyOf(new TreeSet<>(lines)); // sorted, each line once: two equal sets are equal records
    }

    /**
     * True when {@code incoming} brings word of dishes that differs from what {@code known} holds: the
     * store server's word replaces the one known (a tap can be taken back); a source that says nothing
     * (central) is no news, nor is "none tapped yet" for an order nothing was said of.
     */
    public static boolean news(Order known, Order incoming) {
        DishesDone before = known.dishesDone() == null ? NONE : known.dishesDone();
        return incoming.dishesDone() != null && !incoming.dishesDone().equals(before);
    }

    public boolean isDone(int line) {
        return lines.contains(line);
    }

    /** These with {@code changed} lines marked done, or not done. */
    public DishesDone with(Collection<Integer> changed, boolean done) {
        TreeSet<Integer> now = new TreeSet<>(lines);
        if (done) {
            now.addAll(changed);
        } else {
            now.removeAll(changed);
        }
        return new DishesDone(List.copyOf(now));
    }

    /** True when every one of {@code wanted} is done (true for none wanted). */
    public boolean allOf(Collection<Integer> wanted) {
        return lines.containsAll(wanted);
    }

    /** True when every line of an order with {@code lineCount} lines is done. */
    public boolean allOf(int lineCount) {
        for (int line = 0; line < lineCount; line++) {
            if (!lines.contains(line)) {
                return false;
            }
        }
        return lineCount > 0;
    }
}
