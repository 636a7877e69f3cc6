package id.outletkiosk.ui;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.concurrent.ConcurrentHashMap;

/** The screen's words in Bahasa Indonesia (default) or English. */
public final class Messages {
    private final ResourceBundle bundle;
    private final Locale locale;
    /** One parsed pattern per key: a board formats a label per ticket per change, a burst thousands. */
    private final ConcurrentHashMap<String, MessageFormat> formats = new ConcurrentHashMap<>();

    private Messages(Locale locale) {
        this.locale = locale;
        this.bundle = ResourceBundle.getBundle("id.outletkiosk.ui.messages", locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    /** English for an English-speaking system, Bahasa Indonesia otherwise. */
    public static Messages forSystem() {
        return "en".equals(Locale.getDefault().getLanguage()) ? english() : indonesian();
    }

    public static Messages indonesian() {
        return new Messages(Locale.forLanguageTag("id"));
    }

    public static Messages english() {
        return new Messages(Locale.ENGLISH);
    }

    public Locale locale() {
        return locale;
    }

    /** For FXML's {@code %key} texts. */
    public ResourceBundle bundle() {
        return bundle;
    }

    public boolean isEnglish() {
        return "en".equals(locale.getLanguage());
    }

    public String get(String key, Object... arguments) {
        if (arguments.length == 0) {
            return bundle.getString(key);
        }
        MessageFormat format = formats.computeIfAbsent(key, k -> new MessageFormat(bundle.getString(k), locale));
        synchronized (format) { // a MessageFormat is not safe for threads; the screens call from the FX thread
            return format.format(arguments);
        }
    }
}
