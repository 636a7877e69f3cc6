package id.outletkiosk.logging;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The long-running commands keep their log in the data folder, and the last lines can be read back. */
class LogFilesTest {
    private static final Logger LOG = LoggerFactory.getLogger(LogFilesTest.class);

    @TempDir
    Path dataDir;

    @AfterEach
    void stop() {
        LogFiles.stopWriting();
    }

    @Test
    void linesGoToTheDataFolderAndTheLastOnesComeBack() throws Exception {
        assertThat(LogFiles.lastLines(dataDir, 10)).isEmpty();
        LogFiles.writeTo(dataDir);
        LogFiles.writeTo(dataDir); // once per process, whatever calls it twice
        for (int i = 1; i <= 30; i++) {
            LOG.warn("order {} waiting", i);
        }

        assertThat(Files.isRegularFile(dataDir.resolve("logs").resolve(LogFiles.CURRENT))).isTrue();
        assertThat(LogFiles.lastLines(dataDir, 3)).hasSize(3).last().asString()
                .contains("WARN").contains("LogFilesTest - order 30 waiting");
    }
}
