package id.outletkiosk.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;
import org.awaitility.Awaitility;

/** Removes a test's folder once nothing writes in it any more. */
public final class TempFolders {
    private TempFolders() {
    }

    public static void deleteWhenQuiet(Path folder) {
        Awaitility.await().atMost(Duration.ofSeconds(10)).ignoreExceptions().until(() -> {
            deleteTree(folder);
            return !Files.exists(folder);
        });
    }

    /** Deletes {@code folder} and everything in it now (a benchmark's scratch folder: nothing left in /tmp). */
    public static void deleteTree(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path path : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
