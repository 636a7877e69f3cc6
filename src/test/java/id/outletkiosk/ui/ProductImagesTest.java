package id.outletkiosk.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import id.outletkiosk.server.ReferenceBackend;
import id.outletkiosk.testing.RawHttpServer;
import id.outletkiosk.testing.TempFolders;
import id.outletkiosk.testing.TestClocks;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import javafx.application.Platform;
import javafx.scene.image.Image;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;

/** Pictures fetched once, kept on disk, shown offline; the placeholder whenever there is no picture. */
@Tag("screen")
class ProductImagesTest {
    @TempDir(cleanup = CleanupMode.NEVER)
    Path home;

    private ReferenceBackend backend;

    @BeforeAll
    static void startJavaFx() throws Exception {
        FxToolkit.registerPrimaryStage(); // decoding a picture needs the toolkit, not a window
    }

    @AfterEach
    void close() {
        if (backend != null) {
            backend.close();
        }
        TempFolders.deleteWhenQuiet(home);
    }

    @Test
    void aPictureIsDownloadedOnceAndShownFromDiskWhenTheBackendIsGone() {
        backend = ReferenceBackend.startDemo(ReferenceBackend.Options.loopback(), TestClocks.noonInJakarta());
        Path folder = home.resolve("pictures");
        try (ProductImages online = new ProductImages(folder, backend.baseUri(), TestClocks.noonInJakarta(), 240, 180)) {
            List<Image> shown = load(online, "/media/products/1.png", 2);
            assertThat(shown.get(0)).isSameAs(online.placeholder());
            assertThat(shown.get(1)).isNotSameAs(online.placeholder());
            assertThat(shown.get(1).getWidth()).isEqualTo(240);
            assertThat(loadNow(online, "/media/products/1.png")).isSameAs(shown.get(1)); // decoded once
        }
        assertThat(filesIn(folder)).hasSize(1);
        backend.close();

        try (ProductImages offline = new ProductImages(folder, backend.baseUri(), TestClocks.noonInJakarta(), 240, 180)) {
            List<Image> shown = load(offline, "/media/products/1.png", 2);
            assertThat(shown.get(1)).isNotSameAs(offline.placeholder());
            List<Image> neverFetched = load(offline, "/media/products/2.png", 2);
            assertThat(neverFetched.get(1)).isSameAs(offline.placeholder());
        }
    }

