package id.outletkiosk.ui;

import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.DoubleBinding;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * Letters for a touch screen with no keyboard: a name for the kitchen to call out, a note for the
 * kitchen, or a manager's setting. The kiosk's keys are 64 px high (52 px with the {@code compact-keys}
 * style class on a short screen, 76 with {@code tall-keys}), well over the 48 px a finger needs, and a
 * tenth of the keyboard's width wide, so a wide screen gets wide keys instead of empty space; the
 * settings keyboard keeps the fixed sizes manager.css gives it. Typing goes through the field's own
 * text formatter (a length limit holds) and lands at its caret, or at its end once the field has lost
 * the focus to another button (a focused field's caret is where the person put it; an unfocused one's
 * is not to be trusted).
 */
public final class OnScreenKeyboard extends VBox {
    /** How letters are typed. */
    public enum Letters {
        /** Capitals after a space: names are called out, "Budi Santoso" reads better than "BUDI SANTOSO". */
        NAME,
        /** Small letters and a comma: "tanpa kecap, sambal dipisah". */
        NOTE,
        /** A setting's value: a URL, "10m", "10:00-22:00", a terminal's name; typed as is, never capitalised. */
        SETTING
    }

    private static final String[] ROWS = {"1234567890", "QWERTYUIOP", "ASDFGHJKL", "ZXCVBNM"};
    private static final String[] SETTING_ROWS = {"1234567890", "qwertyuiop", "asdfghjkl", "zxcvbnm", ":/.-_"};
    private static final double GAP = 8;

    private final TextField target;
    private final Letters letters;
    /** One key's width: ten keys and their gaps fill a row (not for the settings keyboard, sized by CSS). */
    private final DoubleBinding unit;

    /** A keyboard for a name. */
    public OnScreenKeyboard(TextField target, String spaceLabel) {
        this(target, spaceLabel, Letters.NAME);
    }

    /** For a manager's settings field in kiosk mode: lower case, digits and what URLs and times need. */
    public static OnScreenKeyboard forSettings(TextField target, String spaceLabel) {
        OnScreenKeyboard keyboard = new OnScreenKeyboard(target, spaceLabel, Letters.SETTING);
        keyboard.getStyleClass().add("settings-keyboard");
        return keyboard;
    }

    public OnScreenKeyboard(TextField target, String spaceLabel, Letters letters) {
        super(GAP);
        this.target = target;
        this.letters = letters;
        this.unit = letters == Letters.SETTING ? null : Bindings.createDoubleBinding(
                () -> Math.max(48, Math.floor((getWidth() - 9 * GAP) / 10)), widthProperty());
        getStyleClass().add("on-screen-keyboard");
        for (String row : letters == Letters.SETTING ? SETTING_ROWS : ROWS) {
            HBox keys = new HBox(GAP);
            if (unit != null) {
                keys.setAlignment(Pos.CENTER);
            }
            for (char letter : row.toCharArray()) {
                keys.getChildren().add(key(String.valueOf(letter), () -> type(String.valueOf(letter))));
            }
            if (Character.toUpperCase(row.charAt(0)) == 'Z') {
                if (letters == Letters.NOTE) {
                    keys.getChildren().add(key(",", () -> target.insertText(target.getCaretPosition(), ",")));
                }
                Button backspace = key("⌫", target::deletePreviousChar);
                backspace.getStyleClass().add("wide-key");
                if (unit != null) {
                    backspace.prefWidthProperty().bind(unit.multiply(2).add(GAP));
                }
                keys.getChildren().add(backspace);
            }
            getChildren().add(keys);
        }
        Button space = key(spaceLabel, () -> target.insertText(target.getCaretPosition(), " "));
        space.prefWidthProperty().unbind();
        space.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(space, Priority.ALWAYS);
        getChildren().add(new HBox(space));
    }

    private void type(String letter) {
        int caret = target.getCaretPosition();
        String before = target.getText().substring(0, caret);
        boolean capital = letters == Letters.NAME && (before.isEmpty() || before.endsWith(" "));
        target.insertText(caret, capital ? letter.toUpperCase(Locale.ROOT) : letter.toLowerCase(Locale.ROOT));
    }

    private Button key(String label, Runnable press) {
        Button key = new Button(label);
        key.getStyleClass().add("key");
        key.setFocusTraversable(false);
        if (unit != null) {
            key.prefWidthProperty().bind(unit);
        }
        key.setOnAction(event -> {
            if (!target.isFocused()) {
                target.end();
            }
            press.run();
        });
        return key;
    }
}
