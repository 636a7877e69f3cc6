package id.outletkiosk.ui.kiosk;

import id.outletkiosk.ui.Messages;

/**
 * A text in both languages at once, Indonesian first: what the welcome screen says before anyone has
 * chosen a language (its greeting, a closed or busy kitchen).
 */
final class Bilingual {
    private static final Messages INDONESIAN = Messages.indonesian();
    private static final Messages ENGLISH = Messages.english();

    private Bilingual() {
    }

    static String of(String key, String between, Object... arguments) {
        return INDONESIAN.get(key, arguments) + between + ENGLISH.get(key, arguments);
    }
}