    @Test
    void noUrlABrokenPictureOrAnErrorGiveThePlaceholderAndLeaveNothingBehind() throws Exception {
        try (RawHttpServer server = new RawHttpServer((request, socket, out) -> {
            byte[] body = "this is not a png".getBytes(StandardCharsets.US_ASCII);
            String status = request.path().endsWith("missing.png") ? "404 Not Found" : "200 OK";
            out.write(("HTTP/1.1 " + status + "\r\nContent-Type: image/png\r\nContent-Length: " + body.length
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(body);
        }); ProductImages images = new ProductImages(home.resolve("pictures"), server.uri(),
                TestClocks.noonInJakarta(), 240, 180)) {
            assertThat(loadNow(images, null)).isSameAs(images.placeholder());
            assertThat(loadNow(images, "ftp://example.invalid/x.png")).isSameAs(images.placeholder());
            assertThat(load(images, "/broken.png", 2).get(1)).isSameAs(images.placeholder());
            assertThat(load(images, "/missing.png", 2).get(1)).isSameAs(images.placeholder());
            assertThat(filesIn(home.resolve("pictures"))).isEmpty();
            // a failed picture is not asked for again at once: offline must not mean a request per scroll
            int asked = server.requests().size();
            assertThat(loadNow(images, "/broken.png")).isSameAs(images.placeholder());
            assertThat(server.requests()).hasSize(asked);
        }
    }

    @Test
    void theGridKeepsAScreenOfDecodedPicturesNotTwo() throws Exception {
        byte[] png = smallPng();
        try (RawHttpServer server = new RawHttpServer((request, socket, out) -> {
            out.write(("HTTP/1.1 200 OK\r\nContent-Type: image/png\r\nContent-Length: " + png.length
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(png);
        }); ProductImages images = new ProductImages(home.resolve("pictures"), server.uri(),
                TestClocks.noonInJakarta(), 240, 180)) {
            // a landscape screen shows up to 20 tiles: 24 pictures are all still decoded...
            for (int dish = 1; dish <= 24; dish++) {
                assertThat(load(images, "/media/products/" + dish + ".png", 2).get(1)).isNotSameAs(images.placeholder());
            }
            assertThat(loadNow(images, "/media/products/1.png")).isNotSameAs(images.placeholder());
            // ...but not 26 (the old bound kept 48): the least recently shown goes, and comes back from disk
            loadNow(images, "/media/products/25.png");
            load(images, "/media/products/26.png", 2);
            List<Image> again = load(images, "/media/products/2.png", 2);
            assertThat(again.get(0)).isSameAs(images.placeholder());
            assertThat(again.get(1)).isNotSameAs(images.placeholder());
            assertThat(loadNow(images, "/media/products/26.png")).isNotSameAs(images.placeholder());
        }
    }

    @Test
    void gridPicturesAreDecodedAsWideAsTheTiles_andDecodedAgainWhenTheTilesChange() throws Exception {
        byte[] png = smallPng(); // 4:3
        try (RawHttpServer server = new RawHttpServer((request, socket, out) -> {
            out.write(("HTTP/1.1 200 OK\r\nContent-Type: image/png\r\nContent-Length: " + png.length
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(png);
        }); ProductImages images = new ProductImages(home.resolve("pictures"), server.uri(),
                TestClocks.noonInJakarta(), 300, 225)) {
            images.decodeForTiles(250); // a landscape screen's tiles
            Image landscape = load(images, "/media/products/1.png", 2).get(1);
            assertThat(landscape.getWidth()).isEqualTo(250);
            assertThat(landscape.getHeight()).as("covers a 250x165 tile, the shape kept").isEqualTo(187.5, within(1.0));
            assertThat(loadNow(images, "/media/products/1.png")).isSameAs(landscape);

            images.decodeForTiles(313); // the screen turned to portrait
            List<Image> turned = load(images, "/media/products/1.png", 2);
            assertThat(turned.get(0)).as("the landscape one is not kept").isSameAs(images.placeholder());
            assertThat(turned.get(1).getWidth()).isEqualTo(313);
        }
    }

    @Test
    void picturesAskedForOnceTheImagesAreClosedShowThePlaceholderAndThrowNothing() {
        backend = ReferenceBackend.startDemo(ReferenceBackend.Options.loopback(), TestClocks.noonInJakarta());
        ProductImages images = new ProductImages(home.resolve("pictures"), backend.baseUri(), TestClocks.noonInJakarta(),
                240, 180);
        List<Image> shown = new CopyOnWriteArrayList<>();
        List<Throwable> thrown = new CopyOnWriteArrayList<>();
        Platform.runLater(() -> {
            try {
                images.load("/media/products/1.png", shown::add); // its download is posted after this turn...
                images.close(); // ...and the window goes away before it runs
                images.load("/media/products/2.png", shown::add);
                images.loadLarge("/media/products/3.png", 640, 480, shown::add);
            } catch (RuntimeException e) {
                thrown.add(e);
            }
        });
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> shown.size() >= 3);
        List<Throwable> afterTurn = new CopyOnWriteArrayList<>();
        Platform.runLater(() -> afterTurn.add(new Throwable("the posted download ran or was dropped by now")));
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> !afterTurn.isEmpty());
        assertThat(thrown).isEmpty();
        assertThat(shown).hasSize(3).allSatisfy(image -> assertThat(image).isSameAs(images.placeholder()));
        assertThat(filesIn(home.resolve("pictures"))).isEmpty();
    }

    private static byte[] smallPng() throws java.io.IOException {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(new java.awt.image.BufferedImage(40, 30, java.awt.image.BufferedImage.TYPE_INT_RGB),
                "png", bytes);
        return bytes.toByteArray();
    }

    /** Everything {@code show} is handed, on the FX thread, until {@code count} pictures came. */
    private static List<Image> load(ProductImages images, String url, int count) {
        List<Image> shown = new CopyOnWriteArrayList<>();
        Platform.runLater(() -> images.load(url, shown::add));
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> shown.size() >= count);
        return shown;
    }

    private static Image loadNow(ProductImages images, String url) {
        return load(images, url, 1).get(0);
    }

    private static List<Path> filesIn(Path folder) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.toList();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
