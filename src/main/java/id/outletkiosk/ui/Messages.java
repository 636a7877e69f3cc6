package id.outletkiosk.ui;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/** The screen's words in Bahasa Indonesia (default) or English. */
public final class Messages {
    private final ResourceBundle bundle;
    private final Locale locale;

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
        String pattern = bundle.getString(key);
        return arguments.length == 0 ? pattern : new MessageFormat(pattern, locale).format(arguments);
    }
}
