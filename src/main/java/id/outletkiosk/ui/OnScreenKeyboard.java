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

    public OnScreenKeyboard(TextField target, String spaceLabel) {
        super(8);
        getStyleClass().add("on-screen-keyboard");
        for (String row : ROWS) {
            HBox keys = new HBox(8);
            for (char letter : row.toCharArray()) {
                keys.getChildren().add(key(String.valueOf(letter), () -> type(target, String.valueOf(letter))));
            }
            if (row.startsWith("Z")) {
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
        Button space = key(spaceLabel, () -> type(target, " "));
        space.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(space, Priority.ALWAYS);
        getChildren().add(new HBox(space));
    }

    private static void type(TextField target, String text) {
        // capitals after a space: names are called out, "Budi Santoso" reads better than "BUDI SANTOSO"
        String current = target.getText();
        boolean startOfWord = current.isEmpty() || current.endsWith(" ");
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
