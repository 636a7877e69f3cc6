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
 * Letters for a touch screen with no keyboard: a name for the kitchen to call out, or a note for the
 * kitchen. Keys are 64 px high (52 px with the {@code compact-keys} style class on a short screen), well
 * over the 48 px a finger needs, and a tenth of the keyboard's width wide, so a wide screen gets wide
 * keys instead of empty space. Typing goes through the field's own text formatter (a length limit
 * holds) and lands at its caret, or at its end once the field has lost the focus to another button
 * (a focused field's caret is where the customer put it; an unfocused one's is not to be trusted).
 */
public final class OnScreenKeyboard extends VBox {
    /** How letters are typed. */
    public enum Letters {
        /** Capitals after a space: names are called out, "Budi Santoso" reads better than "BUDI SANTOSO". */
        NAME,
        /** Small letters and a comma: "tanpa kecap, sambal dipisah". */
        NOTE
    }

    private static final String[] ROWS = {"1234567890", "QWERTYUIOP", "ASDFGHJKL", "ZXCVBNM"};

    private static final double GAP = 8;

    private final TextField target;
    private final Letters letters;
    /** One key's width: ten keys and their gaps fill a row. */
    private final DoubleBinding unit;

    /** A keyboard for a name. */
    public OnScreenKeyboard(TextField target, String spaceLabel) {
        this(target, spaceLabel, Letters.NAME);
    }

    public OnScreenKeyboard(TextField target, String spaceLabel, Letters letters) {
        super(GAP);
        this.target = target;
        this.letters = letters;
        this.unit = Bindings.createDoubleBinding(() -> Math.max(48, Math.floor((getWidth() - 9 * GAP) / 10)),
                widthProperty());
        getStyleClass().add("on-screen-keyboard");
        for (String row : ROWS) {
            HBox keys = new HBox(GAP);
            keys.setAlignment(Pos.CENTER);
            for (char letter : row.toCharArray()) {
                keys.getChildren().add(key(String.valueOf(letter), () -> type(String.valueOf(letter))));
            }
            if (row.startsWith("Z")) {
                if (letters == Letters.NOTE) {
                    keys.getChildren().add(key(",", () -> target.insertText(target.getCaretPosition(), ",")));
                }
                Button backspace = key("⌫", target::deletePreviousChar);
                backspace.getStyleClass().add("wide-key");
                backspace.prefWidthProperty().bind(unit.multiply(2).add(GAP));
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
        target.insertText(caret, capital ? letter : letter.toLowerCase(Locale.ROOT));
    }

    private Button key(String label, Runnable press) {
        Button key = new Button(label);
        key.getStyleClass().add("key");
        key.setFocusTraversable(false);
        key.prefWidthProperty().bind(unit);
        key.setOnAction(event -> {
            if (!target.isFocused()) {
                target.end();
            }
            press.run();
        });
        return key;
    }
}
