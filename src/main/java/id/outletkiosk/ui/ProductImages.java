package id.outletkiosk.ui;

import id.outletkiosk.security.Tls;

import id.outletkiosk.sync.DaemonThreads;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.geometry.Rectangle2D;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Product pictures from {@code image_url}, kept on disk so the kiosk shows them offline. Downloading
 * and decoding run on two background threads, never the FX thread; until a picture is ready, and
 * whenever there is none (no URL, offline with nothing cached, a broken file), the tidy placeholder
 * from assets/ shows. Decoded pictures are kept in a small LRU so scrolling a 500-dish grid does not
 * decode the same picture twice, and memory stays bounded.
 */
public final class ProductImages implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ProductImages.class);
    private static final long MAX_PICTURE_BYTES = 5L * 1024 * 1024;
    private static final Duration RETRY_FAILED_AFTER = Duration.ofMinutes(1);
    /**
     * A screen of tiles and a row more: the landscape grid shows up to 20 cells at once (4 across, 5 rows
     * partly), and a scroll hands every visible cell its picture again, so fewer would decode what is on
     * screen over and over. Each kept picture costs its pixels and its texture (~0.5 MB at 300x225, ~0.35 MB
     * at a landscape tile's 250x188); 48 kept made the browsed kiosk's heap ~13 MB larger for pictures nobody
     * was looking at (BENCHMARKS.md).
     */
    static final int DECODED_KEPT = 24;

    private final Path folder;
    private final URI base;
    private final Tls tls;
    /**
     * Built by the first download, on a loader thread: building it loads the JDK's trust store (~0.1 s), which
     * the kiosk's start should not wait for, and a kiosk with every picture on disk never needs.
     */
    private OkHttpClient http;
    private final Object httpLock = new Object();
    private final Clock clock;
    /** The box grid pictures are decoded into (their shape kept); the menu sets it to its tiles'. */
    private double width;
    private double height;
    private final Image placeholder;
    private final ExecutorService loaders;
    private final Map<String, Image> decoded = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Image> eldest) {
            return size() > DECODED_KEPT;
        }
    };
    private final Map<String, List<Consumer<Image>>> waiting = new HashMap<>();
    private final Map<String, Instant> failedAt = new HashMap<>();

    /**
     * @param folder where pictures are kept (created)
     * @param base   what a relative {@code image_url} is resolved against (the backend), or null
     */
    public ProductImages(Path folder, URI base, Clock clock, double width, double height) {
        this(folder, base, clock, width, height, null);
    }

    /** @param tls whom to trust for https pictures (null: the system's store): the terminal's CA file */
    public ProductImages(Path folder, URI base, Clock clock, double width, double height,
            Tls tls) {
        this.folder = folder;
        this.base = base;
        this.clock = clock;
        this.width = width;
        this.height = height;
        this.tls = tls;
        this.placeholder = new Image(ProductImages.class.getResource("/assets/product-placeholder.png").toExternalForm(),
                width, height, true, true);
        this.loaders = Executors.newFixedThreadPool(2, DaemonThreads.named("product-images"));
    }

    /**
     * Shows {@code image} filling {@code view} without stretching it: the middle of the picture, cut to
     * the view's shape, like CSS {@code object-fit: cover}.
     */
    public static void showCovering(ImageView view, Image image) {
        double targetRatio = view.getFitWidth() / view.getFitHeight();
        double width = image.getWidth();
        double height = image.getHeight();
        if (width <= 0 || height <= 0) {
            view.setViewport(null);
        } else if (width / height > targetRatio) {
            double cropped = height * targetRatio;
            view.setViewport(new Rectangle2D((width - cropped) / 2, 0, cropped, height));
        } else {
            double cropped = width / targetRatio;
            view.setViewport(new Rectangle2D(0, (height - cropped) / 2, width, cropped));
        }
        view.setImage(image);
    }

    public Image placeholder() {
        return placeholder;
    }

    /**
     * Grid pictures from now on decoded as wide as a tile {@code tileWidth} px wide, in a square box: a
     * 4:3 or 1:1 picture then covers the tile (about 3:2) with no pixel to spare and none stretched (a
     * wider picture is cut narrower, a taller one capped at the square). The pictures kept at another
     * size are dropped (the screen was turned): each is decoded again, from disk, when shown.
     */
    public synchronized void decodeForTiles(double tileWidth) {
        if (tileWidth != width || tileWidth != height) {
            width = tileWidth;
            height = tileWidth;
            decoded.clear();
        }
    }

    /**
     * Hands {@code show} the picture on the FX thread: at once when decoded already, else the
     * placeholder now and the picture when it is ready. Call on the FX thread.
     */
    public void load(String imageUrl, Consumer<Image> show) {
        URI uri = resolve(imageUrl);
        if (uri == null) {
            show.accept(placeholder);
            return;
        }
        String key = uri.toString();
        Image ready;
        synchronized (this) {
            ready = decoded.get(key);
            Instant failed = failedAt.get(key);
            if (ready == null && failed != null && failed.plus(RETRY_FAILED_AFTER).isAfter(clock.instant())) {
                ready = placeholder;
            }
            if (ready == null) {
                show.accept(placeholder);
                List<Consumer<Image>> queue = waiting.get(key);
                if (queue != null) {
                    queue.add(show);
                    return;
                }
                waiting.put(key, new ArrayList<>(List.of(show)));
            }
        }
        if (ready != null) {
            show.accept(ready);
            return;
        }
        // after the FX thread's current turn: the first layout of a screen of tiles asks for every picture at once,
        // and on two cores their decoding beside that layout held back the menu's first frame (BENCHMARKS.md,
        // issue 16); the tiles show the placeholder meanwhile, as they do while any picture decodes
        Platform.runLater(() -> onLoader(() -> fetchForGrid(uri, key)));
    }

    /**
     * A large picture (the dish sheet): from the same disk cache, decoded at {@code largeWidth} x
     * {@code largeHeight}, not kept in memory; the placeholder first, as with {@link #load}.
     */
    public void loadLarge(String imageUrl, double largeWidth, double largeHeight, Consumer<Image> show) {
        show.accept(placeholder);
        URI uri = resolve(imageUrl);
        if (uri != null) {
            onLoader(() -> {
                Image image = decode(uri, uri.toString(), largeWidth, largeHeight);
                Platform.runLater(() -> show.accept(image));
            });
        }
    }

    /**
     * Runs {@code work} on a loader thread, or drops it when the images were closed (the window went away:
     * nothing left to show a picture in). Catching the refusal instead of asking {@code isShutdown()} first: a
     * {@link #close()} from another thread between the question and the call would throw on the FX thread.
     */
    private void onLoader(Runnable work) {
        try {
            loaders.execute(work);
        } catch (RejectedExecutionException closed) {
            LOG.debug("product images closed; a picture is no longer wanted");
        }
    }

    /** Decoded pictures waiting to be shown; zero once everything asked for is on screen. */
    public synchronized int pending() {
        return waiting.size();
    }

    private void fetchForGrid(URI uri, String key) {
        double decodeWidth;
        double decodeHeight;
        synchronized (this) {
            decodeWidth = width;
            decodeHeight = height;
        }
        Image image = decode(uri, key, decodeWidth, decodeHeight);
        List<Consumer<Image>> shows;
        synchronized (this) {
            if (image == placeholder) {
                failedAt.put(key, clock.instant());
            } else {
                decoded.put(key, image);
                failedAt.remove(key);
            }
            shows = waiting.remove(key);
        }
        Image result = image;
        if (shows != null) {
            Platform.runLater(() -> shows.forEach(show -> show.accept(result)));
        }
    }

    /** From the disk cache, downloading it first if need be; the placeholder when there is no good picture. */
    private Image decode(URI uri, String key, double decodeWidth, double decodeHeight) {
        try {
            Path file = folder.resolve(fileNameFor(key));
            if (!Files.isRegularFile(file)) {
                download(uri, file);
            }
            Image loaded = new Image(file.toUri().toString(), decodeWidth, decodeHeight, true, true, false);
            if (loaded.isError()) {
                Files.deleteIfExists(file); // a broken file would be a broken picture forever
                throw new IOException("not a picture: " + loaded.getException());
            }
            return loaded;
        } catch (IOException | RuntimeException e) {
            LOG.debug("picture {} not available, showing the placeholder: {}", key, e.getMessage());
            return placeholder;
        }
    }

    private void download(URI uri, Path file) throws IOException {
        Files.createDirectories(folder);
        Request request = new Request.Builder().url(uri.toString()).build();
        try (Response response = http().newCall(request).execute()) {
            if (!response.isSuccessful()) {
                throw new IOException("HTTP " + response.code());
            }
            long length = response.body().contentLength();
            if (length > MAX_PICTURE_BYTES) {
                throw new IOException("picture of " + length + " bytes is too large");
            }
            Path partial = Files.createTempFile(folder, "download-", ".part");
            try (InputStream in = response.body().byteStream()) {
                long copied = Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
                if (copied > MAX_PICTURE_BYTES) {
                    throw new IOException("picture of " + copied + " bytes is too large");
                }
                // whole files only: a crash mid-download must not leave half a picture in the cache
                Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(partial);
            }
        }
    }

    private OkHttpClient http() {
        synchronized (httpLock) { // not this: the FX thread's load() must not wait while the client is built
            if (http != null) {
                return http;
            }
            // a picture server is not the backend: its own short timeouts, and never the API token
            OkHttpClient.Builder builder = new OkHttpClient.Builder();
            if (tls != null && base != null && "https".equalsIgnoreCase(base.getScheme())) {
                builder.sslSocketFactory(tls.context().getSocketFactory(), tls.trustManager());
            }
            http = builder.connectTimeout(Duration.ofSeconds(3)).readTimeout(Duration.ofSeconds(10))
                    .callTimeout(Duration.ofSeconds(20)).build();
            return http;
        }
    }

    private URI resolve(String imageUrl) {
        if (imageUrl == null || imageUrl.isBlank()) {
            return null;
        }
        try {
            URI uri = URI.create(imageUrl.strip());
            if (!uri.isAbsolute()) {
                uri = base == null ? null : base.resolve(uri);
            }
            return uri != null && ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) ? uri : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    static String fileNameFor(String url) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(url.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16) + ".img";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        loaders.shutdownNow();
        OkHttpClient built;
        synchronized (httpLock) {
            built = http;
        }
        if (built != null) {
            built.dispatcher().executorService().shutdown();
            built.connectionPool().evictAll();
        }
    }
}
