package id.outletkiosk.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsLoaderTest {
    @TempDir
    Path home;

    private SettingsLoader loader() {
        return new SettingsLoader(home);
    }

    @Test
    void defaultsWithNothingConfiguredAreDemoMode() {
        Settings settings = loader().load(Map.of(), Map.of());

        assertThat(settings.hasBackend()).isFalse();
        assertThat(settings.outlet()).isEqualTo(1);
        assertThat(settings.role()).isEqualTo(Role.KIOSK);
        assertThat(settings.dataDir()).isEqualTo(home.resolve(".outlet-kiosk/demo"));
        assertThat(settings.refreshInterval()).isEqualTo(Duration.ofHours(6));
        assertThat(settings.outdatedAfter()).isEqualTo(Duration.ofHours(24));
        assertThat(settings.callTimeout()).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void flagsBeatEnvironmentWhichBeatsTheFileWhichBeatsDefaults() throws IOException {
        Path file = home.resolve("kiosk.properties");
        Files.writeString(file, "backend=http://file:8000\noutlet=3\nrole=kitchen\nrefresh-interval=30m\n");
        Map<String, String> env = Map.of("OUTLET_KIOSK_CONFIG", file.toString(),
                "OUTLET_KIOSK_OUTLET", "4", "OUTLET_KIOSK_BACKEND", "http://env:8000");
        Map<Setting, String> flags = Map.of(Setting.BACKEND, "https://flag.example/pos");

        Settings settings = loader().load(flags, env);

        assertThat(settings.backend()).isEqualTo(URI.create("https://flag.example/pos"));
        assertThat(settings.outlet()).isEqualTo(4);
        assertThat(settings.role()).isEqualTo(Role.KITCHEN);
        assertThat(settings.refreshInterval()).isEqualTo(Duration.ofMinutes(30));
        assertThat(settings.configFile()).isEqualTo(file);
        assertThat(settings.dataDir()).isEqualTo(home.resolve(".outlet-kiosk"));
    }

    @Test
    void theCustomersPickupScreenIsARoleOfItsOwn() {
        assertThat(loader().load(Map.of(Setting.ROLE, "pickup"), Map.of()).role()).isEqualTo(Role.PICKUP);
        assertThat(loader().load(Map.of(), Map.of("OUTLET_KIOSK_ROLE", " Pickup ")).role()).isEqualTo(Role.PICKUP);
        assertThat(Role.PICKUP.wireName()).isEqualTo("pickup");
    }

    @Test
    void kioskModeIsFullScreenForARealKioskAndAWindowForTheDemoAndOtherRoles() {
        String backend = "http://backend:8000";
        assertThat(loader().load(Map.of(), Map.of()).kiosk().fullScreen()).isFalse();
        assertThat(loader().load(Map.of(Setting.BACKEND, backend), Map.of()).kiosk().fullScreen()).isTrue();
        assertThat(loader().load(Map.of(Setting.BACKEND, backend, Setting.ROLE, "kitchen"), Map.of()).kiosk()
                .fullScreen()).isFalse();
        assertThat(loader().load(Map.of(Setting.KIOSK_MODE, "on"), Map.of()).kiosk().fullScreen()).isTrue();
        assertThat(loader().load(Map.of(Setting.BACKEND, backend), Map.of("OUTLET_KIOSK_KIOSK_MODE", "off")).kiosk()
                .fullScreen()).isFalse();
        assertThat(loader().load(Map.of(Setting.IDLE_TIMEOUT, "2m"), Map.of()).kiosk().idleTimeout())
                .isEqualTo(Duration.ofMinutes(2));
        assertThat(loader().load(Map.of(), Map.of()).kiosk().idleTimeout()).isEqualTo(Duration.ofSeconds(90));
        assertThatThrownBy(() -> loader().load(Map.of(Setting.KIOSK_MODE, "sometimes"), Map.of()))
                .isInstanceOf(SettingsException.class)
                .hasMessage("kiosk-mode: \"sometimes\" is not one of on, off, auto (from --kiosk-mode)");
    }

    @Test
    void kitchenTicketsAgeByConfigurableThresholdsThatMustGrow() {
        Settings defaults = loader().load(Map.of(), Map.of());
        assertThat(defaults.kitchen()).isEqualTo(new Settings.KitchenOptions(Duration.ofMinutes(5),
                Duration.ofMinutes(10), true, null));
        assertThat(loader().load(Map.of(Setting.TICKET_WARN_AFTER, "3m", Setting.TICKET_LATE_AFTER, "8m",
                Setting.NEW_ORDER_SOUND, "off"), Map.of()).kitchen())
                .isEqualTo(new Settings.KitchenOptions(Duration.ofMinutes(3), Duration.ofMinutes(8), false, null));
        assertThatThrownBy(() -> loader().load(Map.of(Setting.TICKET_WARN_AFTER, "10m"), Map.of()))
                .isInstanceOf(SettingsException.class)
                .hasMessage("ticket-late-after: 10m must be longer than ticket-warn-after (10m)");
        assertThatThrownBy(() -> loader().load(Map.of(Setting.NEW_ORDER_SOUND, "loud"), Map.of()))
                .isInstanceOf(SettingsException.class).hasMessageContaining("is not on or off");
    }

    @Test
    void alertThresholdsAndOpeningHours() {
        Settings.AlertOptions defaults = loader().load(Map.of(), Map.of()).alerts();
        assertThat(defaults).isEqualTo(new Settings.AlertOptions(Duration.ofMinutes(10), Duration.ofMinutes(45),
                java.time.LocalTime.of(10, 0), java.time.LocalTime.of(22, 0)));
        Settings.AlertOptions always = loader().load(Map.of(Setting.OPEN_HOURS, "always",
                Setting.OUTBOX_ALERT_AFTER, "5m"), Map.of()).alerts();
        assertThat(always.isOpenAt(java.time.LocalTime.of(3, 0))).isTrue();
        assertThat(always.outboxWaitAfter()).isEqualTo(Duration.ofMinutes(5));
        for (String bad : new String[] {"10-22", "10:00", "25:00-22:00", "10:00-22:00-23:00"}) {
            assertThatThrownBy(() -> loader().load(Map.of(Setting.OPEN_HOURS, bad), Map.of()))
                    .isInstanceOf(SettingsException.class)
                    .hasMessage("open-hours: \"" + bad + "\" is not opening hours like 10:00-22:00, or always"
                            + " (from --open-hours)");
        }
    }

    @Test
    void theStandardConfigFileIsReadWhenPresent() throws IOException {
        Files.createDirectories(home.resolve(".outlet-kiosk"));
        Files.writeString(home.resolve(".outlet-kiosk/outlet-kiosk.properties"), "outlet=9\n");
        assertThat(loader().load(Map.of(), Map.of()).outlet()).isEqualTo(9);
    }

    @Test
    void badValuesNameTheSettingAndWhereItCameFrom() {
        assertRefused(Map.of(Setting.BACKEND, "backend:8000"), Map.of(),
                "backend: \"backend:8000\" is not a URL like http://host:port or https://host:port (from --backend)");
        assertRefused(Map.of(), Map.of("OUTLET_KIOSK_OUTLET", "0"),
                "outlet: \"0\" is not a positive whole number (from OUTLET_KIOSK_OUTLET)");
        assertRefused(Map.of(Setting.OUTLET, "satu"), Map.of(),
                "outlet: \"satu\" is not a positive whole number (from --outlet)");
        assertRefused(Map.of(Setting.ROLE, "cashier"), Map.of(),
                "role: \"cashier\" is not one of kiosk, kitchen, manager, pickup (from --role)");
        assertRefused(Map.of(Setting.LOCAL_WS, "http://local:3001"), Map.of(),
                "local-ws: \"http://local:3001\" is not a URL like ws://host:port or wss://host:port (from --local-ws)");
        assertRefused(Map.of(Setting.READ_TIMEOUT, "soon"), Map.of(),
                "read-timeout: \"soon\" is not a positive duration like 500ms, 30s, 5m or 6h (from --read-timeout)");
    }

    @Test
    void aDurationNoTimerCouldHoldIsASettingsErrorNotACrash() {
        assertRefused(Map.of(Setting.REFRESH_INTERVAL, "99999999999999999999s"), Map.of(), "refresh-interval: "
                + "\"99999999999999999999s\" is not a positive duration like 500ms, 30s, 5m or 6h (from --refresh-interval)");
        assertRefused(Map.of(Setting.RETENTION, "4000d"), Map.of(),
                "retention: \"4000d\" is longer than 3650 days (from --retention)");
        assertRefused(Map.of(Setting.OUTLET, "99999999999"), Map.of(),
                "outlet: \"99999999999\" is too large (from --outlet)");
    }

    @Test
    void everySettingIsDeclaredWithAKindAndADefaultItsKindAccepts() {
        Settings defaults = loader().load(Map.of(), Map.of());
        for (Setting setting : Setting.values()) {
            assertThat(setting.description()).as(setting.key()).isNotBlank();
            assertThat(setting.valueLabel()).as(setting.key()).isNotBlank();
            if (setting.defaultText() != null) {
                Object parsed = setting.kind().parse(setting.defaultText());
                assertThat(parsed == null ? null : (Object) setting.kind().parse(setting.kind().formatValue(parsed)))
                        .as("%s written as it shows reads back the same", setting.key()).isEqualTo(parsed);
                assertThat((Object) defaults.get(setting)).as(setting.key()).isEqualTo(
                        setting == Setting.KIOSK_MODE ? Boolean.FALSE : parsed); // auto, in the demo: a window
            }
        }
        assertThat(defaults.toString()).contains("refresh-interval=6h", "open-hours=10:00-22:00", "token=(none)");
    }

    @Test
    void aDataFolderThatCannotBeCreatedIsRefused() throws IOException {
        Path file = Files.writeString(home.resolve("not-a-folder"), "x");
        assertThatThrownBy(() -> loader().load(Map.of(Setting.DATA_DIR, file.resolve("data").toString()), Map.of()))
                .isInstanceOf(SettingsException.class)
                .hasMessageStartingWith("data-dir: folder " + file.resolve("data") + " is not writable (from --data-dir)");
    }

    @Test
    void theDataFolderIsCreatedForTheOwnerOnly() throws IOException {
        Path data = home.resolve("new/data");
        loader().load(Map.of(Setting.DATA_DIR, data.toString()), Map.of());
        assertThat(Files.getPosixFilePermissions(data)).containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ,
                PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE);
    }

    @Test
    void aTypoInTheConfigFileIsRefusedNotIgnored() throws IOException {
        Path file = Files.writeString(home.resolve("k.properties"), "backnd=http://x:1\n");
        assertThatThrownBy(() -> loader().load(Map.of(Setting.CONFIG, file.toString()), Map.of()))
                .hasMessageStartingWith("config: unknown setting 'backnd' in " + file);
    }

    @Test
    void aMissingConfigFileIsRefused() {
        assertRefused(Map.of(Setting.CONFIG, home.resolve("nope.properties").toString()), Map.of(),
                "config: file " + home.resolve("nope.properties") + " does not exist or is not a file (from --config)");
    }

    @Test
    void theTokenNeverShowsInTextOrErrors() {
        Settings settings = loader().load(Map.of(Setting.TOKEN, "s3cret-token"), Map.of());
        assertThat(settings.toString()).doesNotContain("s3cret-token").contains("token=(set)");
        assertThat(settings.token()).isEqualTo("s3cret-token");
    }

    private void assertRefused(Map<Setting, String> flags, Map<String, String> env, String message) {
        assertThatThrownBy(() -> loader().load(flags, env)).isInstanceOf(SettingsException.class).hasMessage(message);
    }
}
