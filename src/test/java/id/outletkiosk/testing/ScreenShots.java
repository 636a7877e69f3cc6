package id.outletkiosk.testing;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javax.imageio.ImageIO;

/** What the README's screenshot drivers share: a pause on the FX thread, a scene written to a PNG, the end. */
public final class ScreenShots {
    private ScreenShots() {
    }

    /** A driver's command line: the PNG to write, the scene's size, and what else to show ("" for nothing). */
    public record Shot(Path out, int width, int height, String mode) {
        public static Shot of(String[] args) {
            return new Shot(Path.of(args[0]), Integer.parseInt(args[1]), Integer.parseInt(args[2]),
                    args.length > 3 ? args[3] : "");
        }
    }

    /** A window of {@code scene} at the screen's top left corner, shown; call on the FX thread. */
    public static Stage show(Scene scene) {
        Stage stage = new Stage();
        stage.setScene(scene);
        stage.setX(0);
        stage.setY(0);
        stage.show();
        return stage;
    }

    /** Runs {@code action} on the FX thread after {@code seconds}, without blocking it meanwhile. */
    public static void later(double seconds, Runnable action) {
        PauseTransition pause = new PauseTransition(javafx.util.Duration.seconds(seconds));
        pause.setOnFinished(event -> action.run());
        pause.play();
    }

    /**
     * A driver's last step, on the FX thread: the scene to {@code out}, then {@code parts} closed in turn
     * (one that fails is printed, the rest still close), and the process ends.
     */
    public static void writeAndExit(Scene scene, Path out, AutoCloseable... parts) {
        try {
            write(scene, out);
            System.out.println("wrote " + out);
        } catch (IOException e) {
            e.printStackTrace();
        }
        closeAndExit(parts);
    }

    /** {@code parts} closed in turn (one that fails is printed, the rest still close), then the process ends. */
    public static void closeAndExit(AutoCloseable... parts) {
        for (AutoCloseable part : parts) {
            try {
                part.close();
            } catch (Exception e) {
                e.printStackTrace();
            }
        }
        Platform.exit();
        System.exit(0);
    }

    /** The scene as it is drawn now, as a PNG; call on the FX thread. */
    public static void write(Scene scene, Path out) throws IOException {
        writePng(scene.snapshot(null), out);
    }

    /** A snapshot (of a scene, or part of one) as a PNG. */
    public static void writePng(WritableImage image, Path out) throws IOException {
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
