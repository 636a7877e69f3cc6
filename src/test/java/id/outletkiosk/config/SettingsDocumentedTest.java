package id.outletkiosk.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * README's configuration table is the one place people read about settings; the declarations in
 * {@link Setting} are the one place code reads. This keeps them saying the same: a new setting without a
 * row, or a row for a setting that is gone, fails the build.
 */
class SettingsDocumentedTest {

    @Test
    void readmesConfigurationTableHasARowForEverySettingAndNoOther() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        int start = readme.indexOf("## Configuration");
        String section = readme.substring(start, readme.indexOf("\n## ", start + 1));
        Set<String> documented = new LinkedHashSet<>();
        for (String line : section.lines().filter(line -> line.startsWith("| `")).toList()) {
            String firstCell = line.substring(1, line.indexOf('|', 1));
            Matcher key = Pattern.compile("`([a-z-]+)`").matcher(firstCell);
            while (key.find()) {
                documented.add(key.group(1));
            }
        }
        List<String> declared = Arrays.stream(Setting.values()).filter(setting -> setting != Setting.CONFIG)
                .map(Setting::key).toList(); // --config is told in the paragraph above the table
        assertThat(documented).as("README's configuration table").containsExactlyInAnyOrderElementsOf(declared);
    }
}
