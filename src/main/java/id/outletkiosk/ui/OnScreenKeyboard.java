package id.outletkiosk.ui;

import javafx.scene.control.Button;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * Letters for a touch screen with no keyboard: enough to type a name for the kitchen to call out.
 * Keys are 64 px, well over the 48 px a finger needs.
 */
public final class OnScreenKeyboard extends VBox {
    private static final String[] ROWS = {"1234567890", "QWERTYUIOP", "ASDFGHJKL", "ZXCVBNM"};
    /** A setting's value: a URL, "10m", "10:00-22:00", a terminal's name; typed as is, never capitalised. */
    private static final String[] SETTING_ROWS = {"1234567890", "qwertyuiop", "asdfghjkl", "zxcvbnm", ":/.-_"};

    public OnScreenKeyboard(TextField target, String spaceLabel) {
        this(target, spaceLabel, ROWS, true);
    }

    /** For a manager's settings field in kiosk mode: lower case, digits and what URLs and times need. */
    public static OnScreenKeyboard forSettings(TextField target, String spaceLabel) {
        OnScreenKeyboard keyboard = new OnScreenKeyboard(target, spaceLabel, SETTING_ROWS, false);
        keyboard.getStyleClass().add("settings-keyboard");
        return keyboard;
    }

    private OnScreenKeyboard(TextField target, String spaceLabel, String[] rows, boolean names) {
        super(8);
        getStyleClass().add("on-screen-keyboard");
        for (String row : rows) {
            HBox keys = new HBox(8);
            for (char letter : row.toCharArray()) {
                keys.getChildren().add(key(String.valueOf(letter), () -> type(target, String.valueOf(letter), names)));
            }
            if (Character.toUpperCase(row.charAt(0)) == 'Z') {
                Button backspace = key("⌫", () -> {
                    String text = target.getText();
                    if (!text.isEmpty()) {
                        target.setText(text.substring(0, text.length() - 1));
                    }
                });
                backspace.getStyleClass().add("wide-key");
                keys.getChildren().add(backspace);
            }
            getChildren().add(keys);
        }
        Button space = key(spaceLabel, () -> type(target, " ", names));
        space.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(space, Priority.ALWAYS);
        getChildren().add(new HBox(space));
    }

    private static void type(TextField target, String text, boolean names) {
        // capitals after a space: names are called out, "Budi Santoso" reads better than "BUDI SANTOSO"
        String current = target.getText();
        boolean startOfWord = !names || current.isEmpty() || current.endsWith(" ");
        target.setText(current + (startOfWord ? text : text.toLowerCase(java.util.Locale.ROOT)));
        target.positionCaret(target.getText().length());
    }

    private static Button key(String label, Runnable press) {
        Button key = new Button(label);
        key.getStyleClass().add("key");
        key.setFocusTraversable(false);
        key.setOnAction(event -> press.run());
        return key;
    }
}
