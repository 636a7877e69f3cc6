package id.outletkiosk.server;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongFunction;
import javax.imageio.ImageIO;

/**
 * Product pictures for the demo and the tests: the reference backend serves a drawn plate for each
 * dish at {@code /media/products/{id}.png} (the path the demo menu's {@code image_url} names), so the
 * kiosk's picture cache has something real to fetch, keep and show offline.
 */
final class ProductPictures {
    static final String PATH = "/media/products/";
    private static final int WIDTH = 480;
    private static final int HEIGHT = 360;

    private final LongFunction<String> dishName;
    private final Map<Long, byte[]> drawn = new ConcurrentHashMap<>();

    ProductPictures(LongFunction<String> dishName) {
        this.dishName = dishName;
    }

    static String urlFor(long productId) {
        return PATH + productId + ".png";
    }

    void register(RoutesConfig routing) {
        routing.get(PATH + "{file}", this::serve);
    }

    private void serve(Context ctx) {
        String file = ctx.pathParam("file");
        long id;
        try {
            id = Long.parseLong(file.endsWith(".png") ? file.substring(0, file.length() - 4) : "x");
        } catch (NumberFormatException e) {
            ctx.status(404);
            return;
        }
        String name = dishName.apply(id);
        if (name == null) {
            ctx.status(404);
            return;
        }
        ctx.contentType("image/png").header("Cache-Control", "max-age=86400")
                .result(drawn.computeIfAbsent(id, key -> draw(key, name)));
    }

    /** A warm background, a plate, and the dish's initials: tidy enough for a demo, different per dish. */
    static byte[] draw(long id, String name) {
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            float hue = (id * 0.137f) % 1f;
            g.setPaint(new GradientPaint(0, 0, Color.getHSBColor(hue, 0.55f, 0.95f), WIDTH, HEIGHT,
                    Color.getHSBColor(hue, 0.75f, 0.70f)));
            g.fillRect(0, 0, WIDTH, HEIGHT);
            g.setColor(new Color(0, 0, 0, 40));
            g.fillOval(WIDTH / 2 - 135, HEIGHT / 2 - 125, 280, 270);
            g.setColor(new Color(255, 253, 248));
            g.fillOval(WIDTH / 2 - 140, HEIGHT / 2 - 140, 280, 280);
            g.setColor(Color.getHSBColor(hue, 0.35f, 0.98f));
            g.fillOval(WIDTH / 2 - 105, HEIGHT / 2 - 105, 210, 210);
            g.setColor(Color.getHSBColor(hue, 0.8f, 0.45f));
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 84));
            String initials = initials(name);
            FontMetrics metrics = g.getFontMetrics();
            g.drawString(initials, (WIDTH - metrics.stringWidth(initials)) / 2,
                    HEIGHT / 2 + metrics.getAscent() / 2 - 10);
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", png);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return png.toByteArray();
    }

    private static String initials(String name) {
        StringBuilder initials = new StringBuilder();
        for (String word : name.split("\\s+")) {
            if (!word.isEmpty() && Character.isLetter(word.charAt(0)) && initials.length() < 2) {
                initials.append(Character.toUpperCase(word.charAt(0)));
            }
        }
        return initials.length() == 0 ? "?" : initials.toString();
    }
}
