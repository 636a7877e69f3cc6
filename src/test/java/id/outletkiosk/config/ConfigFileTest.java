package id.outletkiosk.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The manager's settings: validated as a whole before a byte is written, the rest of the file kept. */
class ConfigFileTest {
    @TempDir
    Path home;

    private ConfigFile fileWith(String text) throws Exception {
        SettingsLoader loader = new SettingsLoader(home);
        Path file = loader.standardConfigFile();
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return new ConfigFile(file, loader);
    }

    @Test
    void aChangeReplacesItsLine_keepsCommentsAndTheToken_andAddsNewKeysAtTheEnd() throws Exception {
        ConfigFile config = fileWith("# outlet 7, Jl. Sudirman\nbackend=http://old:8000\ntoken=s3cret\noutlet=7\n");

        Settings next = config.save(Map.of(Setting.BACKEND, "https://central.example:8443", Setting.ROLE, "kitchen",
                Setting.OUTLET, "7"));

        assertThat(Files.readAllLines(config.path())).containsExactly("# outlet 7, Jl. Sudirman",
                "backend=https://central.example:8443", "token=s3cret", "outlet=7", "role=kitchen");
        assertThat(next.backend()).isEqualTo(URI.create("https://central.example:8443"));
        assertThat(next.role()).isEqualTo(Role.KITCHEN);
        assertThat(next.token()).isEqualTo("s3cret");
        assertThat(Files.getPosixFilePermissions(config.path()))
                .isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(config.values()).containsEntry(Setting.ROLE, "kitchen").containsEntry(Setting.OUTLET, "7");
    }

    @Test
    void anEmptyValueRemovesTheSetting() throws Exception {
        ConfigFile config = fileWith("backend=http://old:8000\nlocal-http=http://10.0.0.2:3001\n");

        config.save(Map.of(Setting.LOCAL_HTTP, ""));

        assertThat(Files.readAllLines(config.path())).containsExactly("backend=http://old:8000");
    }

    @Test
    void aBadValueIsRefusedWithTheLoadersMessage_andTheFileIsUntouched() throws Exception {
        String before = "backend=http://old:8000\noutlet=7\n";
        ConfigFile config = fileWith(before);
        Map<Setting, String> typo = new HashMap<>();
        typo.put(Setting.BACKEND, "htp//central");
        typo.put(Setting.OUTLET, "7");

        assertThatThrownBy(() -> config.save(typo)).isInstanceOf(SettingsException.class)
                .hasMessage("backend: \"htp//central\" is not a URL like http://host:port or https://host:port"
                        + " (from config file " + config.path() + ")");
        assertThatThrownBy(() -> config.save(Map.of(Setting.OUTLET, "-3"))).isInstanceOf(SettingsException.class)
                .hasMessageStartingWith("outlet: \"-3\" is not a positive whole number");
        assertThat(Files.readString(config.path())).isEqualTo(before);
        try (var leftovers = Files.list(config.path().getParent())) {
            assertThat(leftovers.map(p -> p.getFileName().toString())).containsExactly("outlet-kiosk.properties");
        }
    }

    @Test
    void withNoFileYet_theStandardOneIsCreated() {
        SettingsLoader loader = new SettingsLoader(home);
        ConfigFile config = new ConfigFile(loader.standardConfigFile(), loader);

        config.save(Map.of(Setting.BACKEND, "http://central:8000", Setting.OUTLET, "12"));

        assertThat(loader.load(Map.of(), Map.of()).outlet()).isEqualTo(12);
    }
}
