package id.outletkiosk.config;

/** A setting is missing or wrong; the message is one line naming the setting and where it came from. */
public class SettingsException extends RuntimeException {
    public SettingsException(String message) {
        super(message);
    }
}
