package id.outletkiosk.ui.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The installed kiosk (jpackage.cfg) and {@code mvn javafx:run} (pom.xml) start with the same JVM options,
 * the software renderer's memory levers among them (BENCHMARKS.md, issue 16); the installed kiosk's menu entry
 * sets the environment jpackage's launcher cannot.
 */
class KioskLauncherOptionsTest {
    @Test
    void theAppImageAndJavafxRunStartTheKioskAlike_withoutPrismsRegionCache() throws Exception {
        List<String> installed = Files.readAllLines(Path.of("jpackage.cfg")).stream()
                .filter(line -> line.startsWith("--java-options "))
                .map(line -> line.substring("--java-options ".length()).trim())
                .filter(option -> !option.startsWith("-XX:SharedArchiveFile")) // only inside an app image
                .toList();
        String pom = Files.readString(Path.of("pom.xml"));
        String plugin = pom.substring(pom.indexOf("<artifactId>javafx-maven-plugin</artifactId>"));
        String options = plugin.substring(plugin.indexOf("<options>"), plugin.indexOf("</options>"));
        Matcher option = Pattern.compile("<option>([^<]+)</option>").matcher(options);
        List<String> javafxRun = option.results().map(found -> found.group(1).trim()).toList();

        assertThat(javafxRun).isEqualTo(installed);
        // a 2048x1024 int[] texture of cached backgrounds (8 MB of heap) in the software renderer
        assertThat(installed).contains("-Dprism.disableRegionCaching=true");
        // the class-data archive mapped where it was made, not copied and rewritten at a random address (~38 MB
        // of private dirty pages); the flag is diagnostic, so the unlock must come first
        assertThat(installed).containsSubsequence("-XX:+UnlockDiagnosticVMOptions", "-XX:ArchiveRelocationMode=0");
    }

    @Test
    void theInstalledKioskStartsWithGlibcsFixedMmapThreshold_soFrameSizedBuffersAreGivenBack() throws Exception {
        String exec = Files.readAllLines(Path.of("packaging/deb-resources/OutletKiosk.desktop")).stream()
                .filter(line -> line.startsWith("Exec=")).findFirst().orElseThrow();
        List<String> environment = List.of(exec.substring("Exec=env ".length()).split(" "));

        assertThat(exec).startsWith("Exec=env ");
        assertThat(environment).contains("GDK_GL=disable", "MALLOC_MMAP_THRESHOLD_=131072");
        assertThat(environment.get(environment.size() - 1)).isEqualTo("APPLICATION_LAUNCHER");
    }
}
