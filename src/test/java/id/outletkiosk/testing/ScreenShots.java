package id.outletkiosk.testing;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javafx.animation.PauseTransition;
import javafx.scene.Scene;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;

/** What the README's screenshot drivers share: a pause on the FX thread, and a scene written to a PNG. */
public final class ScreenShots {
    private ScreenShots() {
    }

    /** Runs {@code action} on the FX thread after {@code seconds}, without blocking it meanwhile. */
    public static void later(double seconds, Runnable action) {
        PauseTransition pause = new PauseTransition(javafx.util.Duration.seconds(seconds));
        pause.setOnFinished(event -> action.run());
        pause.play();
    }

    /** The scene as it is drawn now, as a PNG; call on the FX thread. */
    public static void write(Scene scene, Path out) throws IOException {
        WritableImage image = scene.snapshot(null);
        int w = (int) image.getWidth();
        int h = (int) image.getHeight();
        BufferedImage buffered = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        PixelReader pixels = image.getPixelReader();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                buffered.setRGB(x, y, pixels.getArgb(x, y));
            }
        }
        ImageIO.write(buffered, "png", out.toFile());
    }
}
